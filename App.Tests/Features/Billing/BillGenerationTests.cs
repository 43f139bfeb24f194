using BlazorPartner.Core.Data;
using BlazorPartner.Features.Billing;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static BlazorPartner.Tests.Features.Billing.BillingTestData;

namespace BlazorPartner.Tests.Features.Billing;

public class BillGenerationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Fact]
    public void R34_tax_is_integer_fen_rounded_half_away_from_zero()
    {
        Assert.Equal(600, BillMath.Tax(10_000, 600));
        Assert.Equal(2, BillMath.Tax(25, 600));      // 1.5 fen → 2
        Assert.Equal(-2, BillMath.Tax(-25, 600));    // −1.5 fen → −2
        Assert.Equal(0, BillMath.Tax(8, 600));       // 0.48 → 0
        Assert.Equal(1, BillMath.Tax(9, 600));       // 0.54 → 1
        Assert.Equal(650, BillMath.BasisPoints(6.5m));
        Assert.Throws<ArgumentOutOfRangeException>(() => BillMath.BasisPoints(6.555m));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R34_amount_due_is_consumption_plus_refunds_plus_adjustments_with_tax_separate(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var c1 = await world.CustomerAsync("Billing One");
        var c2 = await world.CustomerAsync("Billing Two");
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 10, 1, 2, 3), listFen: 10_000, discountFen: 1_000);              // 3 × 90.00
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 10, 31), listFen: 5_025, discountFen: 0, product: "OBS", resource: "b-1");
        await world.AddConsumptionAsync(world.PartnerA, c2, Days(2026, 10, 15), listFen: 20_000, discountFen: 2_000, mode: ChargeMode.YearlyMonthly, resource: "i-9");
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 9, 30), listFen: 99_999, discountFen: 0);                          // not October
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 11, 1), listFen: 99_999, discountFen: 0);                          // not October
        await world.RecordAsync(world.Vendor, Adjustment(world.PartnerA, "2026-10", 12.34m, BillAdjustmentKind.Refund, "Double charge"));
        await world.RecordAsync(world.Vendor, Adjustment(world.PartnerA, "2026-10", -5m, BillAdjustmentKind.Adjustment, "Goodwill"));
        await world.RecordAsync(world.Vendor, Adjustment(world.PartnerA, "2026-10", 1.01m, BillAdjustmentKind.Adjustment, "Late usage"));

        await world.Get<BillGeneration>().RunOnceAsync();

        var bill = await world.BillAsync(world.PartnerA, 2026, 10);
        Assert.NotNull(bill);
        const long consumption = (3 * 9_000) + 5_025 + 18_000;   // 50,025 fen
        Assert.Equal(consumption, bill.ConsumptionFen);
        Assert.Equal(-1_234, bill.RefundsFen);
        Assert.Equal(-399, bill.AdjustmentsFen);
        Assert.Equal(consumption - 1_234 - 399, bill.AmountDueFen);                       // 48,392
        Assert.Equal(600, bill.TaxRateBasisPoints);
        Assert.Equal(2_904, bill.TaxFen);                                                 // 48,392 × 6 % = 2,903.52 → 2,904
        Assert.Equal(48_392 + 2_904, bill.TotalWithTaxFen);
        Assert.Equal(3, bill.LineCount);
        var lines = await world.LinesAsync(bill.Id);
        var ecs = Assert.Single(lines, l => l.CustomerId == c1 && l.ResourceId == "i-001");
        Assert.Equal((30_000L, 3_000L, 27_000L, 3), (ecs.ListPriceFen, ecs.DiscountFen, ecs.AmountDueFen, ecs.RecordCount));
        Assert.Equal(ChargeMode.YearlyMonthly, Assert.Single(lines, l => l.CustomerId == c2).ChargeMode);

        var summary = await world.Get<BillQueries>().GetSummaryAsync(world.FinanceA, null, new DateOnly(2026, 10, 1));
        Assert.True(summary.Generated);
        Assert.Equal(48_392, summary.AmountDue.Fen);
        Assert.Equal("6", summary.TaxRateText);
        await using var db = await world.Factory.CreateSystemAsync();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == ConsumptionAuditActions.BillGenerated && a.EntityId == bill.Id.ToString());
        Assert.Equal("System", audit.ActorName);
        Assert.Equal(world.PartnerA, audit.OrganizationId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R34_tax_rate_comes_from_configuration(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider, settings: new Dictionary<string, string?> { ["Billing:TaxRatePercent"] = "13" });
        var c1 = await world.CustomerAsync("Taxed");
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 10, 1), listFen: 10_000, discountFen: 0);

        await world.Get<BillGeneration>().RunOnceAsync();

        var bill = (await world.BillAsync(world.PartnerA, 2026, 10))!;
        Assert.Equal((1_300, 1_300L, 11_300L), (bill.TaxRateBasisPoints, bill.TaxFen, bill.TotalWithTaxFen));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R34_not_due_at_the_4th_23_59_Beijing_due_at_the_5th_00_00(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider, TestClock.AtBeijing(2026, 12, 4, 23, 59));
        var job = world.NewGeneration();

        await job.RunOnceAsync();
        Assert.NotNull(await world.BillAsync(world.PartnerA, 2026, 10));
        Assert.Null(await world.BillAsync(world.PartnerA, 2026, 11));

        world.Clock.Now = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(2, await job.RunOnceAsync());
        Assert.NotNull(await world.BillAsync(world.PartnerA, 2026, 11));
        Assert.NotNull(await world.BillAsync(world.PartnerB, 2026, 11));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R34_the_configured_due_hour_is_Beijing_time(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider, TestClock.AtBeijing(2026, 12, 5, 8, 59));
        var job = world.NewGeneration(new BillingOptions { DueDay = 5, DueHour = 9 });

        await job.RunOnceAsync();
        Assert.Null(await world.BillAsync(world.PartnerA, 2026, 11));

        world.Clock.Now = new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.FromHours(8));   // 01:00 UTC
        await job.RunOnceAsync();
        Assert.NotNull(await world.BillAsync(world.PartnerA, 2026, 11));
        Assert.Equal(new DateTime(2026, 12, 5, 1, 0, 0, DateTimeKind.Utc), BillSchedule.DueAtUtc(new DateOnly(2026, 11, 1), 5, 9));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R34_a_first_run_at_11_59_on_the_5th_still_generates_the_bill_before_noon(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider, TestClock.AtBeijing(2026, 12, 5, 11, 59));
        var c1 = await world.CustomerAsync("Late run");
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 11, 30), listFen: 700, discountFen: 0);

        await world.NewGeneration().RunOnceAsync();

        var bill = await world.BillAsync(world.PartnerA, 2026, 11);
        Assert.NotNull(bill);
        Assert.Equal(700, bill.ConsumptionFen);
        Assert.True(bill.GeneratedAtUtc < new DateTime(2026, 12, 5, 4, 0, 0, DateTimeKind.Utc));   // 12:00 Beijing
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R34_December_is_billed_in_January_across_the_year_boundary(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider, TestClock.AtBeijing(2027, 1, 4, 23, 59));
        var c1 = await world.CustomerAsync("Year end");
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 12, 31), listFen: 3_100, discountFen: 100);
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2027, 1, 1), listFen: 9_999, discountFen: 0);
        var job = world.NewGeneration();

        await job.RunOnceAsync();
        Assert.Null(await world.BillAsync(world.PartnerA, 2026, 12));

        world.Clock.Now = new DateTimeOffset(2027, 1, 5, 0, 0, 0, TimeSpan.FromHours(8));
        await job.RunOnceAsync();
        var december = await world.BillAsync(world.PartnerA, 2026, 12);
        Assert.NotNull(december);
        Assert.Equal(3_000, december.ConsumptionFen);
        Assert.Null(await world.BillAsync(world.PartnerA, 2027, 1));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R34_a_bill_covers_exactly_its_month_whatever_its_length(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider, TestClock.AtBeijing(2026, 5, 5, 10, 0));
        var c1 = await world.CustomerAsync("Month lengths");
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 1, 31), listFen: 1, discountFen: 0);
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 2, 1, 28), listFen: 10, discountFen: 0);
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 3, 1, 31), listFen: 100, discountFen: 0);
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 4, 1, 30), listFen: 1_000, discountFen: 0);

        await world.NewGeneration().RunOnceAsync();

        Assert.Equal(1, (await world.BillAsync(world.PartnerA, 2026, 1))!.ConsumptionFen);
        Assert.Equal(20, (await world.BillAsync(world.PartnerA, 2026, 2))!.ConsumptionFen);
        Assert.Equal(200, (await world.BillAsync(world.PartnerA, 2026, 3))!.ConsumptionFen);
        Assert.Equal(2_000, (await world.BillAsync(world.PartnerA, 2026, 4))!.ConsumptionFen);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R34_catches_up_every_missing_month_after_downtime_and_a_rerun_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider, TestClock.AtBeijing(2026, 8, 10, 10, 0));
        var job = world.NewGeneration();
        Assert.Equal(17 * 2, await job.RunOnceAsync());   // 2025-03 … 2026-07 for partners A and B

        world.Clock.Now = new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.FromHours(8));   // down from August to November
        Assert.Equal(3 * 2, await job.RunOnceAsync());     // August, September, October
        foreach (var month in new[] { 8, 9, 10 })
        {
            Assert.NotNull(await world.BillAsync(world.PartnerA, 2026, month));
            Assert.NotNull(await world.BillAsync(world.PartnerB, 2026, month));
        }

        var before = await world.CountBillingRowsAsync();
        Assert.Equal(0, await job.RunOnceAsync());
        Assert.Equal(before, await world.CountBillingRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R34_two_instances_running_at_once_generate_each_bill_once(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var c1 = await world.CustomerAsync("Concurrent");
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 10, 1, 2, 3, 4), listFen: 1_000, discountFen: 0);
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 9, 1, 2), listFen: 1_000, discountFen: 0, resource: "i-2");

        var results = await Task.WhenAll(world.NewGeneration().RunOnceAsync(), world.NewGeneration().RunOnceAsync(), world.NewGeneration().RunOnceAsync());

        Assert.Equal(17 * 2, results.Sum());
        var rows = await world.CountBillingRowsAsync();
        Assert.Equal(17 * 2, rows.Bills);
        Assert.Equal(2, rows.Lines);
        Assert.Equal(4_000, (await world.BillAsync(world.PartnerA, 2026, 10))!.ConsumptionFen);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(17 * 2, await db.AuditEntries.CountAsync(a => a.Action == ConsumptionAuditActions.BillGenerated));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R34_an_issued_bill_is_frozen_a_later_import_does_not_change_it(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var c1 = await world.CustomerAsync("Frozen");
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 10, 1), listFen: 1_000, discountFen: 0);
        await world.Get<BillGeneration>().RunOnceAsync();
        var issued = (await world.BillAsync(world.PartnerA, 2026, 10))!;

        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 10, 2), listFen: 5_000, discountFen: 0);
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 10, 3), listFen: 5_000, discountFen: 0, resource: "late");
        await world.Get<BillGeneration>().RunOnceAsync();

        var after = (await world.BillAsync(world.PartnerA, 2026, 10))!;
        Assert.Equal((issued.ConsumptionFen, issued.LineCount, issued.AmountDueFen), (after.ConsumptionFen, after.LineCount, after.AmountDueFen));
        var line = Assert.Single(await world.LinesAsync(issued.Id));
        Assert.Equal(1_000, line.AmountDueFen);
        var page = await world.Get<BillQueries>().ListLinesAsync(world.FinanceA, new BillLineQuery { Period = new DateOnly(2026, 10, 1) });
        Assert.Equal(1_000, Assert.Single(page.Items).AmountDue.Fen);
    }
}
