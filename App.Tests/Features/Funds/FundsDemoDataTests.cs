using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Funds;
using BlazorPartner.Platform;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Seeding;
using BlazorPartner.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorPartner.Tests.Features.Funds;

public class FundsDemoDataTests
{
    [Fact]
    public async Task R21_demo_ledger_reproduces_the_seeded_customer_balances_and_partner_cash()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var configuration = new ConfigurationBuilder().Build();
        var collection = new ServiceCollection().AddAppCore().AddFeatures(configuration);
        collection.AddSingleton<TimeProvider>(TestClock.AtBeijing(2026, 11, 20))
            .AddSingleton(database.Factory)
            .AddScoped(_ => database.Factory.CreateDbContext())
            .AddScoped<IDemoData, BalancedCustomers>()
            .AddIdentityCore<AppUser>().AddRoles<AppRole>().AddEntityFrameworkStores<AppDbContext>();
        await using var services = collection.BuildServiceProvider();
        await services.GetRequiredService<SystemRoles>().SynchronizeAsync();
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync());
        }

        await FundsTestSupport.AssertLedgerMatchesBalancesAsync(database.Factory);
        await using var db = await database.Factory.CreateSystemAsync();
        var partnerA = await db.Organizations.SingleAsync(o => o.Name == DemoAccounts.PartnerAName);
        var account = await db.PartnerCashAccounts.SingleAsync(a => a.OrganizationId == partnerA.Id);
        Assert.True(account.CashFen > 0);
        Assert.True(account.OwedInInvoicesFen > 0 && account.UnpostedFen > 0);
        Assert.Equal(3, await db.PartnerCashAccounts.CountAsync());
        var kinds = await db.LedgerEntries.Where(e => e.OrganizationId == partnerA.Id).Select(e => e.Kind).Distinct().ToListAsync();
        Assert.Equal([LedgerEntryKind.TopUp, LedgerEntryKind.Allocate, LedgerEntryKind.Reclaim], kinds.Order());
        var withBalance = await db.Customers.CountAsync(c => c.OrganizationId == partnerA.Id && c.BalanceFen > 0);
        Assert.True(withBalance >= BalancedCustomers.Count);
    }

    /// <summary>Stands in for the customer slice's demo data (Order 10): resale customers of Partner A with balances.</summary>
    private sealed class BalancedCustomers(IDbContextFactory<AppDbContext> dbFactory) : IDemoData
    {
        public const int Count = 7;

        public int Order => 11;

        public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
        {
            await using var db = await dbFactory.CreateSystemAsync(ct);
            for (var i = 0; i < Count; i++)
            {
                var (customer, _) = CustomerFactory.Associated(demo.PartnerA.Id, $"Funds Demo {i}", CustomerFactory.CreditCodeFor(900_000 + i),
                    AssociationMode.Resale, null, demo.NowUtc.AddDays(-90 + i));
                customer.BalanceFen = (i + 1) * 12_345;
                db.Customers.Add(customer);
            }

            await db.SaveChangesAsync(ct);
        }
    }
}
