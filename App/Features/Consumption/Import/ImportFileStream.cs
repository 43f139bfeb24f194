using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Consumption.Import;

/// <summary>
/// Reads a stored upload back as a forward-only stream, one <see cref="ConsumptionImportChunk"/> at a time (1 MiB in
/// memory at most), on its own context. <see cref="BytesRead"/> drives the validation progress.
/// </summary>
internal sealed class ImportFileStream(IDbContextFactory<AppDbContext> dbFactory, Guid importId) : Stream
{
    private readonly AppDbContext _db = dbFactory.CreateDbContext();
    private byte[] _chunk = [];
    private int _offset;
    private int _next;
    private bool _done;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_offset >= _chunk.Length)
        {
            if (_done)
            {
                return 0;
            }

            var index = _next++;
            var bytes = _db.Set<ConsumptionImportChunk>().AsNoTracking()
                .Where(c => c.ImportId == importId && c.Index == index)
                .Select(c => c.Bytes)
                .SingleOrDefault();
            if (bytes is null)
            {
                _done = true;
                return 0;
            }

            _chunk = bytes;
            _offset = 0;
        }

        var n = Math.Min(count, _chunk.Length - _offset);
        Buffer.BlockCopy(_chunk, _offset, buffer, offset, n);
        _offset += n;
        BytesRead += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _db.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>An opened upload: CSV streams straight from the database; XLSX (a zip, read by seeking) goes to a temp file first.</summary>
internal sealed class OpenedImportFile : IDisposable
{
    private readonly ImportFileStream _source;
    private readonly FileStream? _temp;

    private OpenedImportFile(ImportFileStream source, FileStream? temp)
    {
        _source = source;
        _temp = temp;
    }

    public Stream Stream => (Stream?)_temp ?? _source;

    /// <summary>How far the reader is, in bytes of the original file.</summary>
    public long Position => _temp?.Position ?? _source.BytesRead;

    public static OpenedImportFile Open(IDbContextFactory<AppDbContext> dbFactory, Guid importId, ConsumptionFileKind kind)
    {
        var source = new ImportFileStream(dbFactory, importId);
        if (kind == ConsumptionFileKind.Csv)
        {
            return new OpenedImportFile(source, null);
        }

        var path = Path.Combine(Path.GetTempPath(), $"bp-import-{Guid.NewGuid():N}.xlsx");
        var temp = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        source.CopyTo(temp);
        temp.Position = 0;
        return new OpenedImportFile(source, temp);
    }

    public void Dispose()
    {
        _temp?.Dispose();
        _source.Dispose();
    }
}
