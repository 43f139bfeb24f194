using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Features.Consumption.Import;

/// <summary>
/// R33: removes consumption older than the 18-month window (detail rows and rollups of months before
/// <see cref="ConsumptionWindow.EarliestMonth"/>, Beijing calendar) once a day. Detail goes in batches of
/// <see cref="ConsumptionRetentionOptions.BatchSize"/> ids per statement so no transaction grows with the table. Safe with
/// two instances: a delete of rows another pass already deleted deletes nothing, and the audit row is written only by
/// a pass that deleted something, with its counts.
/// </summary>
public sealed class ConsumptionRetention(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    IOptions<ConsumptionRetentionOptions> options,
    ILogger<ConsumptionRetention> logger) : IPeriodicJob
{
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = ConsumptionWindow.EarliestMonth(now);
        var batch = Math.Max(1, options.Value.BatchSize);
        long details = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateSystemAsync(ct);
            var ids = await db.ConsumptionRecords.Where(r => r.Day < cutoff).OrderBy(r => r.Id).Select(r => r.Id).Take(batch).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }

            var (first, last) = (ids[0], ids[^1]);
            details += await db.ConsumptionRecords.Where(r => r.Id >= first && r.Id <= last && r.Day < cutoff).ExecuteDeleteAsync(ct);
        }

        await using (var db = await dbFactory.CreateSystemAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rollups = await db.ConsumptionMonthly.Where(m => m.Month < cutoff).ExecuteDeleteAsync(ct);
            if (details == 0 && rollups == 0)
            {
                await transaction.RollbackAsync(ct);
                return 0;
            }

            db.Audit(null, new AuditChange("ConsumptionRecord", cutoff.ToString("yyyy-MM"), ConsumptionAuditActions.Retention)
            {
                After = new { Before = cutoff.ToString("yyyy-MM-dd"), DetailRows = details, RollupRows = rollups },
            }, time);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Retention removed {Details} detail and {Rollups} rollup rows before {Cutoff}", details, rollups, cutoff);
            return (int)Math.Min(int.MaxValue, details + rollups);
        }
    }
}
