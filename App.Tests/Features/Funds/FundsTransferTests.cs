using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Data;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Funds;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Funds;

/// <summary>R21: allocate (拨款) and reclaim (回收) only for the partner's associated resale customers, within the money there is.</summary>
public class FundsTransferTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_allocate_moves_partner_cash_to_a_resale_customer_with_both_ledger_legs_and_an_audit_row(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync(name: "Suzhou Resale Co.");
        await world.TopUpAsync(1000m);

        var result = await world.AllocateAsync(customer, 250.50m);

        Assert.Equal(LedgerEntryKind.Allocate, result.Kind);
        Assert.Equal(25050, result.Amount.Fen);
        Assert.Equal(74950, result.PartnerCashAfter.Fen);
        Assert.Equal(25050, result.CustomerBalanceAfter?.Fen);
        Assert.False(result.Replayed);
        Assert.Equal(74950, await world.CashAsync());
        var row = await world.CustomerAsync(customer);
        Assert.Equal(25050, row.BalanceFen);
        Assert.Equal(1, row.Version);

        await using var db = await world.Factory.CreateSystemAsync();
        var legs = await db.LedgerEntries.Where(e => e.TransferId == result.TransferId).OrderBy(e => e.Account).ToListAsync();
        Assert.Equal([LedgerAccount.PartnerCash, LedgerAccount.Customer], legs.Select(l => l.Account));
        Assert.Equal([-25050L, 25050L], legs.Select(l => l.AmountFen));
        Assert.All(legs, l => Assert.Equal(customer, l.CustomerId));
        Assert.All(legs, l => Assert.Equal("Admin A", l.ActorName));
        Assert.Equal(1, await world.AuditCountAsync(customer, FundsAuditActions.Allocate));
        await world.AssertLedgerMatchesBalancesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_reclaim_moves_part_of_a_customers_balance_back_to_partner_cash(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync();
        await world.TopUpAsync(1000m);
        await world.AllocateAsync(customer, 600m);

        var result = await world.ReclaimAsync(customer, 150.25m);

        Assert.Equal(55025, result.PartnerCashAfter.Fen);
        Assert.Equal(44975, result.CustomerBalanceAfter?.Fen);
        Assert.Equal(44975, (await world.CustomerAsync(customer)).BalanceFen);
        Assert.Equal(1, await world.AuditCountAsync(customer, FundsAuditActions.Reclaim));
        var ledger = await world.FundsQueries().ListLedgerAsync(world.AdminA, new LedgerQuery { CustomerId = customer });
        Assert.Equal([LedgerEntryKind.Reclaim, LedgerEntryKind.Allocate], ledger.Items.Select(r => r.Kind));
        await world.AssertLedgerMatchesBalancesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_a_consultative_customer_is_refused_with_CBC_0150_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var consultative = await world.AddCustomerAsync(AssociationMode.Consultative, name: "Direct Buyer Co.", balanceFen: 10000);
        await world.TopUpAsync(1000m);
        var before = await world.SnapshotAsync();

        var allocate = await Assert.ThrowsAsync<BusinessException>(() => world.AllocateAsync(consultative, 10m));
        var reclaim = await Assert.ThrowsAsync<BusinessException>(() => world.ReclaimAsync(consultative, 10m));

        Assert.All([allocate, reclaim], e => Assert.Equal(ErrorCodes.IllegalOperation, e.Code));
        Assert.All([allocate, reclaim], e => Assert.Equal("Funds.ConsultativeCustomer", e.ResourceKey));
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_not_the_partners_associated_customer_is_refused_with_CBC_99000035(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var ofPartnerB = await world.AddCustomerAsync(org: world.PartnerB, balanceFen: 5000);
        var unbound = await world.AddCustomerAsync(status: CustomerStatus.Unbound, balanceFen: 5000);
        await world.TopUpAsync(1000m);
        var before = await world.SnapshotAsync();

        foreach (var id in new[] { ofPartnerB, unbound, Guid.NewGuid() })
        {
            var allocate = await Assert.ThrowsAsync<BusinessException>(() => world.AllocateAsync(id, 10m));
            var reclaim = await Assert.ThrowsAsync<BusinessException>(() => world.ReclaimAsync(id, 10m));
            Assert.Equal(FundsErrorCodes.NotPartnersCustomer, allocate.Code);
            Assert.Equal(FundsErrorCodes.NotPartnersCustomer, reclaim.Code);
        }

        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_allocation_beyond_available_cash_is_refused_with_CBC_99005003(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync();

        // No cash account at all yet: nothing is available.
        var none = await Assert.ThrowsAsync<BusinessException>(() => world.AllocateAsync(customer, 0.01m));
        Assert.Equal(FundsErrorCodes.InsufficientBalance, none.Code);

        await world.TopUpAsync(100m);
        var before = await world.SnapshotAsync();
        var error = await Assert.ThrowsAsync<BusinessException>(() => world.AllocateAsync(customer, 100.01m));

        Assert.Equal(FundsErrorCodes.InsufficientBalance, error.Code);
        Assert.Equal("Funds.InsufficientCash", error.ResourceKey);
        Assert.Equal("¥100.00", error.Arguments[0]);
        Assert.Equal(before, await world.SnapshotAsync());

        await world.AllocateAsync(customer, 100m);
        Assert.Equal(0, await world.CashAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_reclaim_beyond_the_customers_balance_is_refused_with_CBC_99005003(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync(name: "Small Balance Co.");
        await world.TopUpAsync(100m);
        await world.AllocateAsync(customer, 40m);
        var before = await world.SnapshotAsync();

        var error = await Assert.ThrowsAsync<BusinessException>(() => world.ReclaimAsync(customer, 40.01m));

        Assert.Equal(FundsErrorCodes.InsufficientBalance, error.Code);
        Assert.Equal("Funds.InsufficientCustomerBalance", error.ResourceKey);
        Assert.Equal(before, await world.SnapshotAsync());
        await world.ReclaimAsync(customer, 40m);
        Assert.Equal(0, (await world.CustomerAsync(customer)).BalanceFen);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_amount_must_be_positive_with_at_most_two_decimals_as_a_field_error(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync();
        await world.TopUpAsync(100m);
        var before = await world.SnapshotAsync();

        (decimal? Amount, string Key)[] cases =
        [
            (null, "Money.Required"),
            (0m, "Money.MustBePositive"),
            (-5m, "Money.MustBePositive"),
            (1.234m, "Money.TooManyDecimals"),
            (0.001m, "Money.TooManyDecimals"),
            (20_000_000_000m, "Money.TooLarge"),
        ];
        foreach (var (amount, key) in cases)
        {
            var allocate = await Assert.ThrowsAsync<ValidationException>(() => world.AllocateAsync(customer, amount));
            var reclaim = await Assert.ThrowsAsync<ValidationException>(() => world.ReclaimAsync(customer, amount));
            var withdraw = await Assert.ThrowsAsync<ValidationException>(() => world.WithdrawAsync(amount));
            var topUp = await Assert.ThrowsAsync<ValidationException>(() => world.Funds().TopUpAsync(world.Vendor, new TopUpInput(Guid.NewGuid()) { PartnerOrganizationId = world.PartnerA, Amount = amount }));
            Assert.All([allocate, reclaim, withdraw, topUp], e => Assert.Equal(key, e.FieldErrors[nameof(TransferInput.Amount)]));
            Assert.All([allocate, reclaim, withdraw, topUp], e => Assert.Equal(ErrorCodes.ParameterError, e.Code));
        }

        var missingCustomer = await Assert.ThrowsAsync<ValidationException>(() => world.AllocateAsync(null, 1m));
        Assert.Equal("Funds.CustomerRequired", missingCustomer.FieldErrors[nameof(TransferInput.CustomerId)]);
        Assert.Equal(before, await world.SnapshotAsync());

        var smallest = await world.AllocateAsync(customer, 0.01m);
        Assert.Equal(1, smallest.Amount.Fen);
        var twoDecimals = await world.AllocateAsync(customer, 12.30m);
        Assert.Equal(1230, twoDecimals.Amount.Fen);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_the_low_balance_threshold_is_set_by_the_admin_for_resale_customers_only(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync(balanceFen: 0);
        var consultative = await world.AddCustomerAsync(AssociationMode.Consultative);

        await world.Funds().SetLowBalanceThresholdAsync(world.AdminA, new ThresholdInput(customer) { Threshold = 500m });

        var view = await world.FundsQueries().GetCustomerFundsAsync(world.AdminA, customer);
        Assert.Equal(50000, view.LowBalanceThreshold?.Fen);
        Assert.True(view.BelowThreshold);
        Assert.Equal(1, await world.AuditCountAsync(customer, FundsAuditActions.SetThreshold));

        var before = await world.SnapshotAsync();
        var negative = await Assert.ThrowsAsync<ValidationException>(() => world.Funds().SetLowBalanceThresholdAsync(world.AdminA, new ThresholdInput(customer) { Threshold = -1m }));
        Assert.Equal("Money.MustNotBeNegative", negative.FieldErrors[nameof(ThresholdInput.Threshold)]);
        var ofConsultative = await Assert.ThrowsAsync<BusinessException>(() => world.Funds().SetLowBalanceThresholdAsync(world.AdminA, new ThresholdInput(consultative) { Threshold = 1m }));
        Assert.Equal(ErrorCodes.IllegalOperation, ofConsultative.Code);
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Funds().SetLowBalanceThresholdAsync(world.FinanceA, new ThresholdInput(customer) { Threshold = 1m }));
        Assert.Equal(before, await world.SnapshotAsync());

        await world.Funds().SetLowBalanceThresholdAsync(world.AdminA, new ThresholdInput(customer) { Threshold = null });
        Assert.Null((await world.CustomerAsync(customer)).LowBalanceThresholdFen);
    }
}
