namespace BlazorPartner.Platform.Http;

/// <summary>
/// The security headers every response carries, and the Content-Security-Policy Blazor Server and Radzen work under.
/// Each source is explained in docs/decisions/0007-http-hardening-and-circuit-limits.md; keep that list and this one in step.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Browser features this console never uses; denying them means injected content cannot use them either.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), geolocation=(), " +
        "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), " +
        "screen-wake-lock=(), usb=()";

    /// <summary>Opportunity numbers and customer names appear in URLs; they must not leak to other sites.</summary>
    public const string ReferrerPolicy = "same-origin";

    /// <summary>
    /// Builds the policy. No inline script runs at all: the pages render no import map (nothing imports a module; ADR 0012)
    /// and no inline script of their own.
    /// </summary>
    public static string ContentSecurityPolicy(bool allowDevelopmentTools = false)
    {
        // 'self' covers ws:/wss: to the same host (CSP Level 3), which is the Blazor circuit's websocket.
        // dotnet watch's browser-refresh script talks to its own localhost port.
        var connect = allowDevelopmentTools ? "'self' ws://localhost:* wss://localhost:*" : "'self'";
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            // Radzen and Blazor set style="" attributes (widths, positions of popups and dialogs); style elements stay same-origin.
            "style-src 'self'",
            "style-src-elem 'self'",
            "style-src-attr 'unsafe-inline'",
            // data: for the favicon placeholder and small inline images in CSS.
            "img-src 'self' data:",
            // Radzen's material theme ships its fonts (Material Symbols, Roboto Flex) under _content/Radzen.Blazor/fonts.
            "font-src 'self'",
            $"connect-src {connect}",
            "object-src 'none'",
            "frame-src 'none'",
            "worker-src 'self'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }

    /// <summary>Sets the headers on a response that is about to start.</summary>
    public static void Apply(IHeaderDictionary headers, string contentSecurityPolicy)
    {
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
