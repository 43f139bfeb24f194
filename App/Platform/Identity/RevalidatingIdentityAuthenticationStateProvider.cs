using BlazorPartner.Platform.Identity.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.Identity;

/// <summary>
/// Re-checks an open circuit's server-side session (still there, user present, not locked out, security stamp unchanged)
/// every <see cref="AppSessionOptions.CircuitRevalidationInterval"/>, so sign-out elsewhere, a password change in another
/// session, a lockout or a removed account ends the circuit's access within a minute, not an hour later.
/// </summary>
public sealed class RevalidatingIdentityAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    UserSessions sessions,
    IOptions<AppSessionOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.CircuitRevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        sessions.IsActiveAsync(authenticationState.User, cancellationToken);
}
