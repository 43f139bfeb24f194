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
            var groups = await db.ConsumptionRecords.AsNoTracking()
                .Where(r => r.OrganizationId == organizationId && r.Day >= month && r.Day < next)
                .GroupBy(r => new { r.CustomerId, r.AccountManagerUserId, r.ProductCode, r.ServiceType, r.ChargeMode, r.AssociationMode })
                .Select(g => new
                {
                    g.Key,
                    ListPrice = g.Sum(r => r.ListPriceFen),
                    Discount = g.Sum(r => r.DiscountFen),
                    Due = g.Sum(r => r.AmountDueFen),
                    Count = g.Count(),
                })
                .ToListAsync(ct);
            db.ConsumptionMonthly.AddRange(groups.Select(g => new ConsumptionMonthly
            {
                OrganizationId = organizationId,
                Month = month,
                CustomerId = g.Key.CustomerId,
                AccountManagerUserId = g.Key.AccountManagerUserId,
                ProductCode = g.Key.ProductCode,
                ServiceType = g.Key.ServiceType,
                ChargeMode = g.Key.ChargeMode,
                AssociationMode = g.Key.AssociationMode,
                ListPriceFen = g.ListPrice,
                DiscountFen = g.Discount,
                AmountDueFen = g.Due,
                RecordCount = g.Count,
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
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
