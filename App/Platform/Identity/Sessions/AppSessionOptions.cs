namespace BlazorPartner.Platform.Identity.Sessions;

/// <summary>Settings under <c>Sessions</c> (docs/decisions/0006-session-store-and-key-protection.md).</summary>
public sealed class AppSessionOptions
{
    public const string Section = "Sessions";

    /// <summary>
    /// How long one app instance trusts what it last read about a session (the burst of requests of one page load shares a
    /// lookup). Sign-out and password changes evict on the instance that handles them; other instances notice within this time,
    /// and so does every instance when an account is locked or removed directly in the database. Zero reads the database on
    /// every request.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often an open Blazor circuit re-checks its session, user, lockout and security stamp in the database.</summary>
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound on cached sessions per instance (each entry holds one serialized ticket, ~1–3 KB).</summary>
    public int CacheSizeLimit { get; set; } = 20_000;
}
