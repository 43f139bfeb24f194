using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.Exports;

/// <summary>
/// Stores export files as ~1 MB <see cref="ExportFileChunk"/> rows (ADR 0010): written one chunk per short transaction
/// from a local temp file, read back one chunk at a time, so neither side holds more than one chunk in memory.
/// </summary>
public sealed class ExportFileStore(IDbContextFactory<AppDbContext> dbFactory, IOptions<ExportOptions> options)
{
    /// <summary>
    /// Replaces the job's chunks with <paramref name="source"/>'s bytes; returns the size. With <paramref name="claimedBy"/>
    /// (the worker's run id) the old chunks are removed only while that run still holds the job (see <see cref="DeleteOwnAsync"/>).
    /// </summary>
    public async Task<long> SaveAsync(Guid jobId, Stream source, string? claimedBy = null, CancellationToken ct = default)
    {
        if (claimedBy is null)
        {
            await DeleteAsync(jobId, ct);
        }
        else
        {
            await DeleteOwnAsync(jobId, claimedBy, ct);
        }

        var buffer = new byte[Math.Max(4096, options.Value.ChunkBytes)];
        long size = 0;
        var index = 0;
        while (true)
        {
            var filled = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            if (filled == 0)
            {
                break;
            }

            await using (var db = await dbFactory.CreateSystemAsync(ct))
            {
                db.ExportFileChunks.Add(new ExportFileChunk { JobId = jobId, Index = index++, Data = buffer.AsSpan(0, filled).ToArray() });
                await db.SaveChangesAsync(ct);
            }

            size += filled;
            if (filled < buffer.Length)
            {
                break;
            }
        }

        return size;
    }

    public async Task DeleteAsync(Guid jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        await db.ExportFileChunks.Where(c => c.JobId == jobId).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Deletes the job's chunks only while run <paramref name="runId"/> still holds the job. A run that lost its claim (its
    /// instance was taken for dead and another instance re-ran the job) must not delete the new run's file on its way out:
    /// the job would show as completed with no file. The ownership test and the delete are one statement.
    /// </summary>
    public async Task DeleteOwnAsync(Guid jobId, string runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var jobs = db.ExportJobs;
        await db.ExportFileChunks
            .Where(c => c.JobId == jobId && jobs.Any(j => j.Id == jobId && j.ClaimedBy == runId))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>A forward-only stream over the job's chunks. The caller checked the job (owner, completed, not expired).</summary>
    public Stream OpenRead(Guid jobId, long length) => new ExportChunkStream(dbFactory, jobId, length);
}

/// <summary>Reads a stored file chunk by chunk (one database round trip and one ~1 MB array per chunk).</summary>
internal sealed class ExportChunkStream(IDbContextFactory<AppDbContext> dbFactory, Guid jobId, long length) : Stream
{
    private byte[] _chunk = [];
    private int _offset;
    private int _nextIndex;
    private long _position;
    private bool _ended;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset == _chunk.Length)
        {
            if (_ended || !await LoadNextAsync(cancellationToken))
            {
                return 0;
            }
        }

        var count = Math.Min(buffer.Length, _chunk.Length - _offset);
        _chunk.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    private async Task<bool> LoadNextAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var index = _nextIndex;
        var data = await db.ExportFileChunks.AsNoTracking()
            .Where(c => c.JobId == jobId && c.Index == index)
            .Select(c => c.Data)
            .SingleOrDefaultAsync(ct);
        if (data is null || data.Length == 0)
        {
            _ended = true;
            _chunk = [];
            _offset = 0;
            return false;
        }

        _chunk = data;
        _offset = 0;
        _nextIndex++;
        return true;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
