using BlazorPartner.Components.Navigation;
using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.ReviewInbox;

/// <summary>The reviewers' "To do" (issue 8 §5): every pending item a reviewer decides, with a live count in the menu.</summary>
public static class ReviewInboxSetup
{
    public static IServiceCollection AddReviewInbox(this IServiceCollection services)
    {
        services.AddSingleton<ReviewInbox>();
        services.AddSingleton<Members.IMemberUnbindingStep, ClearAssignmentsOnUnbinding>();
        services.AddMenuLink(new MenuLink(NavGroups.Work, "Nav.Todo", ReviewInboxRoutes.Todo, "inbox", ReviewInboxPolicies.Reviewer, 10,
            Microsoft.AspNetCore.Components.Routing.NavLinkMatch.All, Count: typeof(ReviewInbox)));
        services.AddAuthorizationBuilder().AddPolicy(ReviewInboxPolicies.Reviewer, p => p
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx => ReviewInboxPolicies.ReviewPermissions.Any(permission => ctx.User.HasClaim(Permissions.ClaimType, permission))));
        return services;
    }
}
