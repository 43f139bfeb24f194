using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Features.Consumption.Import;

/// <summary>What the import page shows of one import.</summary>
public sealed record ConsumptionImportView(
    Guid Id,
    string FileName,
    long SizeBytes,
    string UploadedByName,
    DateTime UploadedAtUtc,
    ConsumptionImportStatus Status,
    ConsumptionImportMode Mode,
    int TotalRows,
    int ValidRows,
    int ErrorRows,
    long InsertedRows,
    long SkippedRows,
    int ProgressRows,
    int ProgressPercent,
    string? FailureKey,
    string? FailureArgument,
    DateTime? CompletedAtUtc)
{
    public bool IsRunning => Status is ConsumptionImportStatus.Validating or ConsumptionImportStatus.Importing;
}

/// <summary>
/// The vendor operator's consumption import (issue 7 §1): upload (stored in the database in 1 MiB chunks, so any app
/// instance's runner can read it), the validation result and its row-level error report, the explicit choice (import a
/// clean file, or only the valid rows of a file with errors) and cancel. The work itself runs in
/// <see cref="ConsumptionImportRunner"/>, never on the circuit. Every method checks <see cref="ConsumptionPermissions.Import"/>.
/// </summary>
public sealed class ConsumptionImports(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IOptions<ConsumptionImportOptions> options)
{
    public const int ChunkBytes = 1024 * 1024;

    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>Stores the file and queues its validation; refuses a wrong type, an empty or a too large file (storing nothing).</summary>
    public async Task<Guid> UploadAsync(Actor actor, string fileName, Stream content, long sizeBytes, CancellationToken ct = default)
    {
        Demand(actor);
        var kind = ConsumptionFileReader.KindOf(fileName) ?? throw ConsumptionImportErrors.WrongType();
        if (sizeBytes > options.Value.MaxFileBytes)
        {
            throw ConsumptionImportErrors.TooLarge(options.Value.MaxFileBytes);
        }

        if (sizeBytes <= 0)
        {
            throw ConsumptionImportErrors.EmptyFile();
        }

        var import = new ConsumptionImport
        {
            FileName = Path.GetFileName(fileName).Length > 260 ? Path.GetFileName(fileName)[..260] : Path.GetFileName(fileName),
            Kind = kind,
            SizeBytes = sizeBytes,
            UploadedByUserId = actor.UserId,
            UploadedByName = actor.DisplayName,
            UploadedByOrganizationId = actor.OrganizationId,
            Status = ConsumptionImportStatus.Validating,
            UploadedAtUtc = time.GetUtcNow().UtcDateTime,
        };

        // The row is written last, in the same transaction as the chunks: the runner never sees a half-stored file.
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ConsumptionImports.Add(import);
        await db.SaveChangesAsync(ct);
        var buffer = new byte[ChunkBytes];
        var index = 0;
        long total = 0;
        while (true)
        {
            var filled = 0;
            int read;
            while (filled < buffer.Length && (read = await content.ReadAsync(buffer.AsMemory(filled), ct)) > 0)
            {
                filled += read;
            }

            if (filled == 0)
            {
                break;
            }

            total += filled;
            if (total > options.Value.MaxFileBytes)
            {
                throw ConsumptionImportErrors.TooLarge(options.Value.MaxFileBytes);
            }

            db.ConsumptionImportChunks.Add(new ConsumptionImportChunk { ImportId = import.Id, Index = index++, Bytes = buffer[..filled] });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        if (total == 0)
        {
            throw ConsumptionImportErrors.EmptyFile();
        }

        await db.ConsumptionImports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.SizeBytes, total), ct);
        await transaction.CommitAsync(ct);
        return import.Id;
    }

    public async Task<IReadOnlyList<ConsumptionImportView>> ListAsync(Actor actor, int take = 20, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await Views(db.ConsumptionImports.AsNoTracking().OrderByDescending(i => i.UploadedAtUtc).Take(Math.Clamp(take, 1, 100))).ToListAsync(ct);
    }

    public async Task<ConsumptionImportView> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await Views(db.ConsumptionImports.AsNoTracking().Where(i => i.Id == id)).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(nameof(ConsumptionImport), id);
    }

    /// <summary>The first stored row errors, in file order, for the page.</summary>
    public async Task<IReadOnlyList<ConsumptionRowError>> ErrorsAsync(Actor actor, Guid id, int take = 50, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.ConsumptionImportErrors.AsNoTracking()
            .Where(e => e.ImportId == id).OrderBy(e => e.RowNumber).ThenBy(e => e.Id).Take(Math.Clamp(take, 1, 500))
            .Select(e => new ConsumptionRowError(e.RowNumber, e.Column, e.Code, e.RawValue))
            .ToListAsync(ct);
    }

    public async Task<int> CountStoredErrorsAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.ConsumptionImportErrors.CountAsync(e => e.ImportId == id, ct);
    }

    /// <summary>The row-level error report as a workbook (row, column, message in the reader's language, raw value).</summary>
    public async Task<int> WriteErrorReportAsync(Actor actor, Guid id, Stream output, IStringLocalizer localizer, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        if (!await db.ConsumptionImports.AnyAsync(i => i.Id == id, ct))
        {
            throw new NotFoundException(nameof(ConsumptionImport), id);
        }

        XlsxColumn<ConsumptionImportError>[] columns =
        [
            new(localizer["ConsumptionImport.Report.Row"], XlsxColumnKind.Integer, 10, e => e.RowNumber),
            new(localizer["ConsumptionImport.Report.Column"], XlsxColumnKind.Text, 28, e => localizer[$"ConsumptionImport.Column.{e.Column}"].Value),
            new(localizer["ConsumptionImport.Report.Message"], XlsxColumnKind.Text, 60, e => localizer[e.Code].Value),
            new(localizer["ConsumptionImport.Report.Value"], XlsxColumnKind.Text, 40, e => e.RawValue),
        ];
        var rows = db.ConsumptionImportErrors.AsNoTracking().Where(e => e.ImportId == id).OrderBy(e => e.RowNumber).ThenBy(e => e.Id).AsAsyncEnumerable();
        return await XlsxTableWriter.WriteAsync(output, localizer["ConsumptionImport.Report.Sheet"], columns, rows, progress, ct);
    }

    /// <summary>
    /// The operator's decision on a validated file: <see cref="ConsumptionImportMode.AllOrNothing"/> only for a file
    /// without errors; <see cref="ConsumptionImportMode.ValidRowsOnly"/> explicitly for the valid rows. Claimed with a
    /// conditional update, so a double click or a second operator confirms once.
    /// </summary>
    public async Task ConfirmAsync(Actor actor, Guid id, ConsumptionImportMode mode, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var import = await db.ConsumptionImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException(nameof(ConsumptionImport), id);
        if (import.Status != ConsumptionImportStatus.Validated)
        {
            throw ConsumptionImportErrors.NotConfirmable(id);
        }

        if (mode == ConsumptionImportMode.AllOrNothing && import.ErrorRows > 0)
        {
            throw ConsumptionImportErrors.HasErrors(id);
        }

        if (import.ValidRows == 0)
        {
            throw ConsumptionImportErrors.NoValidRows(id);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.ConsumptionImports
            .Where(i => i.Id == id && i.Status == ConsumptionImportStatus.Validated)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, ConsumptionImportStatus.Importing)
                .SetProperty(i => i.Mode, mode)
                .SetProperty(i => i.ProgressRows, 0)
                .SetProperty(i => i.ProgressPercent, 0)
                .SetProperty(i => i.ClaimedBy, (string?)null)
                .SetProperty(i => i.ConfirmedAtUtc, now)
                .SetProperty(i => i.ConfirmedByUserId, actor.UserId)
                .SetProperty(i => i.ConfirmedByName, actor.DisplayName), ct);
        if (claimed == 0)
        {
            throw ConsumptionImportErrors.NotConfirmable(id);
        }
    }

    /// <summary>Drops a file that is still being validated or waiting for a decision; its stored bytes are removed.</summary>
    public async Task CancelAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cancelled = await db.ConsumptionImports
            .Where(i => i.Id == id && (i.Status == ConsumptionImportStatus.Validating || i.Status == ConsumptionImportStatus.Validated))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ConsumptionImportStatus.Cancelled).SetProperty(i => i.CompletedAtUtc, now), ct);
        if (cancelled == 0)
        {
            if (!await db.ConsumptionImports.AnyAsync(i => i.Id == id, ct))
            {
                throw new NotFoundException(nameof(ConsumptionImport), id);
            }

            throw ConsumptionImportErrors.NotCancellable(id);
        }

        await db.ConsumptionImportChunks.Where(c => c.ImportId == id).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static void Demand(Actor actor)
    {
        actor.Demand(ConsumptionPermissions.Import);
        if (!actor.IsVendor)
        {
            throw new AccessDeniedException("import consumption");
        }
    }

    private static IQueryable<ConsumptionImportView> Views(IQueryable<ConsumptionImport> query) =>
        query.Select(i => new ConsumptionImportView(
            i.Id, i.FileName, i.SizeBytes, i.UploadedByName, i.UploadedAtUtc, i.Status, i.Mode, i.TotalRows, i.ValidRows, i.ErrorRows,
            i.InsertedRows, i.SkippedRows, i.ProgressRows, i.ProgressPercent, i.FailureKey, i.FailureArgument, i.CompletedAtUtc));
}
