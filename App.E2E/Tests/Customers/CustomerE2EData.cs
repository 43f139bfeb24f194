using BlazorPartner.Core.Data;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorPartner.E2E.Tests.Customers;

/// <summary>Customers a test arranges for itself (straight through <see cref="CustomerFactory"/>), so the demo customers stay as seeded.</summary>
internal static class CustomerE2EData
{
    private static long _next = DateTime.UtcNow.Ticks % 1_000_000_000 * 100;

    public sealed record Arranged(Guid Id, string Name, string CreditCode, string Phone);

    /// <summary>A new associated resale customer of Partner A held by <paramref name="managerEmail"/>.</summary>
    public static async Task<Arranged> AddCustomerAsync(this E2EHost host, string managerEmail = DemoAccounts.PartnerAManager1, string phone = "13700001234")
    {
        await using var scope = host.Services.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateSystemAsync();
        var partner = await db.Organizations.Where(o => o.Name == DemoAccounts.PartnerAName).Select(o => o.Id).SingleAsync();
        var manager = await db.Users.Where(u => u.Email == managerEmail).Select(u => u.Id).SingleAsync();
        var code = CustomerFactory.CreditCodeFor(Interlocked.Increment(ref _next));
        var name = $"测试{Guid.NewGuid().ToString("N")[..6]}科技有限公司";
        var (customer, assignment) = CustomerFactory.Associated(partner, name, code, AssociationMode.Resale, manager, DateTime.UtcNow.AddDays(-1));
        customer.ContactName = "测试员";
        customer.ContactPhone = phone;
        customer.ContactEmail = "tester@example.cn";
        customer.BalanceFen = 1_234_00;
        customer.LowBalanceThresholdFen = 500_00;
        db.Customers.Add(customer);
        db.CustomerAssignments.Add(assignment!);
        await db.SaveChangesAsync();
        return new Arranged(customer.Id, name, code, phone);
    }

    /// <summary>How many associated customers the account manager holds now, read from the database.</summary>
    public static async Task<(int Manager, int Partner)> AssociatedCountsAsync(this E2EHost host, string managerEmail)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateSystemAsync();
        var partner = await db.Organizations.Where(o => o.Name == DemoAccounts.PartnerAName).Select(o => o.Id).SingleAsync();
        var manager = await db.Users.Where(u => u.Email == managerEmail).Select(u => u.Id).SingleAsync();
        var associated = db.Customers.Where(c => c.OrganizationId == partner && c.Status == CustomerStatus.Associated);
        return (await associated.CountAsync(c => c.AccountManagerUserId == manager), await associated.CountAsync());
    }
}

public sealed class PartnerAManager1Session(E2EHost host) : SignedInSession(host, DemoAccounts.PartnerAManager1, DemoAccounts.PartnerAName);
