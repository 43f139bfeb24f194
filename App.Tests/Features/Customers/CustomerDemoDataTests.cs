using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Seeding;
using BlazorPartner.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorPartner.Tests.Features.Customers;

public class CustomerDemoDataTests
{
    [Fact]
    public async Task Demo_customers_cover_both_modes_two_managers_reassignments_low_balances_and_arrears()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var configuration = new ConfigurationBuilder().Build();
        var collection = new ServiceCollection().AddAppCore().AddFeatures(configuration);
        collection.AddSingleton<TimeProvider>(TestClock.AtBeijing(2026, 11, 20))
            .AddSingleton(database.Factory)
            .AddScoped(_ => database.Factory.CreateDbContext())
            .AddIdentityCore<AppUser>().AddRoles<AppRole>().AddEntityFrameworkStores<AppDbContext>();
        await using var services = collection.BuildServiceProvider();
        await services.GetRequiredService<SystemRoles>().SynchronizeAsync();
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync());
        }

        await using var db = await database.Factory.CreateSystemAsync();
        var organizations = await db.Organizations.ToDictionaryAsync(o => o.Name, o => o.Id);
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        // Only this slice's demo customers (other slices' demo data may associate more through invitations).
        var codes = Enumerable.Range(0, 300).Select(i => CustomerFactory.CreditCodeFor(CustomerDemoData.CreditCodeBase + i)).ToHashSet();
        var customers = (await db.Customers.AsNoTracking().ToListAsync()).Where(c => codes.Contains(c.CreditCode)).ToList();
        var periods = await db.CustomerAssignments.AsNoTracking().ToListAsync();

        var ofA = customers.Where(c => c.OrganizationId == organizations[DemoAccounts.PartnerAName]).ToList();
        Assert.Equal(40, ofA.Count);
        Assert.InRange(ofA.Count(c => c.Mode == AssociationMode.Resale), 22, 26);
        Assert.Equal(
            new[] { users[DemoAccounts.PartnerAManager1], users[DemoAccounts.PartnerAManager2] }.Order(),
            ofA.Select(c => c.AccountManagerUserId!).Distinct().Order());
        Assert.True(ofA.Count(c => periods.Count(p => p.CustomerId == c.Id) == 2) >= 5);
        Assert.All(ofA, c => Assert.True(periods.Count(p => p.CustomerId == c.Id && p.ToUtc == null) == (c.Status == CustomerStatus.Associated ? 1 : 0)));
        Assert.InRange(ofA.Count(c => CustomerBalanceRules.StateOf(c.Mode, c.BalanceFen, c.ArrearsFen, c.LowBalanceThresholdFen) == CustomerBalanceState.Low), 2, 5);
        Assert.Single(ofA, c => c.ArrearsFen > 0);
        Assert.Single(ofA, c => c.Status == CustomerStatus.Unbound);
        Assert.Contains(ofA, c => c.Name == CustomerDemoData.WellKnownReassigned && c.Status == CustomerStatus.Associated);
        Assert.Contains(ofA, c => c.Name == CustomerDemoData.WellKnownToUnbind && c.Status == CustomerStatus.Associated);
        Assert.All(customers, c => Assert.True(CreditCode.IsValid(c.CreditCode), c.CreditCode));
        Assert.All(customers, c => Assert.NotEmpty(c.ContactName + c.ContactPhone + c.ContactEmail));

        Assert.Equal(8, customers.Count(c => c.OrganizationId == organizations[DemoAccounts.PartnerBName]));
        var ofC = customers.Where(c => c.OrganizationId == organizations[DemoAccounts.PartnerCName]).ToList();
        Assert.Equal(8, ofC.Count);
        Assert.All(ofC, c => Assert.Equal(AssociationMode.Consultative, c.Mode));
    }
}
