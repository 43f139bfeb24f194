using System.Globalization;
using BlazorPartner.Platform.Http;
using Microsoft.AspNetCore.Localization;

namespace BlazorPartner.Platform.Localization;

public static class Cultures
{
    public const string English = "en-US";
    public const string Chinese = "zh-CN";
    public static readonly string[] Supported = [English, Chinese];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(English)
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        options.ApplyCurrentCultureToResponseHeaders = true;
        return options;
    }

    /// <summary>The language switch posts here; the culture lives in a cookie, and a circuit picks it up when it starts.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints)
    {
        // Both parameters optional: a malformed link sets nothing and goes home rather than failing.
        endpoints.MapGet("/culture/set", (string? culture, string? redirectUri, HttpContext context) =>
        {
            if (culture is not null && Supported.Contains(culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture, culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }

            return Results.LocalRedirect(SafeRedirect.LocalOrHome(redirectUri));
        }).AllowAnonymous();
        return endpoints;
    }

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
