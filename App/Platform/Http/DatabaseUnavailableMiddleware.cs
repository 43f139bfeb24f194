using System.Globalization;
using System.Net;
using System.Text;
using BlazorPartner.Platform.Database;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Platform.Http;

/// <summary>
/// A request that fails because the database cannot be reached answers 503 with a small, localized page and a retry link,
/// in every environment (the developer exception page and the generic /error page stay for other failures).
/// <para>
/// The page is written here rather than by re-executing a Razor page: rendering the app's pages reads the data-protection
/// key ring (antiforgery, auth cookie) and the security stamp, which live in the same unreachable database.
/// </para>
/// </summary>
public sealed partial class DatabaseUnavailableMiddleware(
    RequestDelegate next,
    IStringLocalizer<SharedResource> localizer,
    ILogger<DatabaseUnavailableMiddleware> logger)
{
    /// <summary>Seconds a client (or a load balancer) should wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception error) when (DatabaseFailures.IsUnavailable(error) && !context.Response.HasStarted)
        {
            LogUnavailable(logger, error, context.Request.Path);
            await WritePageAsync(context);
        }
    }

    private async Task WritePageAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        // The localization middleware ran inside this one; its culture is on the request, not on this async flow.
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(context, culture.Name), Encoding.UTF8, context.RequestAborted);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private string Page(HttpContext context, string language)
    {
        string Text(string key) => WebUtility.HtmlEncode(localizer[key].Value);
        // Only GET can be repeated by following a link; after a failed form post, go back to the page itself.
        var retry = WebUtility.HtmlEncode(context.Request.PathBase + context.Request.Path + (HttpMethods.IsGet(context.Request.Method) ? context.Request.QueryString : default));
        return $"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(language)}">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{Text("Error.DatabaseTitle")} · {Text("App.Name")}</title>
            <link rel="stylesheet" href="{WebUtility.HtmlEncode(context.Request.PathBase)}/css/app.css" />
            </head>
            <body>
            <main class="bp-account" role="alert">
            <p class="bp-brand">{Text("App.Name")}</p>
            <h1>{Text("Error.DatabaseTitle")}</h1>
            <p>{Text("Error.DatabaseBody")}</p>
            <p><a href="{retry}">{Text("Error.TryAgain")}</a></p>
            </main>
            </body>
            </html>
            """;
    }

    [LoggerMessage(LogLevel.Error, "The database cannot be reached; answered 503 for {Path}")]
    private static partial void LogUnavailable(ILogger logger, Exception error, PathString path);
}
