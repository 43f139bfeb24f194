using BlazorPartner.Core.Data;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Consumption.Import;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Consumption.Import;

public class ConsumptionRetentionTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R33_retention_removes_only_months_before_the_18_month_window_with_its_boundary_in_beijing_time(DatabaseProvider provider)
    {
        // 2026-11-30 23:59 Beijing = 15:59 UTC: the window still starts at 2025-06-01.
        await using var w = await ConsumptionImportWorld.CreateAsync(provider, TestClock.AtBeijing(2026, 11, 30, 23, 59));
        var customer = await w.CustomerAsync(w.World.PartnerA, w.World.Manager1A.UserId);
        DateOnly[] days = [new(2025, 5, 1), new(2025, 5, 31), new(2025, 6, 1), new(2025, 6, 30), new(2025, 7, 1), new(2026, 11, 1)];
        await using (var db = await w.Factory.CreateSystemAsync())
        {
            await ConsumptionBulkWriter.WriteAsync(db, days.Select(day => new ConsumptionRecord
            {
                OrganizationId = w.World.PartnerA,
                CustomerId = customer.Id,
                Day = day,
                ProductCode = "ECS",
                ServiceType = "Compute",
                Region = "cn-north-4",
                ResourceId = "ecs-1",
                ListPriceFen = 100,
                AmountDueFen = 100,
            }));
            await ConsumptionRollups.RebuildAsync(db, w.World.PartnerA, days, w.Clock.GetUtcNow().UtcDateTime);
        }

        var retention = w.World.Get<ConsumptionRetention>();
        Assert.Equal(3, await retention.RunOnceAsync()); // two May detail rows and the May rollup
        Assert.Equal([new(2025, 6, 1), new(2025, 6, 30), new(2025, 7, 1), new(2026, 11, 1)], (await w.RecordsAsync()).Select(r => r.Day).Order().ToArray());
        Assert.Equal(0, await retention.RunOnceAsync());

        // One minute later it is December in Beijing (still November 30 in UTC): June leaves the window.
        w.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, await retention.RunOnceAsync());
        Assert.Equal([new(2025, 7, 1), new(2026, 11, 1)], (await w.RecordsAsync()).Select(r => r.Day).Order().ToArray());
        Assert.Equal([new(2025, 7, 1), new(2026, 11, 1)], (await w.RollupsAsync()).Select(r => r.Month).Order().ToArray());

        await using var check = await w.Factory.CreateSystemAsync();
        var audits = await check.AuditEntries.Where(a => a.Action == ConsumptionAuditActions.Retention).OrderBy(a => a.Id).Select(a => a.After).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.Contains("\"DetailRows\":2", audits[0]);
        Assert.Contains("\"RollupRows\":1", audits[1]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_retention_passes_at_once_delete_each_row_once_and_audit_what_they_deleted(DatabaseProvider provider)
    {
        await using var w = await ConsumptionImportWorld.CreateAsync(provider);
        var customer = await w.CustomerAsync(w.World.PartnerA);
        await using (var db = await w.Factory.CreateSystemAsync())
        {
            await ConsumptionBulkWriter.WriteAsync(db, Enumerable.Range(0, 300).Select(i => new ConsumptionRecord
            {
                OrganizationId = w.World.PartnerA,
                CustomerId = customer.Id,
                Day = new DateOnly(2025, 1, 1).AddDays(i % 100),
                ProductCode = "ECS",
                ServiceType = "Compute",
                Region = "cn-north-4",
                ResourceId = $"ecs-{i}",
                ListPriceFen = 1,
                AmountDueFen = 1,
            }));
        }

        var options = Microsoft.Extensions.Options.Options.Create(new ConsumptionRetentionOptions { BatchSize = 40 });
        ConsumptionRetention Job() => new(w.Factory, w.Clock, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<ConsumptionRetention>.Instance);
        var counts = await Task.WhenAll(Task.Run(() => Job().RunOnceAsync()), Task.Run(() => Job().RunOnceAsync()));

        Assert.Equal(300, counts.Sum());
        Assert.Empty(await w.RecordsAsync());
    }
}
