using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Platform.Http;

/// <summary>
/// The public application forms (reseller, R40; partner network, R5) are anonymous and take uploads, so each client address
/// may post them (new applications and resubmissions alike, both programs together) at most <see cref="PermitLimit"/> times
/// per <see cref="Window"/>; everything else is not limited here (failed sign-ins are, by <see cref="Identity.FailedSignInLimit"/>).
/// Behind a proxy the address is the forwarded client's (the app applies forwarded headers first).
/// </summary>
public static class ApplicationRateLimit
{
    public const int PermitLimit = 10;

    /// <summary>Every public application route starts here (/apply/reseller, /apply/partner).</summary>
    public const string PublicFormsPrefix = "/apply";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public static RateLimitPartition<string> Partition(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments(PublicFormsPrefix, StringComparison.OrdinalIgnoreCase)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = PermitLimit,
                Window = Window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("unlimited");

    public static IServiceCollection AddApplicationRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var L = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(L["Apply.TooManyRequests", (int)Window.TotalMinutes].Value, ct);
            };
        });
}
