using BlazorPartner.Core.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace BlazorPartner.Platform.Identity;

/// <summary>The signed-in user of this circuit as an <see cref="Actor"/>, for components to pass to services.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authenticationStateProvider)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        return Actor.FromPrincipal(state.User);
    }
}
