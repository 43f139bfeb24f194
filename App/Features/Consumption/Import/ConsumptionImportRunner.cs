using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Features.Consumption.Import;

/// <summary>
/// Validates uploaded files and imports confirmed ones in the background (a periodic job, every couple of seconds).
/// Each stage of an import is claimed with a conditional update (status unchanged and nobody holding it, or its holder
/// silent for <see cref="ConsumptionImportOptions.StaleClaimAfter"/>), so with two app instances each stage runs once;
/// the holder's progress updates are conditional on still holding it, and it stops when it does not (cancelled, taken over).
/// Import: rows go in batches through <see cref="ConsumptionBulkWriter"/> (insert-or-ignore on the natural key, so a
/// re-run after a crash or a re-imported file inserts nothing twice), each batch committing with its progress; then the
/// touched (partner, month) rollups are rebuilt and the import is completed and audited.
/// </summary>
public sealed class ConsumptionImportRunner(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    IOptions<ConsumptionImportOptions> options,
    ILogger<ConsumptionImportRunner> logger) : IPeriodicJob
{
    private const int ProgressEvery = 20_000;

    /// <summary>Runs every waiting stage it can claim; returns how many it ran.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var handled = 0;
        while (await ClaimNextAsync(ct) is { } claim)
        {
            handled++;
            try
            {
                if (claim.Status == ConsumptionImportStatus.Validating)
                {
                    await ValidateAsync(claim.Import, claim.RunId, ct);
                }
                else
                {
                    await ImportAsync(claim.Import, claim.RunId, ct);
                }
            }
            catch (ConsumptionFileException error)
            {
                await FailAsync(claim.Import.Id, claim.RunId, error.ResourceKey, error.Argument, ct);
            }
            catch (LostClaimException)
            {
                logger.LogInformation("Import {Id}: stage given up (cancelled or taken over)", claim.Import.Id);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Import {Id} failed", claim.Import.Id);
                await FailAsync(claim.Import.Id, claim.RunId, "ConsumptionImport.Failed.Unexpected", null, ct);
            }
        }

        return handled;
    }

    private async Task<(ConsumptionImport Import, ConsumptionImportStatus Status, string RunId)?> ClaimNextAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stale = now - options.Value.StaleClaimAfter;
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var candidates = await db.ConsumptionImports.AsNoTracking()
            .Where(i => (i.Status == ConsumptionImportStatus.Validating || i.Status == ConsumptionImportStatus.Importing)
                && (i.ClaimedBy == null || i.HeartbeatUtc < stale))
            .OrderBy(i => i.UploadedAtUtc)
            .Take(5)
            .ToListAsync(ct);
        foreach (var candidate in candidates)
        {
            var runId = Guid.NewGuid().ToString("N");
            var previous = candidate.ClaimedBy;
            var claimed = await db.ConsumptionImports
                .Where(i => i.Id == candidate.Id && i.Status == candidate.Status && i.ClaimedBy == previous && (previous == null || i.HeartbeatUtc < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ClaimedBy, runId).SetProperty(i => i.HeartbeatUtc, now), ct);
            if (claimed == 1)
            {
                return (candidate, candidate.Status, runId);
            }
        }

        return null;
    }

    private async Task<Dictionary<string, ImportCustomer>> LoadCustomersAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var rows = await db.Customers.AsNoTracking()
            .Where(c => c.Status == CustomerStatus.Associated && c.CreditCode != "")
            .Select(c => new { c.CreditCode, c.Id, c.OrganizationId, c.Mode })
            .ToListAsync(ct);
        var map = new Dictionary<string, ImportCustomer>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            map.TryAdd(row.CreditCode.ToUpperInvariant(), new ImportCustomer(row.Id, row.OrganizationId, row.Mode));
        }

        return map;
    }

    private async Task ValidateAsync(ConsumptionImport import, string runId, CancellationToken ct)
    {
        var validator = new ConsumptionRowValidator(await LoadCustomersAsync(ct), time.GetUtcNow().UtcDateTime);
        var stored = new List<ConsumptionRowError>();
        var rowErrors = new List<ConsumptionRowError>();
        int total = 0, valid = 0, invalid = 0;
        using (var file = OpenedImportFile.Open(dbFactory, import.Id, import.Kind))
        {
            foreach (var row in ConsumptionFileReader.Read(file.Stream, import.Kind))
            {
                total++;
                rowErrors.Clear();
                if (validator.Validate(row, rowErrors) is null)
                {
                    invalid++;
                    stored.AddRange(rowErrors.Take(Math.Max(0, options.Value.MaxStoredErrors - stored.Count)));
                }
                else
                {
                    valid++;
                }

                if (total % ProgressEvery == 0)
                {
                    var percent = (int)Math.Min(99, 100 * file.Position / Math.Max(1, import.SizeBytes));
                    await ReportAsync(import.Id, runId, ConsumptionImportStatus.Validating, total, percent, ct);
                }
            }
        }

        await using var db = await dbFactory.CreateSystemAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var done = await db.ConsumptionImports
            .Where(i => i.Id == import.Id && i.ClaimedBy == runId && i.Status == ConsumptionImportStatus.Validating)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, ConsumptionImportStatus.Validated)
                .SetProperty(i => i.TotalRows, total)
                .SetProperty(i => i.ValidRows, valid)
                .SetProperty(i => i.ErrorRows, invalid)
                .SetProperty(i => i.ProgressRows, total)
                .SetProperty(i => i.ProgressPercent, 100)
                .SetProperty(i => i.ValidatedAtUtc, now)
                .SetProperty(i => i.ClaimedBy, (string?)null), ct);
        if (done == 0)
        {
            throw new LostClaimException();
        }

        await db.ConsumptionImportErrors.Where(e => e.ImportId == import.Id).ExecuteDeleteAsync(ct);
        foreach (var batch in stored.Chunk(2_000))
        {
            db.ConsumptionImportErrors.AddRange(batch.Select(e => new ConsumptionImportError
            {
                ImportId = import.Id,
                RowNumber = e.RowNumber,
                Column = e.Column,
                Code = e.Code,
                RawValue = e.RawValue,
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Import {Id} validated: {Total} rows, {Valid} valid, {Invalid} with errors", import.Id, total, valid, invalid);
    }

    private async Task ImportAsync(ConsumptionImport import, string runId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var customers = await LoadCustomersAsync(ct);

        // One pass over the file: each row is re-checked against today's customers (validation ran before the operator
        // confirmed), attributed (R18) to the manager holding the customer on its day, and stored in batches.
        var months = new HashSet<(Guid Organization, DateOnly Month)>();
        var errors = new List<ConsumptionRowError>();
        var attribution = new ConsumptionAttribution();
        var invalid = 0;
        long inserted = 0;
        var valid = 0;
        var started = time.GetTimestamp();
        var writing = TimeSpan.Zero;
        using (var file = OpenedImportFile.Open(dbFactory, import.Id, import.Kind))
        {
            var validator = new ConsumptionRowValidator(customers, now);
            IEnumerable<ConsumptionRecord> ValidRecords()
            {
                foreach (var row in ConsumptionFileReader.Read(file.Stream, import.Kind))
                {
                    errors.Clear();
                    if (validator.Validate(row, errors) is { } record)
                    {
                        yield return record;
                    }
                    else
                    {
                        invalid++;
                    }
                }
            }

            foreach (var batch in ValidRecords().Chunk(options.Value.BatchSize))
            {
                if (invalid > 0 && import.Mode == ConsumptionImportMode.AllOrNothing)
                {
                    break;
                }

                await using var db = await dbFactory.CreateSystemAsync(ct);
                await attribution.LoadMissingAsync(db, batch.Select(r => r.CustomerId), ct);
                foreach (var record in batch)
                {
                    record.AccountManagerUserId = attribution.ManagerFor(record.CustomerId, record.Day);
                    record.ImportId = import.Id;
                    months.Add((record.OrganizationId, ConsumptionWindow.MonthOf(record.Day)));
                }

                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                valid += batch.Length;
                var percent = (int)Math.Min(99, 100L * valid / Math.Max(1, import.ValidRows));
                await HoldAsync(db, import.Id, runId, valid, percent, ct);
                var writeStarted = time.GetTimestamp();
                inserted += await ConsumptionBulkWriter.WriteAsync(db, batch, ct: ct);
                await transaction.CommitAsync(ct);
                writing += time.GetElapsedTime(writeStarted);
            }
        }

        if (invalid > 0 && import.Mode == ConsumptionImportMode.AllOrNothing)
        {
            // Something changed since validation (e.g. a customer was unbound): a clean-file import stores nothing, so the
            // rows this import inserted before meeting the bad one are taken out again (rows that were already there carry
            // another import's id and stay). The rollups were not touched yet.
            await using (var db = await dbFactory.CreateSystemAsync(ct))
            {
                await db.ConsumptionRecords.Where(r => r.ImportId == import.Id).ExecuteDeleteAsync(ct);
            }

            await FailAsync(import.Id, runId, "ConsumptionImport.Failed.ChangedSinceValidation", null, ct);
            return;
        }

        var rollupsStarted = time.GetTimestamp();

        // The dashboard's rollups for every touched partner-month, one partner per transaction.
        foreach (var partner in months.GroupBy(m => m.Organization))
        {
            await using var db = await dbFactory.CreateSystemAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await HoldAsync(db, import.Id, runId, valid, 99, ct);
            await ConsumptionRollups.RebuildAsync(db, partner.Key, partner.Select(m => m.Month), time.GetUtcNow().UtcDateTime, ct);
            await transaction.CommitAsync(ct);
        }

        var rollups = time.GetElapsedTime(rollupsStarted);
        await using (var db = await dbFactory.CreateSystemAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var completedAt = time.GetUtcNow().UtcDateTime;
            var skipped = valid - inserted;
            var done = await db.ConsumptionImports
                .Where(i => i.Id == import.Id && i.ClaimedBy == runId && i.Status == ConsumptionImportStatus.Importing)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, ConsumptionImportStatus.Completed)
                    .SetProperty(i => i.InsertedRows, inserted)
                    .SetProperty(i => i.SkippedRows, skipped)
                    .SetProperty(i => i.ProgressRows, valid)
                    .SetProperty(i => i.ProgressPercent, 100)
                    .SetProperty(i => i.CompletedAtUtc, completedAt)
                    .SetProperty(i => i.ClaimedBy, (string?)null), ct);
            if (done == 0)
            {
                throw new LostClaimException();
            }

            await db.ConsumptionImportChunks.Where(c => c.ImportId == import.Id).ExecuteDeleteAsync(ct);
            var operatorActor = new Actor(
                import.ConfirmedByUserId ?? import.UploadedByUserId,
                import.ConfirmedByName ?? import.UploadedByName,
                import.UploadedByOrganizationId,
                OrganizationKind.Vendor,
                new HashSet<string>(),
                new HashSet<string>());
            db.Audit(operatorActor, new AuditChange(nameof(ConsumptionImport), import.Id.ToString(), ConsumptionAuditActions.Import)
            {
                After = new
                {
                    import.FileName,
                    import.Mode,
                    import.TotalRows,
                    ValidRows = valid,
                    ErrorRows = import.Mode == ConsumptionImportMode.ValidRowsOnly ? invalid : 0,
                    InsertedRows = inserted,
                    SkippedRows = skipped,
                    Partners = months.Select(m => m.Organization).Distinct().Count(),
                },
            }, time);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // The parts of the time tell an operator (and the benchmark) where a slow import goes: reading and checking the
        // file, writing rows, or rebuilding the dashboard's rollups.
        var total = time.GetElapsedTime(started);
        logger.LogInformation(
            "Import {Id} completed: {Inserted} inserted, {Skipped} already present in {Seconds:F1} s (read and check {Read:F1} s, write {Write:F1} s, rollups {Rollups:F1} s)",
            import.Id, inserted, valid - inserted, total.TotalSeconds, (total - writing - rollups).TotalSeconds, writing.TotalSeconds, rollups.TotalSeconds);
    }

    /// <summary>Writes progress while still holding the stage (first statement of the batch's transaction: the write lock comes first on SQLite).</summary>
    private async Task HoldAsync(AppDbContext db, Guid id, string runId, int rows, int percent, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var held = await db.ConsumptionImports
            .Where(i => i.Id == id && i.ClaimedBy == runId && i.Status == ConsumptionImportStatus.Importing)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ProgressRows, rows).SetProperty(i => i.ProgressPercent, percent).SetProperty(i => i.HeartbeatUtc, now), ct);
        if (held == 0)
        {
            throw new LostClaimException();
        }
    }

    private async Task ReportAsync(Guid id, string runId, ConsumptionImportStatus status, int rows, int percent, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var held = await db.ConsumptionImports
            .Where(i => i.Id == id && i.ClaimedBy == runId && i.Status == status)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ProgressRows, rows).SetProperty(i => i.ProgressPercent, percent).SetProperty(i => i.HeartbeatUtc, now), ct);
        if (held == 0)
        {
            throw new LostClaimException();
        }
    }

    private async Task FailAsync(Guid id, string runId, string key, string? argument, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await db.ConsumptionImports
            .Where(i => i.Id == id && i.ClaimedBy == runId && (i.Status == ConsumptionImportStatus.Validating || i.Status == ConsumptionImportStatus.Importing))
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, ConsumptionImportStatus.Failed)
                .SetProperty(i => i.FailureKey, key)
                .SetProperty(i => i.FailureArgument, argument)
                .SetProperty(i => i.CompletedAtUtc, now)
                .SetProperty(i => i.ClaimedBy, (string?)null), ct);
    }

    private sealed class LostClaimException : Exception;
}
