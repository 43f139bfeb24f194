using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Funds;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Funds;

/// <summary>Tenant isolation and permissions, checked by the services themselves.</summary>
public class FundsAccessTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_a_partner_never_sees_or_moves_another_partners_money(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var ofA = await world.AddCustomerAsync(name: "Customer of A");
        var ofB = await world.AddCustomerAsync(org: world.PartnerB, name: "Customer of B");
        await world.TopUpAsync(1_000m);
        await world.TopUpAsync(50m, world.PartnerB);
        await world.AllocateAsync(ofA, 100m);
        var before = await world.SnapshotAsync();

        var error = await Assert.ThrowsAsync<BusinessException>(() => world.AllocateAsync(ofA, 1m, world.AdminB));
        Assert.Equal(FundsErrorCodes.NotPartnersCustomer, error.Code);
        await Assert.ThrowsAsync<BusinessException>(() => world.ReclaimAsync(ofA, 1m, world.AdminB));
        Assert.Equal(before, await world.SnapshotAsync());

        var ledgerOfB = await world.FundsQueries().ListLedgerAsync(world.AdminB, new LedgerQuery { View = LedgerView.All });
        Assert.Equal(1, ledgerOfB.TotalCount);
        Assert.Empty((await world.FundsQueries().ListLedgerAsync(world.AdminB, new LedgerQuery { View = LedgerView.All, CustomerId = ofA })).Items);
        Assert.Equal(50_00, (await world.FundsQueries().GetAccountAsync(world.AdminB)).Cash.Fen);
        Assert.Equal([ofB], (await world.FundsQueries().SearchResaleCustomersAsync(world.AdminB, null)).Select(c => c.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => world.FundsQueries().GetCustomerFundsAsync(world.AdminB, ofA));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_roles_finance_views_admin_moves_money_vendor_tops_up(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync();
        await world.TopUpAsync(1_000m);

        // Finance reads and exports, but does not move money.
        Assert.Equal(1_000_00, (await world.FundsQueries().GetAccountAsync(world.FinanceA)).Cash.Fen);
        Assert.Equal(1, await world.FundsQueries().CountLedgerAsync(world.FinanceA, new LedgerQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.AllocateAsync(customer, 1m, world.FinanceA));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.FundsQueries().SearchResaleCustomersAsync(world.FinanceA, null));

        // Account managers and supervisors see no funds.
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.FundsQueries().GetAccountAsync(world.Manager1A));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.FundsQueries().ListLedgerAsync(world.SupervisorA, new LedgerQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.ReclaimAsync(customer, 1m, world.Manager1A));

        // Only the vendor operator tops up; the vendor does not run a partner's funds page or move its customers' money.
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Funds().TopUpAsync(world.AdminA, new TopUpInput(Guid.NewGuid()) { PartnerOrganizationId = world.PartnerA, Amount = 1m }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.FundsQueries().GetAccountAsync(world.Vendor));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.AllocateAsync(customer, 1m, world.Vendor));
        var vendorOrg = await Assert.ThrowsAsync<ValidationException>(() => world.TopUpAsync(1m, world.VendorOrg));
        Assert.Equal("Funds.PartnerRequired", vendorOrg.FieldErrors[nameof(TopUpInput.PartnerOrganizationId)]);
        var partners = await world.FundsQueries().GetPartnersAsync(world.Vendor);
        Assert.Equal(["Partner A", "Partner B"], partners.Select(p => p.Name));
        Assert.Equal(1_000_00, partners[0].Cash.Fen);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R21_the_ledger_filters_by_kind_customer_and_time_range_and_pages_newest_first(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var first = await world.AddCustomerAsync(name: "First Co.");
        var second = await world.AddCustomerAsync(name: "Second Co.");
        await world.TopUpAsync(1_000m);
        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.AllocateAsync(first, 10m);
        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.AllocateAsync(second, 20m);
        await world.ReclaimAsync(second, 5m);
        var queries = world.FundsQueries();
        var today = BlazorPartner.Core.Time.BeijingTime.DateOf(world.Clock.GetUtcNow().UtcDateTime);

        var cash = await queries.ListLedgerAsync(world.AdminA, new LedgerQuery { Take = 2 });
        Assert.Equal(4, cash.TotalCount);
        Assert.Equal([LedgerEntryKind.Reclaim, LedgerEntryKind.Allocate], cash.Items.Select(r => r.Kind));
        Assert.Equal("Second Co.", cash.Items[0].CustomerName);
        Assert.Equal(2, (await queries.ListLedgerAsync(world.AdminA, new LedgerQuery { Kind = LedgerEntryKind.Allocate })).TotalCount);
        Assert.Equal(2, (await queries.ListLedgerAsync(world.AdminA, new LedgerQuery { CustomerId = second })).TotalCount);
        Assert.Equal(4, (await queries.ListLedgerAsync(world.AdminA, new LedgerQuery { View = LedgerView.All, CustomerId = second })).TotalCount);
        Assert.Equal(2, (await queries.ListLedgerAsync(world.AdminA, new LedgerQuery { From = today, To = today })).TotalCount);
        Assert.Equal(1, (await queries.ListLedgerAsync(world.AdminA, new LedgerQuery { To = today.AddDays(-2) })).TotalCount);
        Assert.Equal(3, (await queries.ListLedgerAsync(world.AdminA, new LedgerQuery { View = LedgerView.Customers })).TotalCount);
    }
}
