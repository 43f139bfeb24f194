using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Billing;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using static BlazorPartner.Tests.Features.Billing.BillingTestData;

namespace BlazorPartner.Tests.Features.Billing;

public class BillAccessTests
{
    private static readonly DateOnly October = new(2026, 10, 1);

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Partner_B_cannot_read_or_export_partner_A_bill_and_the_vendor_reads_only_a_picked_partner(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var c1 = await world.CustomerAsync("Isolated");
        await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 10, 1), listFen: 1_000, discountFen: 0);
        await world.Get<BillGeneration>().RunOnceAsync();
        var queries = world.Get<BillQueries>();
        var export = world.BillExport();
        var aParameters = new BillExportParameters(world.PartnerA, "2026-10").ToJson();

        await Assert.ThrowsAsync<AccessDeniedException>(() => queries.GetSummaryAsync(world.AdminB, world.PartnerA, October));
        await Assert.ThrowsAsync<AccessDeniedException>(() => queries.ListLinesAsync(world.AdminB, new BillLineQuery { PartnerId = world.PartnerA, Period = October }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => queries.PeriodsAsync(world.AdminB, world.PartnerA));
        await Assert.ThrowsAsync<AccessDeniedException>(() => export.AuthorizeAsync(world.AdminB, aParameters, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => export.WriteAsync(world.AdminB, aParameters, new MemoryStream(), new Progress<int>(), default));

        // B's own bill has none of A's lines; an account manager has no bills at all.
        var own = await queries.ListLinesAsync(world.AdminB, new BillLineQuery { Period = October });
        Assert.Empty(own.Items);
        Assert.Equal(0, (await queries.GetSummaryAsync(world.AdminB, null, October)).Consumption.Fen);
        await Assert.ThrowsAsync<AccessDeniedException>(() => queries.GetSummaryAsync(world.Manager1A, null, October));

        // The vendor operator must pick a partner, then reads that one's bill.
        await Assert.ThrowsAsync<ValidationException>(() => queries.GetSummaryAsync(world.Vendor, null, October));
        await Assert.ThrowsAsync<ValidationException>(() => queries.GetSummaryAsync(world.Vendor, world.VendorOrg, October));
        Assert.Equal(1_000, (await queries.GetSummaryAsync(world.Vendor, world.PartnerA, October)).Consumption.Fen);
        Assert.Single((await queries.ListLinesAsync(world.Vendor, new BillLineQuery { PartnerId = world.PartnerA, Period = October })).Items);
        await export.AuthorizeAsync(world.Vendor, aParameters, default);
        Assert.Equal(1, await export.CountAsync(world.FinanceA, aParameters, default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R34_periods_are_the_window_and_a_missing_bill_says_when_it_is_due(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.Get<BillGeneration>().RunOnceAsync();
        var queries = world.Get<BillQueries>();

        var periods = await queries.PeriodsAsync(world.FinanceA, null);
        Assert.Equal(18, periods.Count);
        Assert.Equal(("2026-11", false), (periods[0].Text, periods[0].Generated));
        Assert.Equal(("2026-10", true), (periods[1].Text, periods[1].Generated));
        Assert.Equal("2025-06", periods[^1].Text);

        var november = await queries.GetSummaryAsync(world.FinanceA, null, new DateOnly(2026, 11, 1));
        Assert.False(november.Generated);
        Assert.Equal(new DateTime(2026, 12, 4, 16, 0, 0, DateTimeKind.Utc), november.DueAtUtc);   // 2026-12-05 00:00 Beijing
        await Assert.ThrowsAsync<ValidationException>(() => queries.GetSummaryAsync(world.FinanceA, null, new DateOnly(2025, 5, 1)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Lines_are_paged_and_sorted_on_the_server(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var c1 = await world.CustomerAsync("Paged");
        for (var i = 1; i <= 25; i++)
        {
            await world.AddConsumptionAsync(world.PartnerA, c1, Days(2026, 10, 1), listFen: i * 100, discountFen: 0, product: i % 2 == 0 ? "ECS" : "OBS", resource: $"r-{i:D2}");
        }

        await world.Get<BillGeneration>().RunOnceAsync();
        var queries = world.Get<BillQueries>();

        var first = await queries.ListLinesAsync(world.FinanceA, new BillLineQuery { Period = October, Take = 10 });
        Assert.Equal(25, first.TotalCount);
        Assert.Equal(Enumerable.Range(16, 10).Reverse().Select(i => i * 100L), first.Items.Select(r => r.AmountDue.Fen));
        var last = await queries.ListLinesAsync(world.FinanceA, new BillLineQuery { Period = October, Skip = 20, Take = 10 });
        Assert.Equal(5, last.Items.Count);
        var byResource = await queries.ListLinesAsync(world.FinanceA, new BillLineQuery { Period = October, Sort = BillLineSort.Resource, Descending = false, Take = 3 });
        Assert.Equal(["r-01", "r-02", "r-03"], byResource.Items.Select(r => r.ResourceId));
        var byProduct = await queries.ListLinesAsync(world.FinanceA, new BillLineQuery { Period = October, Sort = BillLineSort.Product, Descending = true, Take = 13 });
        Assert.All(byProduct.Items, r => Assert.Equal("OBS", r.ProductCode));
        Assert.Equal("Paged", first.Items[0].CustomerName);
    }
}
