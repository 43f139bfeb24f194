using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Customers;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorPartner.Tests.Features.Customers;

/// <summary>Customers straight into the database through <see cref="CustomerFactory"/>, and what is really stored afterwards.</summary>
internal static class CustomerTestData
{
    private static long _next = 1_000;

    public static async Task<Guid> AddCustomerAsync(
        this TestWorld world,
        string name,
        Actor? manager = null,
        Guid? partner = null,
        AssociationMode mode = AssociationMode.Resale,
        long balanceFen = 0,
        long? thresholdFen = null,
        long arrearsFen = 0,
        DateTime? associatedAtUtc = null,
        string? creditCode = null,
        string phone = "13812345678",
        string email = "zhang.wei@example.cn",
        string contact = "张伟")
    {
        await using var db = await world.Factory.CreateSystemAsync();
        var (customer, assignment) = CustomerFactory.Associated(
            partner ?? world.PartnerA,
            name,
            creditCode ?? CustomerFactory.CreditCodeFor(Interlocked.Increment(ref _next)),
            mode,
            manager?.UserId,
            associatedAtUtc ?? world.Clock.GetUtcNow().UtcDateTime.AddDays(-30),
            world.AdminA.UserId,
            world.AdminA.DisplayName);
        customer.ContactName = contact;
        customer.ContactPhone = phone;
        customer.ContactEmail = email;
        customer.BalanceFen = balanceFen;
        customer.LowBalanceThresholdFen = thresholdFen;
        customer.ArrearsFen = arrearsFen;
        db.Customers.Add(customer);
        if (assignment is not null)
        {
            db.CustomerAssignments.Add(assignment);
        }

        await db.SaveChangesAsync();
        return customer.Id;
    }

    public static async Task<Customer> LoadCustomerAsync(this TestWorld world, Guid id)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.Customers.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public static async Task<List<CustomerAssignment>> PeriodsStoredAsync(this TestWorld world, Guid id)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.CustomerAssignments.AsNoTracking().Where(a => a.CustomerId == id).OrderBy(a => a.FromUtc).ThenBy(a => a.Id).ToListAsync();
    }

    /// <summary>Every row a customer command could write, to prove a refused one stored nothing.</summary>
    public static async Task<(int Audits, int Customers, int Assignments, int Versions)> CountCustomerRowsAsync(this TestWorld world)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return (await db.AuditEntries.CountAsync(), await db.Customers.CountAsync(), await db.CustomerAssignments.CountAsync(), await db.Customers.SumAsync(c => c.Version));
    }

    /// <summary>Scoped in the app (per circuit); one scope per use is enough for a test.</summary>
    public static CustomerExporter CustomerExporter(this TestWorld world) =>
        world.Get<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<CustomerExporter>();

    public static async Task<Guid[]> IdsVisibleToAsync(this TestWorld world, Actor actor, CustomerQuery? query = null) =>
        (await world.Get<CustomerQueries>().ListAsync(actor, (query ?? new CustomerQuery()) with { Take = 200 })).Items.Select(r => r.Id).ToArray();
}
