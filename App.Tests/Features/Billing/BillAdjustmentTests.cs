using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Billing;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using static BlazorPartner.Tests.Features.Billing.BillingTestData;

namespace BlazorPartner.Tests.Features.Billing;

public class BillAdjustmentTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Invalid_adjustments_are_refused_and_store_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var before = await world.CountBillingRowsAsync();

        async Task<IReadOnlyDictionary<string, string>> Refused(BillAdjustmentInput input) =>
            (await Assert.ThrowsAsync<ValidationException>(() => world.RecordAsync(world.Vendor, input))).FieldErrors;

        Assert.Equal("Bill.AmountNotZero", (await Refused(Adjustment(world.PartnerA, "2026-11", 0m)))["Amount"]);
        Assert.Equal("Money.TooManyDecimals", (await Refused(Adjustment(world.PartnerA, "2026-11", 1.005m)))["Amount"]);
        Assert.Equal("Money.Required", (await Refused(Adjustment(world.PartnerA, "2026-11", null)))["Amount"]);
        Assert.Equal("Money.MustBePositive", (await Refused(Adjustment(world.PartnerA, "2026-11", -3m, BillAdjustmentKind.Refund)))["Amount"]);
        Assert.Equal("Validation.Required", (await Refused(Adjustment(world.PartnerA, "2026-11", 5m, reason: "  ")))["Reason"]);
        Assert.Equal("Bill.PeriodRequired", (await Refused(Adjustment(world.PartnerA, "11/2026", 5m)))["Period"]);
        Assert.Equal("Bill.AdjustmentPeriodOutsideWindow", (await Refused(Adjustment(world.PartnerA, "2025-05", 5m)))["Period"]);
        Assert.Equal("Bill.PartnerRequired", (await Refused(Adjustment(world.VendorOrg, "2026-11", 5m)))["PartnerId"]);
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.RecordAsync(world.AdminA, Adjustment(world.PartnerA, "2026-11", 5m)));

        Assert.Equal(before, await world.CountBillingRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R34_an_adjustment_for_a_generated_period_is_refused_and_a_later_period_takes_it(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.Get<BillGeneration>().RunOnceAsync();
        var before = await world.CountBillingRowsAsync();

        var refused = await Assert.ThrowsAsync<BusinessException>(() => world.RecordAsync(world.Vendor, Adjustment(world.PartnerA, "2026-10", 20m)));
        Assert.Equal(ErrorCodes.AlreadyProcessed, refused.Code);
        Assert.Equal("Bill.AlreadyGenerated", refused.ResourceKey);
        Assert.Equal(before, await world.CountBillingRowsAsync());

        var id = await world.RecordAsync(world.Vendor, Adjustment(world.PartnerA, "2026-11", 20m, BillAdjustmentKind.Refund, "Refund for October"));
        var rows = await world.Get<BillQueries>().ListAdjustmentsAsync(world.FinanceA, null, new DateOnly(2026, 11, 1));
        var row = Assert.Single(rows);
        Assert.Equal((id, -2_000L, "Refund for October", "Vendor Op"), (row.Id, row.Amount.Fen, row.Reason, row.RecordedByName));
        Assert.Equal(before.Audits + 1, (await world.CountBillingRowsAsync()).Audits);

        world.Clock.Now = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.FromHours(8));
        await world.Get<BillGeneration>().RunOnceAsync();
        var november = (await world.BillAsync(world.PartnerA, 2026, 11))!;
        Assert.Equal((-2_000L, -2_000L, -120L), (november.RefundsFen, november.AmountDueFen, november.TaxFen));
        Assert.Empty(await world.Get<BillQueries>().ListAdjustmentsAsync(world.AdminB, null, new DateOnly(2026, 11, 1)));
    }
}
