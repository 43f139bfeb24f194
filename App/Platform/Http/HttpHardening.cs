using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.Http;

/// <summary>
/// Headers, errors and input limits (ADR 0007): security headers on every response, no Server banner, forwarded headers
/// from known proxies, HTTPS redirection and HSTS outside Development, the 503 page for an unreachable database, the 404
/// page, and the Blazor circuit limits.
/// </summary>
public static class HttpHardening
{
    /// <summary>Path the status-code pages re-execute for 404 (the not-found page lives there too).</summary>
    public const string NotFoundPath = "/not-found";

    public static WebApplicationBuilder AddAppHttpHardening(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var http = configuration.GetSection(HttpHardeningOptions.Section).Get<HttpHardeningOptions>() ?? new HttpHardeningOptions();
        services.Configure<HttpHardeningOptions>(configuration.GetSection(HttpHardeningOptions.Section));
        services.AddApplicationRateLimit();

        // The product and version of the server help nobody but an attacker.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        services.Configure<ForwardedHeadersOptions>(forwarded => ConfigureForwardedHeaders(forwarded, http));
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = http.HstsMaxAge;
            hsts.IncludeSubDomains = http.HstsIncludeSubDomains;
        });
        services.AddHttpsRedirection(redirect => redirect.HttpsPort = http.HttpsPort);

        // A cookie's Secure flag otherwise follows the request's scheme, and behind a TLS proxy that the app does not trust
        // (not loopback, not in KnownProxies) the scheme reads as http: the sign-in cookie would go out without it.
        if (http.HttpsOnly(builder.Environment.IsDevelopment()))
        {
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie => cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie => cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }

        AddCircuitLimits(services, configuration);
        return builder;
    }

    /// <summary>
    /// Call where the exception handler would go, before localization, static assets and the Razor components:
    /// everything after it is covered.
    /// </summary>
    public static WebApplication UseAppHttpHardening(this WebApplication app)
    {
        var http = app.Services.GetRequiredService<IOptions<HttpHardeningOptions>>().Value;
        var development = app.Environment.IsDevelopment();

        // First, so the scheme and client address are right for everything below (redirects, HSTS, logs).
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!development)
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        if (http.HttpsOnly(development))
        {
            app.UseHttpsRedirection();
        }

        // Inside the exception handler, so an unreachable database becomes 503 instead of the generic 500 page.
        app.UseMiddleware<DatabaseUnavailableMiddleware>();
        // Unknown routes (no endpoint: an empty 404) render the localized not-found page, still with status 404.
        app.UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true);
        // Placed explicitly after the status-code pages (WebApplication would otherwise add them before everything): the
        // re-executed not-found page is an endpoint with authorization metadata and must pass through authorization again.
        // Inside the 503 middleware too, since cookie validation can read the database.
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    internal static void ConfigureForwardedHeaders(ForwardedHeadersOptions forwarded, HttpHardeningOptions http)
    {
        // X-Forwarded-Host stays off: the public host name comes from the Host header the proxy passes on.
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.ForwardLimit = http.ForwardLimit;
        // Loopback stays known (the defaults): a proxy on the same machine, and the test hosts.
        foreach (var proxy in http.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in http.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    private static void AddCircuitLimits(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(CircuitLimitsOptions.Section);
        services.Configure<CircuitLimitsOptions>(section);
        var limits = section.Get<CircuitLimitsOptions>() ?? new CircuitLimitsOptions();

        services.Configure<CircuitOptions>(circuit =>
        {
            circuit.DisconnectedCircuitMaxRetained = limits.DisconnectedCircuitMaxRetained;
            circuit.DisconnectedCircuitRetentionPeriod = limits.DisconnectedCircuitRetentionPeriod;
            circuit.JSInteropDefaultCallTimeout = limits.JSInteropDefaultCallTimeout;
        });
        // AddHubOptions is only offered on the server-side Blazor builder, and ComponentHub is internal; Program.cs already
        // called AddInteractiveServerComponents, so wrap the same service collection instead of registering Blazor again.
        new ServerSideBlazorServices(services).AddHubOptions(hub => hub.MaximumReceiveMessageSize = limits.MaximumReceiveMessageSize);

        services.TryAddSingleton<UserCircuitRegistry>();
        services.TryAddScoped<CircuitAdmission>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, UserCircuitLimitHandler>());
    }

    private sealed class ServerSideBlazorServices(IServiceCollection services) : IServerSideBlazorBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
