using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Platform.Identity.Sessions;

public enum SessionVerdict
{
    Valid,

    /// <summary>No row: signed out, ended by a password change elsewhere, purged, or the user was removed.</summary>
    Missing,

    Expired,

    /// <summary>The account is locked out; the row stays, so the session resumes if the lockout simply runs out.</summary>
    Locked,

    /// <summary>The user's security stamp changed after the ticket was issued (password or security change): over for good.</summary>
    Superseded,
}

/// <summary>A session row joined with the state of its user, read in one query.</summary>
internal sealed record SessionRecord(
    string Id,
    string UserId,
    byte[] Ticket,
    DateTime ExpiresUtc,
    string? SessionStamp,
    string? UserStamp,
    bool LockoutEnabled,
    DateTimeOffset? LockoutEnd)
{
    /// <summary>When this instance read the row (for the cache; compared with the app's TimeProvider).</summary>
    public DateTimeOffset ReadAt { get; init; }

    public static SessionVerdict Judge(SessionRecord? record, DateTimeOffset now)
    {
        if (record is null)
        {
            return SessionVerdict.Missing;
        }

        if (record.ExpiresUtc <= now.UtcDateTime)
        {
            return SessionVerdict.Expired;
        }

        if (!string.Equals(record.SessionStamp, record.UserStamp, StringComparison.Ordinal))
        {
            return SessionVerdict.Superseded;
        }

        // Same rule as UserManager.IsLockedOutAsync.
        return record.LockoutEnabled && record.LockoutEnd >= now ? SessionVerdict.Locked : SessionVerdict.Valid;
    }

    public static async Task<SessionRecord?> ReadAsync(AppDbContext db, string id, DateTimeOffset now, CancellationToken ct)
    {
        // The inner join is the "user still exists" check.
        var record = await (
                from session in db.Set<UserSession>().AsNoTracking()
                join user in db.Users.AsNoTracking() on session.UserId equals user.Id
                where session.Id == id
                select new SessionRecord(session.Id, session.UserId, session.Ticket, session.ExpiresUtc, session.SecurityStamp, user.SecurityStamp, user.LockoutEnabled, user.LockoutEnd))
            .SingleOrDefaultAsync(ct);
        return record is null ? null : record with { ReadAt = now };
    }
}
