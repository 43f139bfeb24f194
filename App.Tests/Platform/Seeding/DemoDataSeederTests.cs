using BlazorPartner.Features.Onboarding;
using BlazorPartner.Features.Onboarding.Certification;
using BlazorPartner.Features.Onboarding.Network;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Seeding;
using BlazorPartner.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using BlazorPartner.Features;
using BlazorPartner.Platform;

namespace BlazorPartner.Tests.Platform.Seeding;

public class DemoDataSeederTests
{
    [Fact]
    public async Task Seeds_the_README_accounts_and_opportunities_in_every_status_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = TestClock.AtBeijing(2026, 11, 20);
        // The app's own registrations: every slice contributes its demo data through IDemoData.
        var configuration = new ConfigurationBuilder().Build();
        var collection = new ServiceCollection().AddAppCore().AddFeatures(configuration);
        collection.AddSingleton<TimeProvider>(clock)
            .AddSingleton(database.Factory)
            .AddScoped(_ => database.Factory.CreateDbContext())
            .AddIdentityCore<AppUser>().AddRoles<AppRole>().AddEntityFrameworkStores<AppDbContext>();
        await using var services = collection.BuildServiceProvider();
        await services.GetRequiredService<SystemRoles>().SynchronizeAsync();

        await using (var scope = services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync());
        }

        await using (var scope = services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync());
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = await users.FindByEmailAsync(DemoAccounts.PartnerAAdmin);
            Assert.NotNull(admin);
            Assert.True(await users.CheckPasswordAsync(admin, DemoAccounts.Password));
            Assert.True(await users.IsInRoleAsync(admin, AppRoles.PartnerAdmin));
            var manager = await users.FindByEmailAsync(DemoAccounts.PartnerAManager1);
            var supervisor = await users.FindByEmailAsync(DemoAccounts.PartnerASupervisor);
            Assert.Equal(supervisor!.Id, manager!.SupervisorId);
        }

        await using var db = await database.Factory.CreateSystemAsync();
        var partnerA = await db.Organizations.SingleAsync(o => o.Name == DemoAccounts.PartnerAName);
        var partnerC = await db.Organizations.SingleAsync(o => o.Name == DemoAccounts.PartnerCName);
        var partnerB = await db.Organizations.SingleAsync(o => o.Name == DemoAccounts.PartnerBName);
        Assert.Equal(partnerB.Id, partnerC.ParentOrganizationId);
        var ofA = await db.Opportunities.Where(o => o.OrganizationId == partnerA.Id).ToListAsync();
        Assert.Equal(60, ofA.Count);
        Assert.Equal(Enum.GetValues<OpportunityStatus>().Order(), ofA.Select(o => o.Status).Distinct().Order());
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = ofA.Where(o => o.Status == OpportunityStatus.PendingAcceptance).ToList();
        Assert.Contains(pending, o => o.DeadlineUtc < now);
        Assert.Contains(pending, o => o.DeadlineUtc > now && o.DeadlineUtc - now < TimeSpan.FromDays(2));
        Assert.Contains(pending, o => o.CustomerName == DemoAccounts.WellKnownPendingCustomer && o.DeadlineUtc > now.AddDays(2));
        Assert.True(ofA.Select(o => o.AssignedToUserId).Where(a => a != null).Distinct().Count() >= 2);
        Assert.True(await db.Set<CalendarDay>().AnyAsync(d => d.Kind == CalendarDayKind.MakeUpWorkday));

        // Issue 8 §7: business certifications (R6) in every state, and partner-network applications (R5) in every state.
        Assert.Equal(Enum.GetValues<CertificationStatus>().Order(), (await db.BusinessCertifications.Select(c => c.Status).ToListAsync()).Distinct().Order());
        Assert.Equal(Enum.GetValues<NetworkApplicationStatus>().Order(), (await db.NetworkApplications.Select(a => a.Status).ToListAsync()).Distinct().Order());
        var rejected = await db.BusinessCertifications.SingleAsync(c => c.Status == CertificationStatus.Rejected);
        Assert.False(string.IsNullOrWhiteSpace(rejected.RejectionReason));
    }
}
