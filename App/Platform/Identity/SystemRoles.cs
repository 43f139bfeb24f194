using System.Security.Claims;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Platform.Identity;

/// <summary>
/// Keeps the read-only system roles and their permission claims in step with what the slices declare. Permissions are
/// data (AspNetRoleClaims): sign-in copies them into the cookie, page policies and <see cref="Actor.Can"/> read them
/// from there. Custom roles of a partner (R1) will be more rows of the same tables; this only touches system roles.
/// </summary>
public sealed class SystemRoles(IDbContextFactory<AppDbContext> dbFactory, PermissionCatalog catalog, ILogger<SystemRoles> logger)
{
    public async Task SynchronizeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = await db.Roles.Where(r => r.OrganizationId == null).ToDictionaryAsync(r => r.Name!, ct);
        foreach (var name in AppRoles.All.Where(n => !roles.ContainsKey(n)))
        {
            var role = new AppRole { Name = name, NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() };
            db.Roles.Add(role);
            roles[name] = role;
        }

        var roleIds = AppRoles.All.Select(n => roles[n].Id).ToList();
        var existing = await db.RoleClaims.Where(c => roleIds.Contains(c.RoleId) && c.ClaimType == Permissions.ClaimType).ToListAsync(ct);
        var changes = 0;
        foreach (var name in AppRoles.All)
        {
            var roleId = roles[name].Id;
            var wanted = catalog.DefaultsFor(name).ToHashSet();
            var held = existing.Where(c => c.RoleId == roleId).ToList();
            foreach (var stale in held.Where(c => !wanted.Contains(c.ClaimValue!)))
            {
                db.RoleClaims.Remove(stale);
                changes++;
            }

            foreach (var missing in wanted.Except(held.Select(c => c.ClaimValue!)))
            {
                db.RoleClaims.Add(new IdentityRoleClaim<string> { RoleId = roleId, ClaimType = Permissions.ClaimType, ClaimValue = missing });
                changes++;
            }
        }

        await db.SaveChangesAsync(ct);
        if (changes > 0)
        {
            logger.LogInformation("System roles synchronized: {Changes} permission grants added or removed", changes);
        }
    }
}

/// <summary>
/// Synchronizes the system roles when the app starts, and keeps trying while the database cannot be reached: an instance
/// that starts during an outage serves its 503 page and catches up when the database is back.
/// </summary>
public sealed class SystemRolesWorker(SystemRoles roles, ILogger<SystemRolesWorker> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await roles.SynchronizeAsync(stoppingToken);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Another instance inserting the same role at once also lands here; the retry then finds it in place.
                logger.LogWarning(error, "System roles could not be synchronized; retrying in {Delay}", RetryDelay);
            }

            await Task.Delay(RetryDelay, stoppingToken);
        }
    }
}

/// <summary>Builds an <see cref="Actor"/> for a user from the database, as sign-in would (for jobs and tests).</summary>
public sealed class ActorDirectory(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<Actor> LoadAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == user.OrganizationId, ct);
        var access = await UserAccessReader.QueryAsync(db, userId, ct);
        return new Actor(user.Id, user.DisplayName, organization.Id, organization.Kind, access.Roles, access.Permissions);
    }
}
