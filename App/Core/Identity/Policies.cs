using Microsoft.AspNetCore.Authorization;

namespace BlazorPartner.Core.Identity;

public static class Policies
{
    public const string ViewOpportunities = nameof(ViewOpportunities);
    public const string ShareOpportunities = nameof(ShareOpportunities);
    public const string EditCalendar = nameof(EditCalendar);
    public const string PartnerMember = nameof(PartnerMember);

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(ViewOpportunities, p => p.RequireClaim(Permissions.ClaimType, Permissions.OpportunitiesView));
        options.AddPolicy(ShareOpportunities, p => p.RequireClaim(Permissions.ClaimType, Permissions.OpportunitiesShare));
        options.AddPolicy(EditCalendar, p => p.RequireClaim(Permissions.ClaimType, Permissions.CalendarEdit));
        options.AddPolicy(PartnerMember, p => p.RequireAssertion(ctx => !ctx.User.IsInRole(AppRoles.VendorOperator) && ctx.User.Identity?.IsAuthenticated == true));
    }
}
