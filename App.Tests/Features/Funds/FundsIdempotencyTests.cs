using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Funds;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Funds;

/// <summary>Every money command carries the key its form made once: a double click or a retried submit moves money once.</summary>
public class FundsIdempotencyTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_the_same_idempotency_key_twice_moves_money_once_and_returns_the_first_result(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync();
        await world.TopUpAsync(1000m);
        var key = Guid.NewGuid();

        var first = await world.AllocateAsync(customer, 100m, key: key);
        var second = await world.AllocateAsync(customer, 100m, key: key);

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first with { Replayed = true }, second);
        Assert.Equal(90000, await world.CashAsync());
        Assert.Equal(10000, (await world.CustomerAsync(customer)).BalanceFen);
        Assert.Equal(1, await world.AuditCountAsync(customer, FundsAuditActions.Allocate));
        await world.AssertLedgerMatchesBalancesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_the_same_key_submitted_concurrently_moves_money_once(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync();
        await world.TopUpAsync(1000m);

        for (var round = 0; round < 3; round++)
        {
            var key = Guid.NewGuid();
            using var start = new ManualResetEventSlim(false);
            var attempts = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await world.AllocateAsync(customer, 10m, key: key);
            })).ToList();
            start.Set();
            var results = await Task.WhenAll(attempts);

            Assert.Single(results, r => !r.Replayed);
            Assert.Single(results.Select(r => r.TransferId).Distinct());
        }

        Assert.Equal(3000, (await world.CustomerAsync(customer)).BalanceFen);
        Assert.Equal(97000, await world.CashAsync());
        Assert.Equal(3, await world.AuditCountAsync(customer, FundsAuditActions.Allocate));
        await world.AssertLedgerMatchesBalancesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_a_double_submitted_top_up_and_withdrawal_move_money_once(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var topUpKey = Guid.NewGuid();
        var withdrawKey = Guid.NewGuid();

        await Task.WhenAll(world.TopUpAsync(500m, key: topUpKey), world.TopUpAsync(500m, key: topUpKey));
        await Task.WhenAll(world.WithdrawAsync(100m, key: withdrawKey), world.WithdrawAsync(100m, key: withdrawKey));

        Assert.Equal(40000, await world.CashAsync());
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.WithdrawalRequests.CountAsync());
        await world.AssertLedgerMatchesBalancesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_a_key_reused_for_a_different_command_is_refused_and_moves_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync();
        await world.TopUpAsync(1000m);
        var key = Guid.NewGuid();
        await world.AllocateAsync(customer, 100m, key: key);
        var before = await world.SnapshotAsync();

        var otherAmount = await Assert.ThrowsAsync<BusinessException>(() => world.AllocateAsync(customer, 200m, key: key));
        var otherKind = await Assert.ThrowsAsync<BusinessException>(() => world.ReclaimAsync(customer, 100m, key: key));

        Assert.All([otherAmount, otherKind], e => Assert.Equal("Funds.KeyReused", e.ResourceKey));
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_a_refused_command_leaves_its_key_unused_so_the_corrected_retry_runs(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync();
        var key = Guid.NewGuid();

        await Assert.ThrowsAsync<BusinessException>(() => world.AllocateAsync(customer, 50m, key: key));
        await world.TopUpAsync(50m);
        var retried = await world.AllocateAsync(customer, 50m, key: key);

        Assert.False(retried.Replayed);
        Assert.Equal(5000, (await world.CustomerAsync(customer)).BalanceFen);
    }
}
