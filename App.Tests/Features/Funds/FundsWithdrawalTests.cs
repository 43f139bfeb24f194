using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Funds;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Funds;

/// <summary>R22: withdrawable = cash − owed in invoices − unposted − arrears of sub-accounts; blocked while any arrears exist.</summary>
public class FundsWithdrawalTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R22_withdrawable_is_cash_minus_owed_minus_unposted_minus_sub_account_arrears(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.TopUpAsync(10_000m);
        await world.SetAccountPartsAsync(owedFen: 1_000_00, unpostedFen: 234_56);
        await world.AddCustomerAsync(name: "Owes A", arrearsFen: 100_00);
        await world.AddCustomerAsync(name: "Owes B", arrearsFen: 50_50);
        await world.AddCustomerAsync(name: "Owes nothing");
        await world.AddCustomerAsync(org: world.PartnerB, name: "Other partner", arrearsFen: 999_99);

        var account = await world.FundsQueries().GetAccountAsync(world.AdminA);

        Assert.Equal(10_000_00, account.Cash.Fen);
        Assert.Equal(1_000_00, account.OwedInInvoices.Fen);
        Assert.Equal(234_56, account.Unposted.Fen);
        Assert.Equal(150_50, account.SubAccountArrears.Fen);
        Assert.Equal(2, account.CustomersInArrears);
        Assert.Equal(10_000_00 - 1_000_00 - 234_56 - 150_50, account.Withdrawable.Fen);
        Assert.True(account.WithdrawalBlocked);
        Assert.True(account.CanWithdraw);
        Assert.False((await world.FundsQueries().GetAccountAsync(world.FinanceA)).CanWithdraw);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R22_a_withdrawal_is_refused_while_any_sub_account_is_in_arrears(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.TopUpAsync(10_000m);
        await world.AddCustomerAsync(arrearsFen: 1);
        var before = await world.SnapshotAsync();

        var error = await Assert.ThrowsAsync<BusinessException>(() => world.WithdrawAsync(1m));

        Assert.Equal(ErrorCodes.AlreadyProcessed, error.Code);
        Assert.Equal("Funds.WithdrawalBlockedByArrears", error.ResourceKey);
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R22_a_withdrawal_beyond_the_withdrawable_amount_is_refused_with_CBC_99005003(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.TopUpAsync(1_000m);
        await world.SetAccountPartsAsync(owedFen: 300_00, unpostedFen: 200_00);
        var before = await world.SnapshotAsync();

        var error = await Assert.ThrowsAsync<BusinessException>(() => world.WithdrawAsync(500.01m));

        Assert.Equal(FundsErrorCodes.InsufficientBalance, error.Code);
        Assert.Equal("Funds.BeyondWithdrawable", error.ResourceKey);
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R22_a_withdrawal_within_the_withdrawable_amount_is_recorded_and_leaves_the_cash_account(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.TopUpAsync(1_000m);
        await world.SetAccountPartsAsync(owedFen: 300_00, unpostedFen: 200_00);

        var result = await world.WithdrawAsync(500m);

        Assert.Equal(500_00, result.PartnerCashAfter.Fen);
        await using var db = await world.Factory.CreateSystemAsync();
        var request = await db.WithdrawalRequests.SingleAsync();
        Assert.Equal(500_00, request.AmountFen);
        Assert.Equal(500_00, request.WithdrawableBeforeFen);
        Assert.Equal(WithdrawalStatus.Requested, request.Status);
        Assert.Equal("Admin A", request.RequestedByName);
        Assert.Equal(0, (await world.FundsQueries().GetAccountAsync(world.AdminA)).Withdrawable.Fen);
        Assert.Equal(1, await world.AuditCountAsync(world.PartnerA, FundsAuditActions.Withdraw));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.WithdrawAsync(1m, world.FinanceA));
        await world.AssertLedgerMatchesBalancesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R22_parallel_withdrawals_never_exceed_the_withdrawable_amount(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.TopUpAsync(100m);
        await world.SetAccountPartsAsync(owedFen: 20_00, unpostedFen: 0);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => FundsTestSupport.Outcome(() => world.WithdrawAsync(10m)))));

        Assert.Equal(8, outcomes.Count(o => o is null));
        Assert.Equal(20_00, await world.CashAsync());
        await world.AssertLedgerMatchesBalancesAsync();
    }
}
