using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Consumption;

/// <summary>
/// Keeps <see cref="ConsumptionMonthly"/> equal to the sums of the detail. Whoever changes detail rows (import, generator,
/// retention) rebuilds the touched (partner, month) slices on the same context, inside its transaction, so the
/// dashboard reads a few thousand rollup rows instead of millions of detail rows. Rebuilding (delete and re-aggregate)
/// rather than adding deltas keeps it idempotent: a re-run or a partly skipped re-import cannot double count.
/// </summary>
public static class ConsumptionRollups
{
    /// <summary>First key of the two-key advisory lock space (which never overlaps the one-key space the bill locks use).</summary>
    private const int RollupLockClass = 0x42500001;

    public static async Task RebuildAsync(AppDbContext db, Guid organizationId, IEnumerable<DateOnly> months, DateTime utcNow, CancellationToken ct = default)
    {
        await LockPartnerAsync(db, organizationId, ct);
        foreach (var month in months.Select(ConsumptionWindow.MonthOf).Distinct().Order())
        {
            var next = month.AddMonths(1);
            await db.ConsumptionMonthly.Where(m => m.OrganizationId == organizationId && m.Month == month).ExecuteDeleteAsync(ct);

            // Aggregated and inserted by the database in one statement (plain SQL both providers accept): bringing the
            // groups back through EF and inserting them row by row took most of an import's rollup time.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ConsumptionMonthly" ("OrganizationId", "Month", "CustomerId", "AccountManagerUserId", "ProductCode", "ServiceType",
                    "ChargeMode", "AssociationMode", "ListPriceFen", "DiscountFen", "AmountDueFen", "RecordCount")
                SELECT "OrganizationId", {month}, "CustomerId", "AccountManagerUserId", "ProductCode", "ServiceType",
                    "ChargeMode", "AssociationMode", SUM("ListPriceFen"), SUM("DiscountFen"), SUM("AmountDueFen"), COUNT(*)
                FROM "ConsumptionRecords"
                WHERE "OrganizationId" = {organizationId} AND "Day" >= {month} AND "Day" < {next}
                GROUP BY "OrganizationId", "CustomerId", "AccountManagerUserId", "ProductCode", "ServiceType", "ChargeMode", "AssociationMode"
                """, ct);
        }

        var latest = await db.ConsumptionRecords.Where(r => r.OrganizationId == organizationId).MaxAsync(r => (DateOnly?)r.Day, ct);
        var freshness = await db.ConsumptionFreshness.SingleOrDefaultAsync(f => f.OrganizationId == organizationId, ct);
        if (freshness is null)
        {
            db.ConsumptionFreshness.Add(new ConsumptionFreshness { OrganizationId = organizationId, LatestDay = latest, RolledUpAtUtc = utcNow });
        }
        else
        {
            freshness.LatestDay = latest;
            freshness.RolledUpAtUtc = utcNow;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Two instances importing files of one partner at once rebuild the same partner-months. On PostgreSQL (read
    /// committed) the second's DELETE does not see the rollup rows the first just inserted, so both sets would stay and
    /// the months would count twice (found by TwoInstanceJobTests). A transaction-scoped advisory lock per partner makes
    /// the rebuilds take turns; SQLite already serializes writers (the DELETE is the transaction's first write). Without
    /// a transaction there is nothing to hold the lock across the statements, so callers without one run alone (the seed).
    /// </summary>
    private static async Task LockPartnerAsync(AppDbContext db, Guid organizationId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is null)
        {
            return;
        }

        var bytes = organizationId.ToByteArray();
        var key = BitConverter.ToInt32(bytes, 0) ^ BitConverter.ToInt32(bytes, 4) ^ BitConverter.ToInt32(bytes, 8) ^ BitConverter.ToInt32(bytes, 12);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [RollupLockClass, key], ct);
    }
}
