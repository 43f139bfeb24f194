using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Customers;

/// <summary>R3 visibility inside a partner and isolation between partners, enforced by every service method.</summary>
public class CustomerAccessTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static async Task<(Guid OfManager1, Guid OfManager2, Guid OfSupervisor, Guid Unassigned)> SeedAsync(TestWorld world) =>
        (await world.AddCustomerAsync("客户一", world.Manager1A),
         await world.AddCustomerAsync("客户二", world.Manager2A),
         await world.AddCustomerAsync("主管客户", world.SupervisorA),
         await world.AddCustomerAsync("未分配客户"));

    private static CustomerQueries Queries(TestWorld world) => world.Get<CustomerQueries>();

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_partner_admin_and_finance_see_all_of_the_partners_customers(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (m1, m2, sup, none) = await SeedAsync(world);

        Assert.Equal(new[] { m1, m2, sup, none }.Order(), (await world.IdsVisibleToAsync(world.AdminA)).Order());
        Assert.Equal(new[] { m1, m2, sup, none }.Order(), (await world.IdsVisibleToAsync(world.FinanceA)).Order());
        Assert.Equal(4, await Queries(world).CountAsync(world.FinanceA, new CustomerQuery()));
        await Queries(world).GetAsync(world.FinanceA, m2);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_account_manager_sees_only_their_own_customers(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (m1, m2, _, _) = await SeedAsync(world);
        var before = await world.CountCustomerRowsAsync();

        Assert.Equal([m1], await world.IdsVisibleToAsync(world.Manager1A));
        await Assert.ThrowsAsync<NotFoundException>(() => Queries(world).GetAsync(world.Manager1A, m2));
        await Assert.ThrowsAsync<NotFoundException>(() => Queries(world).PeriodsAsync(world.Manager1A, m2));
        await Assert.ThrowsAsync<NotFoundException>(() => Queries(world).HolderAtAsync(world.Manager1A, m2, DateTime.UtcNow));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Get<CustomerReveal>().RevealAsync(world.Manager1A, m2, CustomerField.Phone));
        Assert.Equal(before, await world.CountCustomerRowsAsync());
        Assert.Equal([world.Manager1A.UserId], (await Queries(world).GetManagersAsync(world.Manager1A)).Select(m => m.UserId));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_supervisor_sees_own_and_team_customers_read_only(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (m1, _, sup, _) = await SeedAsync(world);

        // Manager one reports to this supervisor; manager two does not.
        Assert.Equal(new[] { m1, sup }.Order(), (await world.IdsVisibleToAsync(world.SupervisorA)).Order());
        var detail = await Queries(world).GetAsync(world.SupervisorA, m1);
        Assert.False(detail.Actions.CanAssign);
        Assert.False(detail.Actions.CanUnbind);
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Get<CustomerAssignments>().AssignAsync(world.SupervisorA, new AssignCustomerInput(new CustomerTarget(m1)) { AssignedTo = world.SupervisorA.UserId }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Get<CustomerUnbinding>().UnbindAsync(world.SupervisorA, new CustomerTarget(m1)));
        Assert.Equal(new[] { world.Manager1A.UserId, world.SupervisorA.UserId }.Order(), (await Queries(world).GetManagersAsync(world.SupervisorA)).Select(m => m.UserId).Order());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_tenant_isolation_partner_B_can_neither_list_read_reveal_assign_unbind_nor_export_partner_As(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (m1, _, _, _) = await SeedAsync(world);
        var ofB = await world.AddCustomerAsync("乙方客户", partner: world.PartnerB);
        var before = await world.CountCustomerRowsAsync();

        Assert.Equal([ofB], await world.IdsVisibleToAsync(world.AdminB));
        Assert.Equal(0, (await Queries(world).ListAsync(world.AdminB, new CustomerQuery { Search = "客户一" })).TotalCount);
        await Assert.ThrowsAsync<NotFoundException>(() => Queries(world).GetAsync(world.AdminB, m1));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Get<CustomerReveal>().RevealAsync(world.AdminB, m1, CustomerField.Name));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Get<CustomerAssignments>().AssignAsync(world.AdminB, new AssignCustomerInput(new CustomerTarget(m1)) { AssignedTo = world.Manager2A.UserId }));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Get<CustomerUnbinding>().PreviewAsync(world.AdminB, m1));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Get<CustomerUnbinding>().UnbindAsync(world.AdminB, new CustomerTarget(m1)));
        Assert.DoesNotContain(await Queries(world).GetManagersAsync(world.AdminB), m => m.UserId == world.Manager1A.UserId);
        using var file = new MemoryStream();
        Assert.Equal(1, await world.CustomerExporter().ExportAsync(world.AdminB, new CustomerQuery(), file));

        Assert.Equal(before, await world.CountCustomerRowsAsync());
        var untouched = await world.LoadCustomerAsync(m1);
        Assert.Equal(CustomerStatus.Associated, untouched.Status);
        Assert.Equal(world.Manager1A.UserId, untouched.AccountManagerUserId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_the_vendor_operator_has_no_customer_console(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (m1, _, _, _) = await SeedAsync(world);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Queries(world).ListAsync(world.Vendor, new CustomerQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Get<CustomerReveal>().RevealAsync(world.Vendor, m1, CustomerField.Name));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Get<CustomerUnbinding>().UnbindAsync(world.Vendor, new CustomerTarget(m1)));
    }
}
