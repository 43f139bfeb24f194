using System.Security.Claims;
using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Platform.Identity.Sessions;

/// <summary>Ends and checks a user's server-side sessions (see <see cref="DatabaseTicketStore"/>).</summary>
public sealed class UserSessions(IDbContextFactory<AppDbContext> dbFactory, SessionCache cache, TimeProvider clock)
{
    /// <summary>The session row a principal was read from, or null for a principal that did not come from the session store.</summary>
    public static string? SessionIdOf(ClaimsPrincipal principal) => principal.FindFirstValue(SessionClaimTypes.SessionId);

    /// <summary>Ends every session of <paramref name="userId"/> except the one <paramref name="current"/> was read from.</summary>
    public Task<int> EndOtherSessionsAsync(string userId, ClaimsPrincipal current, CancellationToken ct = default) =>
        EndAsync(userId, SessionIdOf(current), ct);

    /// <summary>Ends every session of <paramref name="userId"/> (for flows that remove access: unbinding, role changes, admin lock).</summary>
    public Task<int> EndAllSessionsAsync(string userId, CancellationToken ct = default) => EndAsync(userId, keep: null, ct);

    /// <summary>
    /// Whether the session behind <paramref name="principal"/> still stands: row present and unexpired, user present, not locked
    /// out, security stamp unchanged. Reads the database (circuits call this every few seconds, not per request).
    /// </summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var id = SessionIdOf(principal);
        if (id is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await SessionRecord.ReadAsync(db, id, now, ct);
        if (record is null)
        {
            cache.Forget(id);
            return false;
        }

        // The fresh read also refreshes what this instance's cookie validation sees.
        cache.Set(record);
        return SessionRecord.Judge(record, now) == SessionVerdict.Valid;
    }

    /// <summary>Drops this instance's cached view of the user's sessions, so a lockout just recorded applies to the next request.</summary>
    public async Task ForgetCachedAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var id in await db.Set<UserSession>().Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(ct))
        {
            cache.Forget(id);
        }
    }

    private async Task<int> EndAsync(string userId, string? keep, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Ids first, so exactly these rows are deleted (a sign-in racing this one is not ended) and evicted here.
        var ids = await db.Set<UserSession>().Where(s => s.UserId == userId && s.Id != keep).Select(s => s.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        foreach (var id in ids)
        {
            cache.Forget(id);
        }

        return await db.Set<UserSession>().Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(ct);
    }
}
