using System.Security.Claims;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BlazorPartner.Platform.Identity;

/// <summary>
/// A user's roles and permissions as the database holds them now. The sign-in cookie carries a copy taken at sign-in;
/// this is what replaces it, so that an admin's change to a role or to a member's roles applies on the member's next
/// request or circuit action instead of at their next sign-in (R1; users of the real product wait an hour).
/// </summary>
public sealed record UserAccess(IReadOnlySet<string> Roles, IReadOnlySet<string> Permissions)
{
    public bool IsCarriedBy(ClaimsPrincipal principal) =>
        Roles.SetEquals(principal.FindAll(ClaimTypes.Role).Select(c => c.Value))
        && Permissions.SetEquals(principal.FindAll(Core.Identity.Permissions.ClaimType).Select(c => c.Value));

    /// <summary>A copy of <paramref name="principal"/> whose role and permission claims are these; every other claim kept.</summary>
    public ClaimsPrincipal ApplyTo(ClaimsPrincipal principal)
    {
        var identities = principal.Identities.Select(i => i.Clone()).ToList();
        foreach (var identity in identities)
        {
            foreach (var stale in identity.Claims.Where(c => c.Type == identity.RoleClaimType || c.Type == Core.Identity.Permissions.ClaimType).ToList())
            {
                identity.TryRemoveClaim(stale);
            }
        }

        var primary = identities[0];
        primary.AddClaims(Roles.Order(StringComparer.Ordinal).Select(r => new Claim(primary.RoleClaimType, r)));
        primary.AddClaims(Permissions.Order(StringComparer.Ordinal).Select(p => new Claim(Core.Identity.Permissions.ClaimType, p)));
        return new ClaimsPrincipal(identities);
    }
}

/// <summary>Reads <see cref="UserAccess"/>, with a few seconds of per-instance memory for the burst of requests one page load makes.</summary>
public sealed class UserAccessReader(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IDisposable
{
    /// <summary>How stale an HTTP request's view of a user's permissions may be. Circuits read fresh (see <see cref="CurrentActor"/>).</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public async Task<UserAccess> ReadAsync(string userId, bool fresh = false, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (!fresh && cache.TryGetValue(userId, out (UserAccess Access, DateTimeOffset ReadAt) hit) && now - hit.ReadAt < CacheFor)
        {
            return hit.Access;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await QueryAsync(db, userId, ct);
        cache.Set(userId, (access, now), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CacheFor });
        return access;
    }

    public void Dispose() => cache.Dispose();

    /// <summary>The one query of what a user may do (also used where an actor is built without a sign-in: jobs, tests).</summary>
    internal static async Task<UserAccess> QueryAsync(AppDbContext db, string userId, CancellationToken ct)
    {
        var roleIds = db.UserRoles.Where(ur => ur.UserId == userId).Select(ur => ur.RoleId);
        var roles = await db.Roles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Name!).ToListAsync(ct);
        var permissions = await db.RoleClaims.Where(c => roleIds.Contains(c.RoleId) && c.ClaimType == Core.Identity.Permissions.ClaimType)
            .Select(c => c.ClaimValue!).Distinct().ToListAsync(ct);
        return new UserAccess(roles.ToHashSet(StringComparer.Ordinal), permissions.ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>
/// Replaces the cookie's copy of the roles and permissions with the current ones on every authenticated request, so page
/// policies, the menu and the circuit a page starts all see what the admin set last.
/// </summary>
public sealed class CurrentAccessClaimsTransformation(UserAccessReader access) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var userId = principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (userId is null)
        {
            return principal;
        }

        var current = await access.ReadAsync(userId);
        return current.IsCarriedBy(principal) ? principal : current.ApplyTo(principal);
    }
}
