using System.Security.Claims;
using System.Security.Cryptography;
using BlazorPartner.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.Identity.Sessions;

/// <summary>
/// Server-side sessions for the Identity application cookie. Every app instance on the database sees the same rows, so
/// sign-out ends the session everywhere; each read also refuses removed, locked-out and re-stamped users.
/// </summary>
public sealed class DatabaseTicketStore(
    IDbContextFactory<AppDbContext> dbFactory,
    SessionCache cache,
    IDataProtectionProvider dataProtection,
    TimeProvider clock,
    IOptions<IdentityOptions> identityOptions,
    ILogger<DatabaseTicketStore> logger) : ITicketStore
{
    /// <summary>Rows whose ticket carries no expiry (never the case with the cookie handler) still end.</summary>
    private static readonly TimeSpan FallbackLifetime = TimeSpan.FromDays(1);

    private readonly IDataProtector protector = dataProtection.CreateProtector("BlazorPartner.Sessions.Ticket.v1");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var userId = UserIdOf(ticket) ?? throw new InvalidOperationException("A session needs a signed-in user (no user id claim in the ticket).");
        var key = SessionKeys.NewKey();
        SessionKeys.TryGetId(key, out var id);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Expired rows are only ever read to be refused; a sign-in is a cheap, regular moment to drop them (indexed range).
        var nowUtc = now.UtcDateTime;
        await db.Set<UserSession>().Where(s => s.ExpiresUtc < nowUtc).ExecuteDeleteAsync(cancellationToken);
        db.Add(new UserSession
        {
            Id = id,
            UserId = userId,
            SecurityStamp = StampOf(ticket),
            Ticket = Protect(ticket, id),
            CreatedUtc = nowUtc,
            ExpiresUtc = ExpiryOf(ticket, now),
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        if (!SessionKeys.TryGetId(key, out var id))
        {
            return;
        }

        var userId = UserIdOf(ticket);
        var bytes = Protect(ticket, id);
        var stamp = StampOf(ticket);
        var expires = ExpiryOf(ticket, clock.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var renewed = await db.Set<UserSession>()
            .Where(s => s.Id == id && s.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.SecurityStamp, stamp).SetProperty(x => x.ExpiresUtc, expires), cancellationToken);
        if (renewed == 0)
        {
            // The cookie handler renews (rather than re-keys) when a browser that already holds a session signs in. A session is
            // never handed to another user: that would let a planted cookie (session fixation) follow the victim's sign-in.
            // An ended session stays ended. Either way this browser signs in again and then gets a fresh key.
            await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
            logger.LogInformation("Session renewal refused: the session had ended or belonged to another user");
        }

        cache.Forget(id);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        if (!SessionKeys.TryGetId(key, out var id))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var record = cache.Get(id);
        if (record is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            record = await SessionRecord.ReadAsync(db, id, now, cancellationToken);
            if (record is not null)
            {
                cache.Set(record);
            }
        }

        switch (SessionRecord.Judge(record, now))
        {
            case SessionVerdict.Valid:
                return Unprotect(record!.Ticket);
            case SessionVerdict.Expired or SessionVerdict.Superseded:
                await EndAsync(id, cancellationToken);
                return null;
            default:
                return null;
        }
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        if (SessionKeys.TryGetId(key, out var id))
        {
            await EndAsync(id, cancellationToken);
        }
    }

    private async Task EndAsync(string id, CancellationToken cancellationToken)
    {
        cache.Forget(id);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private byte[] Protect(AuthenticationTicket ticket, string id)
    {
        // The principal handed out later names its session row, so circuits can re-check exactly this session.
        var identities = ticket.Principal.Identities.Select(i => i.Clone()).ToList();
        foreach (var identity in identities)
        {
            foreach (var old in identity.FindAll(SessionClaimTypes.SessionId).ToList())
            {
                identity.TryRemoveClaim(old);
            }
        }

        identities[0].AddClaim(new Claim(SessionClaimTypes.SessionId, id));
        var copy = new AuthenticationTicket(new ClaimsPrincipal(identities), ticket.Properties, ticket.AuthenticationScheme);
        return protector.Protect(TicketSerializer.Default.Serialize(copy));
    }

    private AuthenticationTicket? Unprotect(byte[] bytes)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(bytes));
        }
        catch (CryptographicException exception)
        {
            // A key ring that lost the key (or a different key-encryption key) cannot read the ticket: signed out, not a 500.
            logger.LogWarning(exception, "A stored session ticket could not be decrypted");
            return null;
        }
    }

    private string? UserIdOf(AuthenticationTicket ticket) => ticket.Principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType);

    private string? StampOf(AuthenticationTicket ticket) => ticket.Principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);

    private static DateTime ExpiryOf(AuthenticationTicket ticket, DateTimeOffset now) => (ticket.Properties.ExpiresUtc ?? now.Add(FallbackLifetime)).UtcDateTime;
}
