using BlazorPartner.Core.Identity;
using System.Security.Claims;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.Identity;

/// <summary>Puts organization, display name and permissions into the sign-in cookie so pages and services need no lookup.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<AppDbContext> dbFactory)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == user.OrganizationId);
        identity.AddClaim(new Claim(AppClaimTypes.OrganizationId, organization.Id.ToString()));
        identity.AddClaim(new Claim(AppClaimTypes.OrganizationKind, organization.Kind.ToString()));
        identity.AddClaim(new Claim(AppClaimTypes.OrganizationName, organization.Name));
        identity.AddClaim(new Claim(AppClaimTypes.DisplayName, user.DisplayName));
        // Materialized: adding claims below while this lazy query still enumerates identity.Claims throws.
        var roles = identity.FindAll(identity.RoleClaimType).Select(c => c.Value).ToList();
        foreach (var permission in RolePermissions.For(roles))
        {
            identity.AddClaim(new Claim(Permissions.ClaimType, permission));
        }

        return identity;
    }
}
