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

    /// <summary>
    /// The supported culture <paramref name="name"/> stands for (e.g. "zh" or "zh-Hans" for zh-CN), or the default: what a
    /// stored language may hold, so a value from a request or an old row never selects resources the app does not have.
    /// </summary>
    public static string SupportedOrDefault(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return English;
        }

        return Supported.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
            ?? Supported.FirstOrDefault(c => string.Equals(c[..2], name.Split('-')[0], StringComparison.OrdinalIgnoreCase))
            ?? English;
    }

    /// <summary>
    /// Writes in <paramref name="name"/>'s language until disposed (both cultures, restored after): a mail to someone who is
    /// not the current user is written in the recipient's language, not in the language of whoever caused it.
    /// </summary>
    public static CultureScope Use(string? name) => new(CultureInfo.GetCultureInfo(SupportedOrDefault(name)));
}

/// <summary>The current cultures set for a while; see <see cref="Cultures.Use"/>. Keep the scope free of awaits.</summary>
public readonly struct CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    internal CultureScope(CultureInfo culture)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
