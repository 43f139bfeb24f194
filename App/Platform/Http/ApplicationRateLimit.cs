using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Platform.Http;

/// <summary>
/// The anonymous POSTs an outsider can repeat at will, limited per client address (behind a proxy, the forwarded client's:
/// the app applies forwarded headers first); everything else is not limited here.
/// <list type="bullet">
/// <item>The public application forms (reseller, R40; partner network, R5) take uploads: new applications and
/// resubmissions alike, both programs together, at most <see cref="PermitLimit"/> per <see cref="Window"/>.</item>
/// <item>Sign-in: five wrong passwords lock an account for 15 minutes, so without a limit one address could keep every
/// account it can name locked out (and guess passwords across many accounts): at most
/// <see cref="HttpHardeningOptions.SignInPermitLimit"/> per <see cref="SignInWindow"/>.</item>
/// </list>
/// </summary>
public static class ApplicationRateLimit
{
    public const int PermitLimit = 10;

    /// <summary>Every public application route starts here (/apply/reseller, /apply/partner).</summary>
    public const string PublicFormsPrefix = "/apply";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan SignInWindow = TimeSpan.FromMinutes(5);

    private const string SignInPath = "/account/login";

    public static RateLimitPartition<string> Partition(HttpContext http, int signInPermitLimit)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (http.Request.Path.StartsWithSegments(PublicFormsPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetFixedWindowLimiter("apply:" + address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = PermitLimit,
                Window = Window,
                QueueLimit = 0,
            });
        }

        if (signInPermitLimit > 0 && http.Request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetFixedWindowLimiter("sign-in:" + address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = signInPermitLimit,
                Window = SignInWindow,
                QueueLimit = 0,
            });
        }

        return RateLimitPartition.GetNoLimiter("unlimited");
    }

    public static IServiceCollection AddApplicationRateLimit(this IServiceCollection services, int signInPermitLimit) =>
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, signInPermitLimit));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var L = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                var signIn = context.HttpContext.Request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    signIn ? L["Account.TooManySignIns", (int)SignInWindow.TotalMinutes].Value : L["Apply.TooManyRequests", (int)Window.TotalMinutes].Value, ct);
            };
        });
}
