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
    public static async Task RebuildAsync(AppDbContext db, Guid organizationId, IEnumerable<DateOnly> months, DateTime utcNow, CancellationToken ct = default)
    {
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
}
