namespace BlazorPartner.Platform.Http;

/// <summary>
/// Puts <see cref="SecurityHeaders"/> on every response: pages, static files, redirects, 404s and error pages.
/// The headers are set when the response starts, because the exception handler and status-code pages clear headers
/// set earlier.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IHostEnvironment environment)
{
    private readonly bool isDevelopment = environment.IsDevelopment();
    private readonly string contentSecurityPolicy = SecurityHeaders.ContentSecurityPolicy(environment.IsDevelopment());

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (self, context) = ((SecurityHeadersMiddleware, HttpContext))state;
            self.Apply(context);
            return Task.CompletedTask;
        }, (this, context));
        return next(context);
    }

    private void Apply(HttpContext context)
    {
        SecurityHeaders.Apply(context.Response.Headers, contentSecurityPolicy);
        if (isDevelopment && context.Response.StatusCode >= 500)
        {
            // The developer exception page is inline scripts and styles; it exists in Development only.
            context.Response.Headers.Remove("Content-Security-Policy");
        }
    }
}
