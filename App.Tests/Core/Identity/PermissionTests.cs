using System.Security.Claims;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Features.WorkCalendar;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Tests.Core.Identity;

/// <summary>Permissions are declared by slices, stored as role claims, and read the same way by pages and services.</summary>
public class PermissionTests
{
    [Fact]
    public async Task Every_declared_permission_becomes_a_policy_of_the_same_name()
    {
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);
        var options = world.Get<IOptions<AuthorizationOptions>>().Value;
        var catalog = world.Get<PermissionCatalog>();

        Assert.Contains(catalog.All, p => p.Name == OpportunityPermissions.Share);
        Assert.Contains(catalog.All, p => p.Name == CalendarPermissions.Edit);
        foreach (var permission in catalog.All)
        {
            Assert.NotNull(options.GetPolicy(permission.Name));
        }
    }

    [Fact]
    public async Task System_roles_hold_their_defaults_as_role_claims_and_stale_grants_are_removed()
    {
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = await world.Factory.CreateDbContextAsync())
        {
            var finance = await db.Roles.SingleAsync(r => r.Name == AppRoles.Finance);
            db.RoleClaims.Add(new IdentityRoleClaim<string> { RoleId = finance.Id, ClaimType = Permissions.ClaimType, ClaimValue = OpportunityPermissions.Share });
            await db.SaveChangesAsync();
        }

        await world.Get<SystemRoles>().SynchronizeAsync();

        await using var check = await world.Factory.CreateDbContextAsync();
        var grants = await (from c in check.RoleClaims
                            join r in check.Roles on c.RoleId equals r.Id
                            where c.ClaimType == Permissions.ClaimType
                            select new { r.Name, c.ClaimValue }).ToListAsync();
        Assert.DoesNotContain(grants, g => g.Name == AppRoles.Finance && g.ClaimValue == OpportunityPermissions.Share);
        Assert.Contains(grants, g => g.Name == AppRoles.VendorOperator && g.ClaimValue == OpportunityPermissions.Share);
        Assert.DoesNotContain(grants, g => g.Name == AppRoles.PartnerAdmin && g.ClaimValue == OpportunityPermissions.Share);
        Assert.Equal(grants.Count, grants.Distinct().Count());
    }

    [Fact]
    public async Task An_actor_can_exactly_what_its_claims_grant_whatever_its_roles()
    {
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "u1"),
            new Claim(ClaimTypes.Role, AppRoles.PartnerAdmin),
            new Claim(Permissions.ClaimType, OpportunityPermissions.View),
        ], "test"));

        var actor = Actor.FromPrincipal(principal);
        var authorization = world.Get<IAuthorizationService>();

        // A custom role without "respond": the service check and the page policy agree.
        Assert.True(actor.Can(OpportunityPermissions.View));
        Assert.False(actor.Can(OpportunityPermissions.Respond));
        Assert.True((await authorization.AuthorizeAsync(principal, OpportunityPermissions.View)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(principal, OpportunityPermissions.Respond)).Succeeded);
    }

    [Fact]
    public async Task Actors_loaded_from_the_database_carry_their_roles_permissions()
    {
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);

        Assert.True(world.AdminA.Can(OpportunityPermissions.Assign));
        Assert.False(world.Manager1A.Can(OpportunityPermissions.Assign));
        Assert.False(world.SupervisorA.Can(OpportunityPermissions.Respond));
        Assert.DoesNotContain(world.FinanceA.Permissions, p => p.StartsWith("opportunities.", StringComparison.Ordinal));
        Assert.True(world.Vendor.Can(CalendarPermissions.Edit));
    }
}
