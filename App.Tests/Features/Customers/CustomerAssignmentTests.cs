using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Customers;

/// <summary>R18: assignment periods with from/to times, who held a customer when, and concurrent assignment.</summary>
public class CustomerAssignmentTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static Task AssignAsync(TestWorld world, Actor actor, Guid id, string? to, int? version = null) =>
        world.Get<CustomerAssignments>().AssignAsync(actor, new AssignCustomerInput(new CustomerTarget(id, version)) { AssignedTo = to });

    [Theory, MemberData(nameof(Providers))]
    public async Task R18_reassigning_closes_the_open_period_and_opens_a_new_one_audited_from_and_to(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var associatedAt = world.Clock.GetUtcNow().UtcDateTime.AddDays(-10);
        var id = await world.AddCustomerAsync("上海云帆科技有限公司", world.Manager1A, associatedAtUtc: associatedAt);
        var reassignedAt = world.Clock.GetUtcNow().UtcDateTime;

        await AssignAsync(world, world.AdminA, id, world.Manager2A.UserId, version: 0);

        var periods = await world.PeriodsStoredAsync(id);
        Assert.Equal(2, periods.Count);
        Assert.Equal((world.Manager1A.UserId, associatedAt, (DateTime?)reassignedAt), (periods[0].AccountManagerUserId, periods[0].FromUtc, periods[0].ToUtc));
        Assert.Equal((world.Manager2A.UserId, reassignedAt, (DateTime?)null), (periods[1].AccountManagerUserId, periods[1].FromUtc, periods[1].ToUtc));
        Assert.Equal("Admin A", periods[1].AssignedByName);
        var customer = await world.LoadCustomerAsync(id);
        Assert.Equal(world.Manager2A.UserId, customer.AccountManagerUserId);
        Assert.Equal(1, customer.Version);

        var detail = await world.Get<CustomerQueries>().GetAsync(world.AdminA, id);
        Assert.Equal(["Manager One", "Manager Two"], detail.Assignments.Select(p => p.AccountManagerName));
        Assert.Equal(reassignedAt, detail.Assignments[0].ToUtc);
        var audit = Assert.Single(detail.History, h => h.Action == CustomerAuditActions.Assign);
        Assert.Equal("{\"AccountManager\":\"Manager One\"}", audit.Before);
        Assert.Equal("{\"AccountManager\":\"Manager Two\"}", audit.After);
        Assert.Equal("Admin A", audit.ActorName);

        // R3 follows the assignment: manager two sees it now, manager one no longer does.
        Assert.Equal([id], await world.IdsVisibleToAsync(world.Manager2A));
        Assert.Empty(await world.IdsVisibleToAsync(world.Manager1A));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R18_who_held_the_customer_at_a_time_follows_the_periods(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var start = world.Clock.GetUtcNow().UtcDateTime.AddDays(-10);
        var id = await world.AddCustomerAsync("北京星河数据服务有限公司", world.Manager1A, associatedAtUtc: start);
        var firstChange = world.Clock.GetUtcNow().UtcDateTime;
        await AssignAsync(world, world.AdminA, id, world.Manager2A.UserId);
        world.Clock.Advance(TimeSpan.FromDays(2));
        var secondChange = world.Clock.GetUtcNow().UtcDateTime;
        await AssignAsync(world, world.AdminA, id, world.SupervisorA.UserId);
        var queries = world.Get<CustomerQueries>();

        Assert.Null(await queries.HolderAtAsync(world.AdminA, id, start.AddSeconds(-1)));
        Assert.Equal("Manager One", (await queries.HolderAtAsync(world.AdminA, id, start))!.AccountManagerName);
        Assert.Equal("Manager One", (await queries.HolderAtAsync(world.AdminA, id, firstChange.AddTicks(-1)))!.AccountManagerName);
        Assert.Equal("Manager Two", (await queries.HolderAtAsync(world.AdminA, id, firstChange))!.AccountManagerName);
        Assert.Equal("Manager Two", (await queries.HolderAtAsync(world.AdminA, id, secondChange.AddHours(-1)))!.AccountManagerName);
        Assert.Equal("Supervisor A", (await queries.HolderAtAsync(world.AdminA, id, secondChange.AddDays(100)))!.AccountManagerName);
        Assert.Equal(3, (await queries.PeriodsAsync(world.AdminA, id)).Count);

        // The same answer on a slice's own context (the consumption slice's attribution).
        await using var db = await world.Factory.CreateForAsync(world.AdminA);
        Assert.Equal(world.Manager2A.UserId, await db.HolderAtAsync(id, firstChange.AddHours(1)));
        Assert.Null(await db.HolderAtAsync(id, start.AddDays(-1)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R18_concurrent_assignments_one_wins_and_the_other_is_told_who_was_first(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.AddCustomerAsync("深圳前海智联科技有限公司", world.Manager1A);

        // Both saw version 0; they race.
        var results = await Task.WhenAll(
            Capture(() => AssignAsync(world, world.AdminA, id, world.Manager2A.UserId, version: 0)),
            Capture(() => AssignAsync(world, world.AdminA, id, world.SupervisorA.UserId, version: 0)));

        Assert.Single(results, r => r is null);
        var loser = Assert.IsType<CustomerChangedException>(Assert.Single(results, r => r is not null));
        Assert.Equal(ErrorCodes.AlreadyProcessed, loser.Code);
        Assert.Equal("Customer.ChangedBy", loser.ResourceKey);
        Assert.Equal("Admin A", loser.Arguments[1]);
        var periods = await world.PeriodsStoredAsync(id);
        Assert.Equal(2, periods.Count);
        Assert.Single(periods, p => p.ToUtc is null);
        Assert.Equal(1, (await world.LoadCustomerAsync(id)).Version);
        Assert.Equal(1, await world.AuditCountAsync(id, CustomerAuditActions.Assign));

        // A stale version is refused even without a race, and stores nothing.
        var before = await world.CountCustomerRowsAsync();
        await Assert.ThrowsAsync<CustomerChangedException>(() => AssignAsync(world, world.AdminA, id, world.Manager1A.UserId, version: 0));
        Assert.Equal(before, await world.CountCustomerRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R18_only_the_admin_assigns_and_only_to_a_manager_of_the_same_partner(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.AddCustomerAsync("广州南粤物流股份有限公司", world.Manager1A);
        var before = await world.CountCustomerRowsAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => AssignAsync(world, world.Manager1A, id, world.Manager2A.UserId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AssignAsync(world, world.FinanceA, id, world.Manager2A.UserId));
        var required = await Assert.ThrowsAsync<ValidationException>(() => AssignAsync(world, world.AdminA, id, null));
        Assert.Equal("Customer.AssigneeRequired", required.FieldErrors[nameof(AssignCustomerInput.AssignedTo)]);
        var finance = await Assert.ThrowsAsync<ValidationException>(() => AssignAsync(world, world.AdminA, id, world.FinanceA.UserId));
        Assert.Equal("Customer.AssigneeInvalid", finance.FieldErrors[nameof(AssignCustomerInput.AssignedTo)]);
        await Assert.ThrowsAsync<ValidationException>(() => AssignAsync(world, world.AdminA, id, world.AdminB.UserId));
        await Assert.ThrowsAsync<ValidationException>(() => AssignAsync(world, world.AdminA, id, world.Manager1A.UserId));

        Assert.Equal(before, await world.CountCustomerRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R18_bulk_assign_reports_each_refusal_and_keeps_the_rest(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var a = await world.AddCustomerAsync("客户甲", world.Manager1A);
        var b = await world.AddCustomerAsync("客户乙", world.Manager2A);
        var ofB = await world.AddCustomerAsync("乙方客户", partner: world.PartnerB);

        var failures = await world.Get<CustomerAssignments>().AssignManyAsync(world.AdminA, [a, b, ofB], world.Manager2A.UserId);

        Assert.Equal(new[] { b, ofB }.Order(), failures.Keys.Order());
        Assert.IsType<ValidationException>(failures[b]);
        Assert.IsType<NotFoundException>(failures[ofB]);
        Assert.Equal(world.Manager2A.UserId, (await world.LoadCustomerAsync(a)).AccountManagerUserId);
    }

    private static async Task<BusinessException?> Capture(Func<Task> command)
    {
        try
        {
            await command();
            return null;
        }
        catch (BusinessException refused)
        {
            return refused;
        }
    }
}
