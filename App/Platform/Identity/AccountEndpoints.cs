using BlazorPartner.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace BlazorPartner.Platform.Identity;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A POST with the antiforgery token (a GET link could sign users out from another site).
        endpoints.MapPost(AccountRoutes.Logout, async (SignInManager<AppUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return Results.LocalRedirect(AccountRoutes.Login);
        });
        return endpoints;
    }
}
