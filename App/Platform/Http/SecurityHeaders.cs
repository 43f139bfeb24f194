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

    /// <summary>
    /// The policy of a response that is not a page (JSON, scripts, styles, fonts, downloads, redirects): nothing in it may
    /// load or run anything, nor be framed. The page policy's 900 bytes (with Permissions-Policy) would buy nothing there,
    /// and the circuit's negotiate and initializers responses carry it on every visit (ADR 0012).
    /// </summary>
    public const string NonDocumentPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>Sets the headers on a response that is about to start.</summary>
    public static void Apply(IHeaderDictionary headers, string contentSecurityPolicy)
    {
        var document = IsDocument(headers.ContentType);
        headers.ContentSecurityPolicy = document ? contentSecurityPolicy : NonDocumentPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        if (document)
        {
            headers["Permissions-Policy"] = PermissionsPolicy;
        }

        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    // What a browser may render as a page of its own: HTML, and XML (SVG, XHTML), which can carry script.
    private static bool IsDocument(string? contentType)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim() ?? "";
        return mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);
    }
}
