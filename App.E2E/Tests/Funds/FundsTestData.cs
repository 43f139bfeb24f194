using BlazorPartner.Core.Data;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Funds;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorPartner.E2E.Tests.Funds;

/// <summary>Rows the funds tests arrange through the running app's services: their own resale customer, and cash to move.</summary>
public static class FundsTestData
{
    /// <summary>A new associated resale customer of Partner A no other test uses; returns its id.</summary>
    public static async Task<Guid> AddResaleCustomerAsync(this E2EHost host, string name)
    {
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateSystemAsync();
        var partnerA = await db.Organizations.Where(o => o.Name == DemoAccounts.PartnerAName).Select(o => o.Id).SingleAsync();
        var (customer, _) = CustomerFactory.Associated(partnerA, name, CustomerFactory.CreditCodeFor(Random.Shared.NextInt64(1, 999_999_999_999)), AssociationMode.Resale, null, DateTime.UtcNow);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    /// <summary>The vendor operator tops up a partner (Partner A by default) through the service.</summary>
    public static async Task TopUpAsync(this E2EHost host, decimal yuan, string partnerName = DemoAccounts.PartnerAName)
    {
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Guid partner;
        string operatorId;
        await using (var db = await dbFactory.CreateSystemAsync())
        {
            partner = await db.Organizations.Where(o => o.Name == partnerName).Select(o => o.Id).SingleAsync();
            operatorId = await db.Users.Where(u => u.Email == DemoAccounts.VendorOperator).Select(u => u.Id).SingleAsync();
        }

        var vendor = await host.Services.GetRequiredService<ActorDirectory>().LoadAsync(operatorId);
        await host.Services.GetRequiredService<FundsCommands>().TopUpAsync(vendor, new TopUpInput(Guid.NewGuid()) { PartnerOrganizationId = partner, Amount = yuan });
    }

    public static async Task<long> BalanceFenAsync(this E2EHost host, Guid customer)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateSystemAsync();
        return await db.Customers.Where(c => c.Id == customer).Select(c => c.BalanceFen).SingleAsync();
    }

    public static async Task<int> CommandCountAsync(this E2EHost host, Guid customer)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateSystemAsync();
        return await db.MoneyCommands.CountAsync(c => c.CustomerId == customer);
    }

    public static async Task<long> CashFenAsync(this E2EHost host, string partnerName)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateSystemAsync();
        var partner = await db.Organizations.Where(o => o.Name == partnerName).Select(o => o.Id).SingleAsync();
        return await db.PartnerCashAccounts.Where(a => a.OrganizationId == partner).Select(a => (long?)a.CashFen).SingleOrDefaultAsync() ?? 0;
    }
}
