using Microsoft.AspNetCore.Components;

namespace BlazorPartner.Platform.Http;

/// <summary>
/// Puts <see cref="SecurityHeaders"/> on every response: pages, static files, redirects, 404s and error pages.
/// The headers are set when the response starts, because the exception handler and status-code pages clear headers
/// set earlier.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IHostEnvironment environment)
{
    private readonly bool isDevelopment = environment.IsDevelopment();
    private readonly string policyWithoutInlineScripts = SecurityHeaders.ContentSecurityPolicy([], environment.IsDevelopment());

    // One import map per app (built from the static assets manifest); its policy is computed once.
    private (ImportMapDefinition Map, string Policy)? policyWithImportMap;

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
        SecurityHeaders.Apply(context.Response.Headers, PolicyFor(context));
        if (isDevelopment && context.Response.StatusCode >= 500)
        {
            // The developer exception page is inline scripts and styles; it exists in Development only.
            context.Response.Headers.Remove("Content-Security-Policy");
        }
    }

    private string PolicyFor(HttpContext context)
    {
        // Razor component pages render <ImportMap />, an inline <script type="importmap"> that CSP treats like any inline script;
        // its text is ImportMapDefinition.ToString() (the same JSON the component writes).
        var importMap = context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>();
        if (importMap is null)
        {
            return policyWithoutInlineScripts;
        }

        var cached = policyWithImportMap;
        if (cached is { } known && ReferenceEquals(known.Map, importMap))
        {
            return known.Policy;
        }

        var policy = SecurityHeaders.ContentSecurityPolicy([SecurityHeaders.HashSource(importMap.ToString())], isDevelopment);
        policyWithImportMap = (importMap, policy);
        return policy;
    }
}
