using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlazorPartner.Tests.Features.Customers;

/// <summary>
/// R19 orchestration with stand-in steps (the voucher and funds slices bring the real ones): the preview gathers every
/// step's effects in order; the unbinding applies every step and unbinds in one transaction, or saves nothing at all.
/// </summary>
public class CustomerUnbindingTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static CustomerUnbinding Unbinding(TestWorld world, params ICustomerUnbindingStep[] steps) =>
        new(world.Factory, steps, world.Clock, NullLogger<CustomerUnbinding>.Instance);

    [Theory, MemberData(nameof(Providers))]
    public async Task R19_preview_lists_every_steps_effects_in_step_order_and_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.AddCustomerAsync("杭州青禾电子商务有限公司", world.Manager1A, balanceFen: 12_345_67);
        var before = await world.CountCustomerRowsAsync();
        var unbinding = Unbinding(world, new ReturnBalanceStep(), new RecallVouchersStep());

        var preview = await unbinding.PreviewAsync(world.AdminA, id);

        Assert.Equal(["Fake.VouchersRecalled", "Fake.BalanceReturned"], preview.Effects.Select(e => e.MessageKey));
        Assert.Equal((3, 600_00L), (preview.Effects[0].Count, preview.Effects[0].AmountFen));
        Assert.Equal(12_345_67L, preview.Effects[1].AmountFen);
        Assert.Equal("杭******", preview.MaskedName);
        Assert.Equal(0, preview.Version);
        Assert.Equal(before, await world.CountCustomerRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R19_unbinding_applies_every_step_unbinds_closes_the_period_and_audits_in_one_transaction(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.AddCustomerAsync("杭州青禾电子商务有限公司", world.Manager1A, balanceFen: 12_345_67);
        var now = world.Clock.GetUtcNow().UtcDateTime;

        await Unbinding(world, new RecallVouchersStep(), new ReturnBalanceStep(), new BalanceByStatementStep()).UnbindAsync(world.AdminA, new CustomerTarget(id, 0));

        var customer = await world.LoadCustomerAsync(id);
        Assert.Equal(CustomerStatus.Unbound, customer.Status);
        Assert.Equal(now, customer.UnboundAtUtc);
        Assert.Equal(0, customer.BalanceFen);
        Assert.Equal(42, customer.ArrearsFen);
        Assert.Equal(world.Manager1A.UserId, customer.AccountManagerUserId);
        var period = Assert.Single(await world.PeriodsStoredAsync(id));
        Assert.Equal(now, period.ToUtc);
        await using var db = await world.Factory.CreateSystemAsync();
        var audits = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["fake.voucher-recall", "fake.balance-return", CustomerAuditActions.Unbind], audits.Select(a => a.Action));
        Assert.Equal("{\"Status\":\"CustomerStatus.Associated\"}", audits[2].Before);
        Assert.Equal("{\"Status\":\"CustomerStatus.Unbound\"}", audits[2].After);

        // R19 is final: a second unbinding, an assignment or a preview is refused.
        await Assert.ThrowsAsync<CustomerUnboundException>(() => Unbinding(world).UnbindAsync(world.AdminA, new CustomerTarget(id)));
        await Assert.ThrowsAsync<CustomerUnboundException>(() => Unbinding(world).PreviewAsync(world.AdminA, id));
        await Assert.ThrowsAsync<CustomerUnboundException>(() => world.Get<CustomerAssignments>().AssignAsync(world.AdminA, new AssignCustomerInput(new CustomerTarget(id)) { AssignedTo = world.Manager2A.UserId }));
        var detail = await world.Get<CustomerQueries>().GetAsync(world.AdminA, id);
        Assert.False(detail.Actions.CanUnbind);
        Assert.False(detail.Actions.CanAssign);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R19_a_step_that_fails_leaves_nothing_saved_not_even_the_earlier_steps(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.AddCustomerAsync("杭州青禾电子商务有限公司", world.Manager1A, balanceFen: 12_345_67);
        var before = await world.CountCustomerRowsAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Unbinding(world, new RecallVouchersStep(), new BalanceByStatementStep(), new FailingStep()).UnbindAsync(world.AdminA, new CustomerTarget(id)));

        Assert.Equal(before, await world.CountCustomerRowsAsync());
        var customer = await world.LoadCustomerAsync(id);
        Assert.Equal(CustomerStatus.Associated, customer.Status);
        Assert.Equal(12_345_67L, customer.BalanceFen);
        Assert.Equal(0, customer.ArrearsFen);
        Assert.Null(customer.UnboundAtUtc);
        Assert.Null(Assert.Single(await world.PeriodsStoredAsync(id)).ToUtc);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R19_refused_for_other_roles_invisible_customers_and_stale_versions_storing_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.AddCustomerAsync("杭州青禾电子商务有限公司", world.Manager1A);
        await world.Get<CustomerAssignments>().AssignAsync(world.AdminA, new AssignCustomerInput(new CustomerTarget(id)) { AssignedTo = world.Manager2A.UserId });
        var before = await world.CountCustomerRowsAsync();
        var unbinding = Unbinding(world, new RecallVouchersStep());

        await Assert.ThrowsAsync<AccessDeniedException>(() => unbinding.UnbindAsync(world.Manager2A, new CustomerTarget(id)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => unbinding.PreviewAsync(world.FinanceA, id));
        await Assert.ThrowsAsync<NotFoundException>(() => unbinding.UnbindAsync(world.AdminB, new CustomerTarget(id)));
        var stale = await Assert.ThrowsAsync<CustomerChangedException>(() => unbinding.UnbindAsync(world.AdminA, new CustomerTarget(id, 0)));
        Assert.Equal("Admin A", stale.Arguments[1]);

        Assert.Equal(before, await world.CountCustomerRowsAsync());
        Assert.Equal(CustomerStatus.Associated, (await world.LoadCustomerAsync(id)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R19_parallel_unbindings_of_one_customer_apply_once(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.AddCustomerAsync("杭州青禾电子商务有限公司", world.Manager1A, balanceFen: 500_00);
        var unbinding = Unbinding(world, new RecallVouchersStep(), new ReturnBalanceStep());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                await unbinding.UnbindAsync(world.AdminA, new CustomerTarget(id, 0));
                return null;
            }
            catch (BusinessException refused)
            {
                return refused;
            }
        }));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.True(o is CustomerUnboundException or CustomerChangedException, o!.GetType().Name));
        Assert.Equal(1, await world.AuditCountAsync(id, CustomerAuditActions.Unbind));
        Assert.Equal(1, await world.AuditCountAsync(id, "fake.voucher-recall"));
        Assert.Equal(1, await world.AuditCountAsync(id, "fake.balance-return"));
        Assert.Equal(CustomerStatus.Unbound, (await world.LoadCustomerAsync(id)).Status);
    }

    /// <summary>Stands in for the voucher slice: recalls three vouchers (an audit row stands for its own tables).</summary>
    private sealed class RecallVouchersStep : ICustomerUnbindingStep
    {
        public int Order => 10;

        public Task<IReadOnlyList<UnbindingEffect>> PreviewAsync(AppDbContext db, Customer customer, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<UnbindingEffect>>([new UnbindingEffect("Fake.VouchersRecalled", 3, 600_00)]);

        public Task ApplyAsync(AppDbContext db, Actor actor, Customer customer, DateTime nowUtc, CancellationToken ct)
        {
            db.AuditEntries.Add(new AuditEntry { OrganizationId = customer.OrganizationId, EntityType = nameof(Customer), EntityId = customer.Id.ToString(), Action = "fake.voucher-recall", ActorName = actor.DisplayName, AtUtc = nowUtc });
            return Task.CompletedTask;
        }
    }

    /// <summary>Stands in for the funds slice, changing the tracked customer.</summary>
    private sealed class ReturnBalanceStep : ICustomerUnbindingStep
    {
        public int Order => 20;

        public Task<IReadOnlyList<UnbindingEffect>> PreviewAsync(AppDbContext db, Customer customer, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<UnbindingEffect>>([new UnbindingEffect("Fake.BalanceReturned", 0, customer.BalanceFen)]);

        public Task ApplyAsync(AppDbContext db, Actor actor, Customer customer, DateTime nowUtc, CancellationToken ct)
        {
            customer.BalanceFen = 0;
            db.AuditEntries.Add(new AuditEntry { OrganizationId = customer.OrganizationId, EntityType = nameof(Customer), EntityId = customer.Id.ToString(), Action = "fake.balance-return", ActorName = actor.DisplayName, AtUtc = nowUtc });
            return Task.CompletedTask;
        }
    }

    /// <summary>A step that changes the customer row with its own statement, bumping the version (as an atomic money move would).</summary>
    private sealed class BalanceByStatementStep : ICustomerUnbindingStep
    {
        public int Order => 30;

        public Task<IReadOnlyList<UnbindingEffect>> PreviewAsync(AppDbContext db, Customer customer, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<UnbindingEffect>>([]);

        public Task ApplyAsync(AppDbContext db, Actor actor, Customer customer, DateTime nowUtc, CancellationToken ct) =>
            db.Customers.Where(c => c.Id == customer.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ArrearsFen, 42).SetProperty(c => c.Version, c => c.Version + 1), ct);
    }

    private sealed class FailingStep : ICustomerUnbindingStep
    {
        public int Order => 40;

        public Task<IReadOnlyList<UnbindingEffect>> PreviewAsync(AppDbContext db, Customer customer, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<UnbindingEffect>>([]);

        public Task ApplyAsync(AppDbContext db, Actor actor, Customer customer, DateTime nowUtc, CancellationToken ct) =>
            throw new InvalidOperationException("The voucher service is down.");
    }
}
