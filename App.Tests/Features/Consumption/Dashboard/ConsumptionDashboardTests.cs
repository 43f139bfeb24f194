using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Consumption.Dashboard;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Features.Customers;
using BlazorPartner.Tests.Support;
using static BlazorPartner.Tests.Features.Consumption.ConsumptionTestData;

namespace BlazorPartner.Tests.Features.Consumption.Dashboard;

/// <summary>The dashboard's reads (R3, R18, R32, R33) on small hand-made data; the clock is 2026-11-16 10:00 Beijing.</summary>
public class ConsumptionDashboardTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static readonly DateOnly September = new(2026, 9, 1);
    private static readonly ConsumptionFilter SeptemberOnly = new() { FromMonth = September, ToMonth = September };

    private static ConsumptionQueries Queries(TestWorld world) => world.Get<ConsumptionQueries>();

    private static async Task<long> TotalAsync(TestWorld world, BlazorPartner.Core.Identity.Actor actor, ConsumptionFilter? filter = null) =>
        (await Queries(world).GetSummaryAsync(actor, filter ?? SeptemberOnly)).RangeTotal.Fen;

    private static async Task<int> DetailCountAsync(TestWorld world, BlazorPartner.Core.Identity.Actor actor, ConsumptionDetailQuery query) =>
        (await Queries(world).GetDetailAsync(actor, query)).Total;

    [Theory, MemberData(nameof(Providers))]
    public async Task R18_a_customer_reassigned_mid_month_keeps_the_first_part_with_the_old_manager(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync("迁移客户", world.Manager1A, associatedAtUtc: BeijingUtc(2026, 8, 1));
        // Reassigned on 15 September at 10:00: the 15th still belongs to manager one (holder at the day's start).
        await world.ReassignAsync(customer, world.Manager2A, BeijingUtc(2026, 9, 15, 10));
        await world.AddDailyAsync(customer, September, new DateOnly(2026, 9, 30), 100);
        await world.RebuildAsync();

        Assert.Equal(1500, await TotalAsync(world, world.Manager1A));
        Assert.Equal(1500, await TotalAsync(world, world.Manager2A));
        Assert.Equal(3000, await TotalAsync(world, world.AdminA));

        var newManagerDetail = await Queries(world).GetDetailAsync(world.Manager2A, new ConsumptionDetailQuery { Filter = SeptemberOnly, Take = 200 });
        Assert.Equal(15, newManagerDetail.Total);
        Assert.Equal(new DateOnly(2026, 9, 16), newManagerDetail.Items.Min(r => r.Day));
        var oldManagerDetail = await Queries(world).GetDetailAsync(world.Manager1A, new ConsumptionDetailQuery { Filter = SeptemberOnly, Take = 200 });
        Assert.Equal(new DateOnly(2026, 9, 15), oldManagerDetail.Items.Max(r => r.Day));

        var byManager = (await Queries(world).GetSummaryAsync(world.AdminA, SeptemberOnly)).ByManager;
        Assert.Equal(new[] { ("Manager One", 1500L), ("Manager Two", 1500L) }, byManager.Select(m => (m.Label, m.Amount.Fen)).Order());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_managers_see_their_own_supervisors_their_team_admin_and_finance_the_partner(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var ofManager1 = await world.AddCustomerAsync("客户一", world.Manager1A, associatedAtUtc: BeijingUtc(2026, 1, 1));
        var ofManager2 = await world.AddCustomerAsync("客户二", world.Manager2A, associatedAtUtc: BeijingUtc(2026, 1, 1));
        var ofSupervisor = await world.AddCustomerAsync("主管客户", world.SupervisorA, associatedAtUtc: BeijingUtc(2026, 1, 1));
        var unassigned = await world.AddCustomerAsync("未分配客户", associatedAtUtc: BeijingUtc(2026, 1, 1));
        await world.AddDailyAsync(ofManager1, September, September, 100);
        await world.AddDailyAsync(ofManager2, September, September, 20);
        await world.AddDailyAsync(ofSupervisor, September, September, 3);
        await world.AddDailyAsync(unassigned, September, September, 4000);
        await world.RebuildAsync();

        Assert.Equal(100, await TotalAsync(world, world.Manager1A));
        Assert.Equal(20, await TotalAsync(world, world.Manager2A));
        Assert.Equal(103, await TotalAsync(world, world.SupervisorA));
        Assert.Equal(4123, await TotalAsync(world, world.AdminA));
        Assert.Equal(4123, await TotalAsync(world, world.FinanceA));
        Assert.Equal(1, await DetailCountAsync(world, world.Manager1A, new ConsumptionDetailQuery { Filter = SeptemberOnly }));
        Assert.Equal(2, await DetailCountAsync(world, world.SupervisorA, new ConsumptionDetailQuery { Filter = SeptemberOnly }));
        Assert.Equal(4, await DetailCountAsync(world, world.FinanceA, new ConsumptionDetailQuery { Filter = SeptemberOnly }));

        // A manager filtering on someone else's manager id or customer still sees nothing of theirs.
        Assert.Equal(0, await TotalAsync(world, world.Manager1A, SeptemberOnly with { AccountManagerUserId = world.Manager2A.UserId }));
        Assert.Equal(0, await DetailCountAsync(world, world.Manager1A, new ConsumptionDetailQuery { Filter = SeptemberOnly, DrillDown = new() { CustomerId = ofManager2 } }));
        var options = await Queries(world).GetFilterOptionsAsync(world.Manager1A, null);
        Assert.Equal([ofManager1.ToString()], options.Customers.Select(c => c.Key));

        // The unattributed slice is the partner's, reachable by admin and finance only.
        var finance = await Queries(world).GetSummaryAsync(world.FinanceA, SeptemberOnly with { AccountManagerUserId = ConsumptionFilter.Unattributed });
        Assert.Equal(4000, finance.RangeTotal.Fen);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_partners_are_isolated_and_the_vendor_sees_a_partner_only_when_it_picks_one(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var ofA = await world.AddCustomerAsync("A 的客户", world.Manager1A, associatedAtUtc: BeijingUtc(2026, 1, 1));
        var ofB = await world.AddCustomerAsync("B 的客户", partner: world.PartnerB, associatedAtUtc: BeijingUtc(2026, 1, 1));
        await world.AddDailyAsync(ofA, September, September, 700);
        await world.AddDailyAsync(ofB, September, September, 9);
        await world.RebuildAsync();

        Assert.Equal(9, await TotalAsync(world, world.AdminB));
        // Naming partner A changes nothing for partner B's admin: a partner always sees itself.
        Assert.Equal(9, await TotalAsync(world, world.AdminB, SeptemberOnly with { PartnerId = world.PartnerA }));
        Assert.Equal(0, await DetailCountAsync(world, world.AdminB, new ConsumptionDetailQuery { Filter = SeptemberOnly, DrillDown = new() { CustomerId = ofA } }));
        Assert.DoesNotContain((await Queries(world).GetSummaryAsync(world.AdminB, SeptemberOnly)).TopCustomers, c => c.Key == ofA.ToString());

        var missing = await Assert.ThrowsAsync<ValidationException>(() => Queries(world).GetSummaryAsync(world.Vendor, SeptemberOnly));
        Assert.Contains(nameof(ConsumptionFilter.PartnerId), missing.FieldErrors.Keys);
        await Assert.ThrowsAsync<ValidationException>(() => Queries(world).GetSummaryAsync(world.Vendor, SeptemberOnly with { PartnerId = world.VendorOrg }));
        await Assert.ThrowsAsync<ValidationException>(() => Queries(world).GetDetailAsync(world.Vendor, new ConsumptionDetailQuery { Filter = SeptemberOnly with { PartnerId = Guid.NewGuid() } }));
        Assert.Equal(700, await TotalAsync(world, world.Vendor, SeptemberOnly with { PartnerId = world.PartnerA }));
        Assert.Equal(9, await TotalAsync(world, world.Vendor, SeptemberOnly with { PartnerId = world.PartnerB }));
        Assert.Equal(new[] { world.PartnerA, world.PartnerB }.Order(), (await Queries(world).GetPartnersAsync(world.Vendor)).Select(p => p.Id).Order());

        var noPermission = world.AdminA with { Permissions = new HashSet<string>() };
        await Assert.ThrowsAsync<AccessDeniedException>(() => Queries(world).GetSummaryAsync(noPermission, SeptemberOnly));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Queries(world).GetDetailAsync(noPermission, new ConsumptionDetailQuery()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R32_kpis_compare_whole_months_and_give_no_ratio_on_a_zero_base(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync("客户", world.Manager1A, associatedAtUtc: BeijingUtc(2025, 1, 1));
        var other = await world.AddCustomerAsync("另一客户", world.Manager2A, associatedAtUtc: BeijingUtc(2025, 1, 1));
        await world.AddDailyAsync(customer, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 5), 100);    // this month: 500
        await world.AddDailyAsync(customer, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 12), 100);   // last month: 1200
        await world.AddDailyAsync(customer, new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 10), 100);     // the month before: 1000
        await world.AddDailyAsync(customer, new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 8), 100);    // a year before: 800
        await world.AddDailyAsync(other, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1), 555);       // manager two's only
        await world.RebuildAsync();

        var kpis = (await Queries(world).GetSummaryAsync(world.Manager1A, new ConsumptionFilter())).Kpis;
        Assert.Equal(new DateOnly(2026, 11, 1), kpis.CurrentMonth);
        Assert.Equal(500, kpis.ThisMonthSoFar.Fen);
        Assert.Equal(1200, kpis.LastMonthTotal.Fen);
        Assert.Equal(1000, kpis.MonthOnMonth.Base.Fen);
        Assert.Equal(20.0m, kpis.MonthOnMonth.Percent);
        Assert.Equal(800, kpis.YearOnYear.Base.Fen);
        Assert.Equal(50.0m, kpis.YearOnYear.Percent);

        var zero = (await Queries(world).GetSummaryAsync(world.Manager2A, new ConsumptionFilter())).Kpis;
        Assert.Equal(555, zero.LastMonthTotal.Fen);
        Assert.Null(zero.MonthOnMonth.Percent);
        Assert.Null(zero.YearOnYear.Percent);
        Assert.Equal(-100.0m, ConsumptionChange.Of(0, 1200).Percent);
        Assert.Equal(33.3m, ConsumptionChange.Of(400, 300).Percent);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R33_rows_older_than_18_months_are_never_shown_even_if_present(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync("老客户", world.Manager1A, associatedAtUtc: BeijingUtc(2024, 1, 1));
        await world.AddDailyAsync(customer, new DateOnly(2025, 5, 31), new DateOnly(2025, 5, 31), 99_999);  // month 19 back
        await world.AddDailyAsync(customer, new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 1), 7);         // the oldest month shown
        await world.RebuildAsync();

        var wide = new ConsumptionFilter { FromMonth = new DateOnly(2024, 1, 1), ToMonth = new DateOnly(2027, 12, 1) };
        var summary = await Queries(world).GetSummaryAsync(world.AdminA, wide);
        Assert.Equal(new DateOnly(2025, 6, 1), summary.FromMonth);
        Assert.Equal(new DateOnly(2026, 11, 1), summary.ToMonth);
        Assert.Equal(7, summary.RangeTotal.Fen);
        Assert.Equal(1, await DetailCountAsync(world, world.AdminA, new ConsumptionDetailQuery { Filter = wide }));
        Assert.Equal(0, await DetailCountAsync(world, world.AdminA, new ConsumptionDetailQuery { Filter = wide, DrillDown = new() { Month = new DateOnly(2025, 5, 1) } }));
        Assert.Equal(new DateOnly(2025, 6, 1), (await Queries(world).GetFilterOptionsAsync(world.AdminA, null)).Months[0]);
        Assert.Equal(new DateOnly(2025, 6, 1), summary.DataTime.LatestDay);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R32_filters_trend_by_charge_mode_and_top_lists_come_from_the_rollup(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var resale = await world.AddCustomerAsync("代售客户", world.Manager1A, associatedAtUtc: BeijingUtc(2026, 1, 1));
        var consultative = await world.AddCustomerAsync("顾问客户", world.Manager2A, mode: AssociationMode.Consultative, associatedAtUtc: BeijingUtc(2026, 1, 1));
        await world.AddDailyAsync(resale, new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 1), 1000, "ECS", ChargeMode.YearlyMonthly);
        await world.AddDailyAsync(resale, new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 3), 10, "OBS", ChargeMode.OnDemand, serviceType: "Storage");
        await world.AddDailyAsync(consultative, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2), 200, "RDS", ChargeMode.SavingsPlan, serviceType: "Database");
        await world.RebuildAsync();

        var all = new ConsumptionFilter { FromMonth = September, ToMonth = new DateOnly(2026, 10, 1) };
        var summary = await Queries(world).GetSummaryAsync(world.AdminA, all);
        Assert.Equal(1430, summary.RangeTotal.Fen);
        Assert.Equal(
            new[] { (September, ChargeMode.YearlyMonthly, 1000L), (September, ChargeMode.OnDemand, 30L), (new DateOnly(2026, 10, 1), ChargeMode.SavingsPlan, 400L) },
            summary.Trend.Select(t => (t.Month, t.ChargeMode, t.Amount.Fen)));
        Assert.Equal(["ECS", "RDS", "OBS"], summary.TopProducts.Select(p => p.Key));
        Assert.Equal([resale.ToString(), consultative.ToString()], summary.TopCustomers.Select(c => c.Key));
        Assert.DoesNotContain(summary.TopCustomers, c => c.Label.Contains("代售客户"));   // masked, as the customer console shows it

        Assert.Equal(30, await TotalAsync(world, world.AdminA, all with { ProductCode = "OBS" }));
        Assert.Equal(30, await TotalAsync(world, world.AdminA, all with { ServiceType = "Storage" }));
        Assert.Equal(400, await TotalAsync(world, world.AdminA, all with { ChargeMode = ChargeMode.SavingsPlan }));
        Assert.Equal(400, await TotalAsync(world, world.AdminA, all with { AssociationMode = AssociationMode.Consultative }));
        Assert.Equal(1030, await TotalAsync(world, world.AdminA, all with { CustomerId = resale }));
        Assert.Equal(400, await TotalAsync(world, world.AdminA, all with { AccountManagerUserId = world.Manager2A.UserId }));
        Assert.Equal(400, await TotalAsync(world, world.AdminA, all with { FromMonth = new DateOnly(2026, 10, 1) }));
        Assert.Equal(3, await DetailCountAsync(world, world.AdminA, new ConsumptionDetailQuery { Filter = all with { ProductCode = "OBS" } }));
        Assert.Equal(2, await DetailCountAsync(world, world.AdminA, new ConsumptionDetailQuery { Filter = all with { AssociationMode = AssociationMode.Consultative } }));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R33_drill_down_and_the_sub_user_filter_narrow_the_detail_newest_first(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync("明细客户", world.Manager1A, associatedAtUtc: BeijingUtc(2026, 1, 1));
        await world.AddDailyAsync(customer, new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31), 10, "ECS", subUser: "ops");
        await world.AddDailyAsync(customer, new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), 20, "OBS", ChargeMode.SavingsPlan, subUser: "");
        await world.RebuildAsync();
        var all = new ConsumptionFilter();

        var page = await Queries(world).GetDetailAsync(world.FinanceA, new ConsumptionDetailQuery { Filter = all, Take = 5 });
        Assert.Equal(91, page.Total);
        Assert.Equal(5, page.Items.Count);
        Assert.Equal(new DateOnly(2026, 10, 31), page.Items[0].Day);
        Assert.Equal("Manager One", page.Items[0].AccountManagerName);
        Assert.Equal(10, page.Items[0].AmountDue.Fen);

        Assert.Equal(60, await DetailCountAsync(world, world.FinanceA, new ConsumptionDetailQuery { Filter = all, DrillDown = new() { Month = September } }));
        Assert.Equal(30, await DetailCountAsync(world, world.FinanceA, new ConsumptionDetailQuery { Filter = all, DrillDown = new() { Month = September, ChargeMode = ChargeMode.SavingsPlan } }));
        Assert.Equal(30, await DetailCountAsync(world, world.FinanceA, new ConsumptionDetailQuery { Filter = all, DrillDown = new() { ProductCode = "OBS", CustomerId = customer, AccountManagerUserId = world.Manager1A.UserId } }));
        Assert.Equal(61, await DetailCountAsync(world, world.FinanceA, new ConsumptionDetailQuery { Filter = all, SubUserAccount = "ops" }));
        Assert.Equal(31, await DetailCountAsync(world, world.FinanceA, new ConsumptionDetailQuery { Filter = all, SubUserAccount = " ops ", DrillDown = new() { Month = new DateOnly(2026, 10, 1) } }));
        Assert.Equal(0, await DetailCountAsync(world, world.FinanceA, new ConsumptionDetailQuery { Filter = all, SubUserAccount = "nobody" }));
        Assert.Equal(0, await DetailCountAsync(world, world.FinanceA, new ConsumptionDetailQuery { Filter = all, DrillDown = new() { AccountManagerUserId = ConsumptionFilter.Unattributed } }));

        var byAmount = await Queries(world).GetDetailAsync(world.FinanceA, new ConsumptionDetailQuery { Filter = all, Sort = ConsumptionDetailSort.AmountDue, Descending = true, Take = 1 });
        Assert.Equal(20, byAmount.Items[0].AmountDue.Fen);
        var oldest = await Queries(world).GetDetailAsync(world.FinanceA, new ConsumptionDetailQuery { Filter = all, Descending = false, Skip = 0, Take = 1 });
        Assert.Equal(new DateOnly(2026, 9, 1), oldest.Items[0].Day);
    }
}
