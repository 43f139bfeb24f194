using System.Security.Claims;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity.Sessions;
using Microsoft.AspNetCore.Components.Authorization;

namespace BlazorPartner.Platform.Identity;

/// <summary>
/// The circuit's <see cref="Actor"/>, read from its authentication state. Before handing it out it re-checks, at most every
/// <see cref="RecheckEvery"/>, two things a circuit would otherwise keep from its start:
/// <list type="bullet">
/// <item>that the session behind it still stands: the revalidating provider ends a circuit of an unbound, locked or
/// signed-out user within 30 seconds, and this makes the user's very next action fail even inside that window;</item>
/// <item>the user's roles and permissions (R1): when an admin changed them, the circuit's authentication state is
/// replaced, so the menu, the page policies and the services all see the change on the next action.</item>
/// </list>
/// Navigation refreshes at once (<see cref="RefreshAsync"/>), so the next page is authorized with what holds now.
/// </summary>
public sealed class CurrentActor : IDisposable
{
    /// <summary>One database read serves the burst of queries a single render makes.</summary>
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(2);

    private readonly AuthenticationStateProvider _provider;
    private readonly UserSessions _sessions;
    private readonly UserAccessReader _access;
    private readonly TimeProvider _clock;
    private Task<(Actor Actor, ClaimsPrincipal Principal)>? _actor;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    public CurrentActor(AuthenticationStateProvider provider, UserSessions sessions, UserAccessReader access, TimeProvider clock)
    {
        _provider = provider;
        _sessions = sessions;
        _access = access;
        _clock = clock;
        _provider.AuthenticationStateChanged += OnChanged;
    }

    public async Task<Actor> GetAsync()
    {
        var (actor, principal) = await (_actor ??= LoadAsync());
        var now = _clock.GetUtcNow();

        // Only a principal read from the session store is re-checked; every sign-in produces one.
        if (now - _checkedAt < RecheckEvery || UserSessions.SessionIdOf(principal) is null)
        {
            return actor;
        }

        if (!await _sessions.IsActiveAsync(principal))
        {
            throw new SessionEndedException();
        }

        var current = await _access.ReadAsync(actor.UserId, fresh: true);
        if (!current.IsCarriedBy(principal))
        {
            (actor, principal) = Replace(current.ApplyTo(principal));
        }

        _checkedAt = now;
        return actor;
    }

    /// <summary>
    /// Re-reads session and permissions now (the router calls this before each page). A session that has ended is left to
    /// the page's first action and to revalidation, which both refuse it; navigation itself never throws.
    /// </summary>
    public async Task RefreshAsync()
    {
        if ((await _provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        _checkedAt = DateTimeOffset.MinValue;
        try
        {
            await GetAsync();
        }
        catch (SessionEndedException)
        {
        }
    }

    private (Actor, ClaimsPrincipal) Replace(ClaimsPrincipal principal)
    {
        var loaded = (Actor.FromPrincipal(principal), principal);
        if (_provider is IHostEnvironmentAuthenticationStateProvider host)
        {
            // Raises AuthenticationStateChanged: the cascading state, the menu and AuthorizeRouteView re-render with it.
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        }

        _actor = Task.FromResult(loaded);
        return loaded;
    }

    private async Task<(Actor, ClaimsPrincipal)> LoadAsync()
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
