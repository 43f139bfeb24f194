using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Platform.Seeding;

/// <summary>
/// Demo organizations and accounts (see <see cref="DemoAccounts"/>) and the holiday calendar; then each slice's
/// <see cref="IDemoData"/> in order. Runs only against a database without organizations.
/// </summary>
public sealed class DemoDataSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<AppUser> userManager,
    IEnumerable<IDemoData> slices,
    Identity.SystemRoles systemRoles,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger)
{
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using (var probe = await dbFactory.CreateSystemAsync(ct))
        {
            if (await probe.Organizations.AnyAsync(ct))
            {
                return false;
            }
        }

        await systemRoles.SynchronizeAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var vendor = new Organization { Name = DemoAccounts.VendorName, Kind = OrganizationKind.Vendor, CreatedUtc = now };
        var partnerA = new Organization { Name = DemoAccounts.PartnerAName, Kind = OrganizationKind.SolutionProvider, CreatedUtc = now };
        var partnerB = new Organization { Name = DemoAccounts.PartnerBName, Kind = OrganizationKind.Distributor, CreatedUtc = now };
        var partnerC = new Organization { Name = DemoAccounts.PartnerCName, Kind = OrganizationKind.Reseller, ParentOrganizationId = partnerB.Id, CreatedUtc = now };
        await using (var db = await dbFactory.CreateSystemAsync(ct))
        {
            db.Organizations.AddRange(vendor, partnerA, partnerB, partnerC);
            var days = db.Set<CalendarDay>();
            if (!await days.AnyAsync(ct))
            {
                days.AddRange(HolidaySeed.Days());
            }

            await db.SaveChangesAsync(ct);
        }

        var users = new Dictionary<string, AppUser>();
        async Task Add(string email, string name, Guid org, string role, string? supervisorEmail = null) =>
            users[email] = await CreateUserAsync(email, name, org, role, supervisorEmail is null ? null : users[supervisorEmail].Id);

        await Add(DemoAccounts.VendorOperator, DemoAccounts.VendorOperatorName, vendor.Id, AppRoles.VendorOperator);
        await Add(DemoAccounts.PartnerAAdmin, "Zhao Lei (Admin A)", partnerA.Id, AppRoles.PartnerAdmin);
        await Add(DemoAccounts.PartnerASupervisor, "Zhang Min (Supervisor)", partnerA.Id, AppRoles.AccountManagerSupervisor);
        await Add(DemoAccounts.PartnerAManager1, "Li Wei (AM)", partnerA.Id, AppRoles.AccountManager, DemoAccounts.PartnerASupervisor);
        await Add(DemoAccounts.PartnerAManager2, "Wang Fang (AM)", partnerA.Id, AppRoles.AccountManager, DemoAccounts.PartnerASupervisor);
        await Add(DemoAccounts.PartnerAFinance, "Sun Yu (Finance)", partnerA.Id, AppRoles.Finance);
        await Add(DemoAccounts.PartnerBAdmin, "Liu Yang (Admin B)", partnerB.Id, AppRoles.PartnerAdmin);
        await Add(DemoAccounts.PartnerCAdmin, "Huang Hui (Admin C)", partnerC.Id, AppRoles.PartnerAdmin);
        await Add(DemoAccounts.PartnerBReviewer, "Gao Jie (Reviewer B)", partnerB.Id, AppRoles.DistributorReviewer);

        var demo = new DemoSeedContext(vendor, partnerA, partnerB, partnerC, users, now);
        foreach (var slice in slices.OrderBy(s => s.Order))
        {
            await slice.SeedAsync(demo, ct);
        }

        logger.LogInformation("Seeded demo data: 4 organizations, {Users} accounts, {Slices} slices", users.Count, slices.Count());
        return true;
    }

    private async Task<AppUser> CreateUserAsync(string email, string displayName, Guid organizationId, string role, string? supervisorId)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            OrganizationId = organizationId,
            SupervisorId = supervisorId,
            LockoutEnabled = true,
        };
        Check(await userManager.CreateAsync(user, DemoAccounts.Password));
        Check(await userManager.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
