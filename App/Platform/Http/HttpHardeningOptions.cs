namespace BlazorPartner.Platform.Http;

/// <summary>Reverse-proxy and transport settings (section <c>Http</c>); see docs/decisions/0007-http-hardening-and-circuit-limits.md.</summary>
public sealed class HttpHardeningOptions
{
    public const string Section = "Http";

    /// <summary>
    /// Addresses of reverse proxies whose X-Forwarded-For/-Proto headers are believed (loopback always is).
    /// A header from any other address is ignored, so a client cannot fake its IP or scheme.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR notation (e.g. <c>10.0.0.0/8</c>) whose proxies are believed, for proxies without a fixed address.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxy hops of X-Forwarded-For to unwind.</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Redirect plain HTTP to HTTPS. Defaults on outside Development.</summary>
    public bool? HttpsRedirection { get; set; }

    /// <summary>Whether the app is reached over HTTPS only: then cookies are marked Secure whatever the request's scheme.</summary>
    public bool HttpsOnly(bool development) => HttpsRedirection ?? !development;

    /// <summary>The public HTTPS port to redirect to, when the app itself listens on HTTP only (behind a proxy it is usually 443).</summary>
    public int? HttpsPort { get; set; }

    /// <summary>Strict-Transport-Security max-age (sent outside Development, on HTTPS responses only).</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Failed sign-ins per client address per 5 minutes before the address is refused for the rest of the window
    /// (<see cref="Identity.FailedSignInLimit"/>); 0 = no limit.
    /// </summary>
    public int FailedSignInLimit { get; set; } = 20;

    /// <summary>Whether HSTS covers subdomains; off by default because other services may share the parent domain.</summary>
    public bool HstsIncludeSubDomains { get; set; }
}
