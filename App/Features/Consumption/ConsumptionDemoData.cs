using BlazorPartner.Core.Data;
using BlazorPartner.Core.Time;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Consumption;

/// <summary>
/// Eighteen months of generated consumption (up to yesterday, Beijing time) for the first 12 customers of partner A (the
/// reassigned demo customer among them, so attribution shows two account managers) and 4 each of partners B and C,
/// with the rollups built. Small on purpose: the app seeds it at first start; the benchmark generates millions.
/// </summary>
public sealed class ConsumptionDemoData(IDbContextFactory<AppDbContext> dbFactory) : IDemoData
{
    public const int CustomersOfPartnerA = 12;
    public const int CustomersOfOthers = 4;

    public int Order => 50;

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var today = BeijingTime.DateOf(demo.NowUtc);
        var from = ConsumptionWindow.EarliestMonth(demo.NowUtc);
        var to = today.AddDays(-1);
        foreach (var (partner, take) in new[] { (demo.PartnerA.Id, CustomersOfPartnerA), (demo.PartnerB.Id, CustomersOfOthers), (demo.PartnerC.Id, CustomersOfOthers) })
        {
            await using var db = await dbFactory.CreateSystemAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var customers = await db.Customers.AsNoTracking()
                .Where(c => c.OrganizationId == partner && c.Status == CustomerStatus.Associated)
                .OrderBy(c => c.AssociatedAtUtc).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.Mode })
                .Take(take)
                .ToListAsync(ct);
            var attribution = await ConsumptionAttribution.LoadAsync(db, customers.Select(c => c.Id).ToList(), ct);
            var generated = customers.Select(c => new GeneratedCustomer(partner, c.Id, c.Mode, day => attribution.ManagerFor(c.Id, day))).ToList();
            foreach (var batch in ConsumptionGenerator.Generate(generated, from, to).Chunk(5_000))
            {
                db.ConsumptionRecords.AddRange(batch);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            var months = Enumerable.Range(0, ConsumptionWindow.Months).Select(from.AddMonths);
            await ConsumptionRollups.RebuildAsync(db, partner, months, demo.NowUtc, ct);
        }
    }
}
