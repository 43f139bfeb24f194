using System.Security.Claims;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Features.Roles;
using BlazorPartner.Core.Data;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// What a circuit of <paramref name="userId"/> starts with after a real sign-in: the ticket Identity issues, stored in and
    /// read back from the session store (so it names its session, as every signed-in principal does).
    /// </summary>
    public static async Task<ClaimsPrincipal> SignInAsync(this IdentityHost host, TestWorld world, string userId)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        var key = await host.Store.StoreAsync(await host.TicketForAsync(user));
        return (await host.Store.RetrieveAsync(key))!.Principal;
    }
}
