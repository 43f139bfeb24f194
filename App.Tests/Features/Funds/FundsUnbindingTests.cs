using BlazorPartner.Core.Data;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Funds;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Funds;

/// <summary>R19: a disassociating resale customer's remaining balance returns to the partner, inside the unbinding's transaction.</summary>
public class FundsUnbindingTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Fact]
    public async Task R19_the_funds_step_is_registered_after_the_voucher_recall()
    {
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);
        var step = Assert.Single(world.Get<IEnumerable<ICustomerUnbindingStep>>().OfType<FundsUnbindingStep>());
        Assert.Equal(20, step.Order);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R19_unbinding_previews_then_returns_the_whole_balance_to_the_partner(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync(name: "Leaving Co.");
        var consultative = await world.AddCustomerAsync(AssociationMode.Consultative);
        await world.TopUpAsync(1_000m);
        await world.AllocateAsync(customer, 321.45m);
        var step = world.Get<IEnumerable<ICustomerUnbindingStep>>().OfType<FundsUnbindingStep>().Single();

        await using (var db = await world.Factory.CreateForAsync(world.AdminA))
        {
            var row = await db.Customers.SingleAsync(c => c.Id == customer);
            var preview = await step.PreviewAsync(db, row, default);
            Assert.Equal(new UnbindingEffect(FundsUnbindingStep.EffectKey, 1, 321_45), Assert.Single(preview));
            Assert.Empty(await step.PreviewAsync(db, await db.Customers.SingleAsync(c => c.Id == consultative), default));

            // What the customer slice does: every step's apply on one context, one save, one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync();
            await step.ApplyAsync(db, world.AdminA, row, world.Clock.GetUtcNow().UtcDateTime, default);
            row.Status = CustomerStatus.Unbound;
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal(0, (await world.CustomerAsync(customer)).BalanceFen);
        Assert.Equal(1_000_00, await world.CashAsync());
        Assert.Equal(1, await world.AuditCountAsync(customer, FundsAuditActions.UnbindReturn));
        var lines = await world.FundsQueries().ListLedgerAsync(world.AdminA, new LedgerQuery { View = LedgerView.All, Kind = LedgerEntryKind.UnbindReturn });
        Assert.Equal(2, lines.TotalCount);
        await world.AssertLedgerMatchesBalancesAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R19_an_allocation_that_lands_during_the_unbinding_makes_the_unbinding_fail_instead_of_losing_money(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync();
        await world.TopUpAsync(1_000m);
        await world.AllocateAsync(customer, 100m);
        var step = world.Get<IEnumerable<ICustomerUnbindingStep>>().OfType<FundsUnbindingStep>().Single();

        await using (var db = await world.Factory.CreateForAsync(world.AdminA))
        {
            var row = await db.Customers.SingleAsync(c => c.Id == customer);
            await step.ApplyAsync(db, world.AdminA, row, world.Clock.GetUtcNow().UtcDateTime, default);
            await world.AllocateAsync(customer, 50m);
            row.Status = CustomerStatus.Unbound;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(150_00, (await world.CustomerAsync(customer)).BalanceFen);
        await world.AssertLedgerMatchesBalancesAsync();
    }
}
