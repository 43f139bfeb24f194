using Microsoft.AspNetCore.Authorization;

namespace BlazorPartner.Core.Identity;

/// <summary>Policies that are not a single permission. Permission policies are registered from the slices' declarations.</summary>
public static class Policies
{
    /// <summary>Someone working for a partner organization (not the vendor).</summary>
    public const string PartnerMember = nameof(PartnerMember);

    public static void Register(AuthorizationOptions options) =>
        options.AddPolicy(PartnerMember, p => p.RequireAuthenticatedUser().RequireAssertion(ctx => !ctx.User.IsInRole(AppRoles.VendorOperator)));
}
