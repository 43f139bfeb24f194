using System.Security.Claims;
using BlazorPartner.Platform.Http;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.Identity.Sessions;

public static class SessionRegistration
{
    /// <summary>
    /// Server-side sessions for the Identity application cookie, circuit revalidation settings and the uniform password
    /// sign-in. Order-independent with AddIdentityCookies/ConfigureApplicationCookie (applied as post-configuration).
    /// </summary>
    public static IServiceCollection AddAppSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppSessionOptions>()
            .Bind(configuration.GetSection(AppSessionOptions.Section))
            .Validate(o => o.CacheDuration >= TimeSpan.Zero && o.CacheDuration < TimeSpan.FromMinutes(1), "Sessions:CacheDuration must be between 0 and 1 minute.")
            .Validate(o => o.CircuitRevalidationInterval > TimeSpan.Zero && o.CircuitRevalidationInterval <= TimeSpan.FromMinutes(1), "Sessions:CircuitRevalidationInterval must be above 0 and at most 1 minute.")
            .ValidateOnStart();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddScoped<AccountSignIn>();
        services.AddSingleton<FailedSignInLimit>();

        // Identity's security-stamp check (every 30 minutes) rebuilds the principal from the user; keep the session claim, or a
        // circuit started on that request could not re-check its session and would lose access at its first revalidation.
        services.AddOptions<SecurityStampValidatorOptions>().PostConfigure(stamp =>
        {
            var refreshing = stamp.OnRefreshingPrincipal;
            stamp.OnRefreshingPrincipal = async context =>
            {
                var sessionId = context.CurrentPrincipal is null ? null : UserSessions.SessionIdOf(context.CurrentPrincipal);
                if (sessionId is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity && UserSessions.SessionIdOf(context.NewPrincipal) is null)
                {
                    identity.AddClaim(new Claim(SessionClaimTypes.SessionId, sessionId));
                }

                if (refreshing is not null)
                {
                    await refreshing(context);
                }
            };
        });

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<DatabaseTicketStore>((cookie, store) =>
            {
                cookie.SessionStore = store;
                // After a sign-in on the login path the cookie handler itself redirects to the raw ReturnUrl query value; a
                // non-ASCII or control character there made Kestrel fail the response (500) and lose the sign-in.
                var redirectToReturnUrl = cookie.Events.OnRedirectToReturnUrl;
                cookie.Events.OnRedirectToReturnUrl = context =>
                {
                    context.RedirectUri = SafeRedirect.LocalOrHome(context.RedirectUri);
                    return redirectToReturnUrl(context);
                };
            });
        return services;
    }
}
