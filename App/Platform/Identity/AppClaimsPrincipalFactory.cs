using System.Security.Claims;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.Identity;

/// <summary>
/// Puts organization and display name into the sign-in cookie so pages and services need no lookup. Permission claims
/// come from the user's roles' claims (the base class copies role claims); duplicates across roles are dropped to keep
/// the cookie small.
/// </summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<AppRole> roleManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<AppDbContext> dbFactory)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(userManager, roleManager, options)
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

        // Materialized: removing claims while a lazy query still enumerates identity.Claims throws.
        var duplicates = identity.FindAll(Permissions.ClaimType).GroupBy(c => c.Value).SelectMany(g => g.Skip(1)).ToList();
        foreach (var duplicate in duplicates)
        {
            identity.RemoveClaim(duplicate);
        }

        return identity;
    }
}
