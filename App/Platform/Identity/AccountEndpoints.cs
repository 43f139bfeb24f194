using BlazorPartner.Core.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace BlazorPartner.Platform.Identity;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A POST with the antiforgery token (a GET link, or a form on another site, could sign users out). The token is
        // checked here rather than by form binding, whose failure is an unhandled exception (a 500 and an error log entry
        // per request for anyone who posts without one); a missing or wrong token is a plain 400 and signs nobody out.
        endpoints.MapPost(AccountRoutes.Logout, async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signInManager) =>
        {
            if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect(AccountRoutes.Login);
        }).DisableAntiforgery();
        return endpoints;
    }
}
