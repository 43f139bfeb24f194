using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Features.Customers;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Consumption;

/// <summary>The consumption detail's foundation: day attribution (R18), the 18-month window (R33) and the monthly rollup.</summary>
public class ConsumptionFoundationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R18_a_day_counts_for_the_manager_holding_the_customer_at_its_start_so_a_reassignment_never_moves_past_days(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var associated = BeijingTime.StartOfDayUtc(new DateOnly(2026, 9, 1)).AddHours(9);
        var id = await world.AddCustomerAsync("上海云帆科技有限公司", world.Manager1A, associatedAtUtc: associated);

        // Reassigned at 14:00 Beijing time on 15 October.
        var reassigned = BeijingTime.StartOfDayUtc(new DateOnly(2026, 10, 15)).AddHours(14);
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            var open = await db.CustomerAssignments.SingleAsync(a => a.CustomerId == id);
            open.ToUtc = reassigned;
            db.CustomerAssignments.Add(new CustomerAssignment
            {
                OrganizationId = world.PartnerA, CustomerId = id, AccountManagerUserId = world.Manager2A.UserId, FromUtc = reassigned,
                AssignedByUserId = world.AdminA.UserId, AssignedByName = world.AdminA.DisplayName,
            });
            await db.SaveChangesAsync();
        }

        await using var read = await world.Factory.CreateSystemAsync();
        var attribution = await ConsumptionAttribution.LoadAsync(read, [id]);
        Assert.Null(attribution.ManagerFor(id, new DateOnly(2026, 8, 31)));                       // before the association
        Assert.Equal(world.Manager1A.UserId, attribution.ManagerFor(id, new DateOnly(2026, 9, 1))); // first day: its first holder
        Assert.Equal(world.Manager1A.UserId, attribution.ManagerFor(id, new DateOnly(2026, 10, 14)));
        Assert.Equal(world.Manager1A.UserId, attribution.ManagerFor(id, new DateOnly(2026, 10, 15))); // the reassignment day stays
        Assert.Equal(world.Manager2A.UserId, attribution.ManagerFor(id, new DateOnly(2026, 10, 16)));
        Assert.Null(attribution.ManagerFor(Guid.NewGuid(), new DateOnly(2026, 10, 16)));
    }

    [Fact]
    public void R33_the_window_is_the_current_beijing_month_and_the_17_before_it()
    {
        // 1 March 2027 00:30 in Beijing is still 28 February in UTC: the Beijing month decides.
        var now = BeijingTime.StartOfDayUtc(new DateOnly(2027, 3, 1)).AddMinutes(30);
        Assert.Equal(new DateOnly(2027, 3, 1), ConsumptionWindow.CurrentMonth(now));
        Assert.Equal(new DateOnly(2025, 10, 1), ConsumptionWindow.EarliestMonth(now));

        var (from, to) = ConsumptionWindow.Clamp(new DateOnly(2024, 1, 20), new DateOnly(2030, 5, 2), now);
        Assert.Equal((new DateOnly(2025, 10, 1), new DateOnly(2027, 3, 1)), (from, to));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_monthly_rollup_equals_the_sums_of_the_detail_and_a_rebuild_never_double_counts(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.AddCustomerAsync("北京星河数据服务有限公司", world.Manager1A);
        var now = world.Clock.GetUtcNow().UtcDateTime;
        var generated = new[] { new GeneratedCustomer(world.PartnerA, id, AssociationMode.Resale, _ => world.Manager1A.UserId) };
        var from = new DateOnly(2026, 8, 1);
        var records = ConsumptionGenerator.Generate(generated, from, new DateOnly(2026, 10, 31)).ToList();
        Assert.All(records, r => Assert.Equal(r.ListPriceFen - r.DiscountFen, r.AmountDueFen));

        await using var db = await world.Factory.CreateSystemAsync();
        db.ConsumptionRecords.AddRange(records);
        await db.SaveChangesAsync();
        var months = new[] { from, from.AddMonths(1), from.AddMonths(2) };
        await ConsumptionRollups.RebuildAsync(db, world.PartnerA, months, now);
        await ConsumptionRollups.RebuildAsync(db, world.PartnerA, months, now);

        var detail = records.GroupBy(r => ConsumptionWindow.MonthOf(r.Day)).ToDictionary(g => g.Key, g => (g.Sum(r => r.AmountDueFen), g.Count()));
        var rollup = (await db.ConsumptionMonthly.AsNoTracking().Where(m => m.OrganizationId == world.PartnerA).ToListAsync())
            .GroupBy(m => m.Month).ToDictionary(g => g.Key, g => (g.Sum(m => m.AmountDueFen), g.Sum(m => m.RecordCount)));
        Assert.Equal(detail.OrderBy(p => p.Key), rollup.OrderBy(p => p.Key));
        var freshness = await db.ConsumptionFreshness.AsNoTracking().SingleAsync(f => f.OrganizationId == world.PartnerA);
        Assert.Equal(new DateOnly(2026, 10, 31), freshness.LatestDay);
    }
}
