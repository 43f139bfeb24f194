using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity.Sessions;
using Microsoft.AspNetCore.Components.Authorization;

namespace BlazorPartner.Platform.Identity;

/// <summary>
/// The circuit's <see cref="Actor"/>, read from its authentication state. Before handing it out it re-checks that the
/// session behind the circuit still stands (at most every <see cref="RecheckEvery"/>): the revalidating provider ends a
/// circuit of an unbound, locked or signed-out user within 30 seconds, and this makes the user's very next action fail
/// even inside that window.
/// </summary>
public sealed class CurrentActor : IDisposable
{
    /// <summary>One database read serves the burst of queries a single render makes.</summary>
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(2);

    private readonly AuthenticationStateProvider _provider;
    private readonly UserSessions _sessions;
    private readonly TimeProvider _clock;
    private Task<(Actor Actor, System.Security.Claims.ClaimsPrincipal Principal)>? _actor;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    public CurrentActor(AuthenticationStateProvider provider, UserSessions sessions, TimeProvider clock)
    {
        _provider = provider;
        _sessions = sessions;
        _clock = clock;
        _provider.AuthenticationStateChanged += OnChanged;
    }

    public async Task<Actor> GetAsync()
    {
        var (actor, principal) = await (_actor ??= LoadAsync());
        var now = _clock.GetUtcNow();
        if (now - _checkedAt >= RecheckEvery && UserSessions.SessionIdOf(principal) is not null)
        {
            if (!await _sessions.IsActiveAsync(principal))
            {
                throw new SessionEndedException();
            }

            _checkedAt = now;
        }

        return actor;
    }

    private async Task<(Actor, System.Security.Claims.ClaimsPrincipal)> LoadAsync()
    {
        var principal = (await _provider.GetAuthenticationStateAsync()).User;
        return (Actor.FromPrincipal(principal), principal);
    }

    private void OnChanged(Task<AuthenticationState> state)
    {
        _actor = null;
        _checkedAt = DateTimeOffset.MinValue;
    }

    public void Dispose() => _provider.AuthenticationStateChanged -= OnChanged;
}

/// <summary>The session behind this circuit was ended (signed out elsewhere, locked, or the member was unbound).</summary>
public sealed class SessionEndedException()
    : BusinessException(ErrorCodes.AccessDenied, "The session behind this circuit has ended.", "Error.SessionEnded");
