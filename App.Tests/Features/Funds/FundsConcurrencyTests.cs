using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Funds;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Funds;

/// <summary>Money under concurrency: balances never go negative, nothing is overspent, and the ledger always equals the balances.</summary>
public class FundsConcurrencyTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_parallel_allocate_and_reclaim_on_one_customer_never_go_negative_and_the_ledger_equals_the_balances(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync();
        await world.TopUpAsync(100m);
        var random = new Random(2126);
        using var start = new ManualResetEventSlim(false);
        var operations = Enumerable.Range(0, 40).Select(i =>
        {
            var amount = random.Next(1, 30);
            var allocate = i % 2 == 0;
            return Task.Run(async () =>
            {
                start.Wait();
                return await FundsTestSupport.Outcome(() => allocate ? world.AllocateAsync(customer, amount) : world.ReclaimAsync(customer, amount));
            });
        }).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(operations);

        // Only the two insufficient-balance refusals are possible; nothing failed for any other reason.
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(FundsErrorCodes.InsufficientBalance, o!.Code));
        Assert.Contains(outcomes, o => o is null);
        var balance = (await world.CustomerAsync(customer)).BalanceFen;
        var cash = await world.CashAsync();
        Assert.True(balance >= 0);
        Assert.True(cash >= 0);
        Assert.Equal(10000, balance + cash);
        await world.AssertLedgerMatchesBalancesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_parallel_allocations_never_overspend_the_partners_cash(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customers = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            customers.Add(await world.AddCustomerAsync(name: $"Parallel {i}"));
        }

        await world.TopUpAsync(100m);
        using var start = new ManualResetEventSlim(false);
        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await FundsTestSupport.Outcome(() => world.AllocateAsync(customers[i % customers.Count], 10m));
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(10, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(FundsErrorCodes.InsufficientBalance, o!.Code));
        Assert.Equal(0, await world.CashAsync());
        await world.AssertLedgerMatchesBalancesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_R22_a_random_sequence_of_money_commands_keeps_ledger_and_balances_equal(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customers = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            customers.Add(await world.AddCustomerAsync(name: $"Random {i}"));
        }

        var random = new Random(20261122);
        var refused = 0;
        for (var step = 0; step < 60; step++)
        {
            var customer = customers[random.Next(customers.Count)];
            var amount = random.Next(1, 50_000) / 100m;
            var outcome = await FundsTestSupport.Outcome(() => random.Next(5) switch
            {
                0 => world.TopUpAsync(amount),
                1 or 2 => world.AllocateAsync(customer, amount),
                3 => world.ReclaimAsync(customer, amount),
                _ => world.WithdrawAsync(decimal.Round(amount / 10, 2)),
            });
            if (outcome is not null)
            {
                Assert.Equal(FundsErrorCodes.InsufficientBalance, outcome.Code);
                refused++;
            }
        }

        Assert.InRange(refused, 1, 59);
        await world.AssertLedgerMatchesBalancesAsync();
    }
}
