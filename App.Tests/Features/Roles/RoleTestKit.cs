using System.Security.Claims;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Features.Roles;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Roles;

internal static class RoleTestKit
{
    public static readonly IReadOnlyList<string> ReaderPermissions = [OpportunityPermissions.View, ConsumptionPermissions.View];

    public static PartnerRoles Roles(this TestWorld world) => world.Get<PartnerRoles>();

    public static Task<string> CreateRoleAsync(this TestWorld world, string title, params string[] permissions) =>
        world.Roles().CreateAsync(world.AdminA, new RoleInput { Title = title, Permissions = permissions.Length == 0 ? ReaderPermissions : permissions });

    public static async Task<RoleRow> RoleAsync(this TestWorld world, string id, Actor? viewer = null) =>
        (await world.Roles().GetAsync(viewer ?? world.AdminA)).Roles.Single(r => r.Id == id);

    public static async Task<MemberRow> MemberAsync(this TestWorld world, string userId) =>
        (await world.Get<MemberDirectory>().GetMembersAsync(world.AdminA, 0, 100)).Items.Single(m => m.UserId == userId);

    /// <summary>Gives a Partner A member exactly <paramref name="roles"/> (names), as the admin does in the member dialog.</summary>
    public static async Task GiveRolesAsync(this TestWorld world, string userId, params string[] roles)
    {
        var member = await world.MemberAsync(userId);
        await world.Get<MemberDirectory>().ChangeRolesAsync(world.AdminA, new MemberRolesTarget(userId, member.Stamp), roles);
    }

    /// <summary>The principal a sign-in would put in the cookie for <paramref name="actor"/> (roles and permissions as claims).</summary>
    public static ClaimsPrincipal PrincipalOf(Actor actor)
    {
        var identity = new ClaimsIdentity("Identity.Application");
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, actor.UserId));
        identity.AddClaim(new Claim(AppClaimTypes.OrganizationId, actor.OrganizationId.ToString()));
        identity.AddClaim(new Claim(AppClaimTypes.OrganizationKind, actor.OrganizationKind.ToString()));
        identity.AddClaim(new Claim(AppClaimTypes.DisplayName, actor.DisplayName));
        identity.AddClaims(actor.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        identity.AddClaims(actor.Permissions.Select(p => new Claim(Permissions.ClaimType, p)));
        return new ClaimsPrincipal(identity);
    }
}
