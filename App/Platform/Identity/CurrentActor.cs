using BlazorPartner.Core.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace BlazorPartner.Platform.Identity;

/// <summary>
/// The signed-in user of this circuit as an <see cref="Actor"/>, built once per circuit (a DI scope) and rebuilt only
/// when the authentication state changes (e.g. revalidation signs the user out). Components reach it through
/// <c>AppComponentBase</c>; services never see it, they take the Actor as a parameter.
/// </summary>
public sealed class CurrentActor : IDisposable
{
    private readonly AuthenticationStateProvider _provider;
    private Task<Actor>? _actor;

    public CurrentActor(AuthenticationStateProvider provider)
    {
        _provider = provider;
        _provider.AuthenticationStateChanged += OnChanged;
    }

    public Task<Actor> GetAsync() => _actor ??= LoadAsync();

    private async Task<Actor> LoadAsync() => Actor.FromPrincipal((await _provider.GetAuthenticationStateAsync()).User);

    private void OnChanged(Task<AuthenticationState> state) => _actor = null;

    public void Dispose() => _provider.AuthenticationStateChanged -= OnChanged;
}
