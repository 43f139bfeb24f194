using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Features.Roles;
using BlazorPartner.Features.Vouchers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Tests.Features.Members;
using BlazorPartner.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Roles;

/// <summary>
/// R1: members get system or custom roles, and a change to a role or to a member's roles applies on the member's next
/// request or circuit action without signing in again ("permission changes that take an hour" is the complaint).
/// </summary>
public class RoleAccessTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_a_role_permission_change_applies_on_the_members_next_circuit_action_without_signing_in_again(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.CreateRoleAsync("Sales analyst", OpportunityPermissions.View);
        await world.GiveRolesAsync(world.Manager2A.UserId, (await world.RoleAsync(id)).Name);
        await using var host = new IdentityHost(world.Database, world.Clock);
        var state = new ServerAuthenticationStateProvider();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(await host.SignInAsync(world, world.Manager2A.UserId))));
        using var circuit = new CurrentActor(state, host.Sessions, new UserAccessReader(world.Factory, world.Clock), world.Clock);
        Assert.False((await circuit.GetAsync()).Can(ConsumptionPermissions.View));

        await world.Roles().UpdateAsync(world.AdminA, new RoleTarget(id, (await world.RoleAsync(id)).Stamp),
            new RoleInput { Title = "Sales analyst", Permissions = [ConsumptionPermissions.View] });
        world.Clock.Advance(CurrentActor.RecheckEvery);
        var next = await circuit.GetAsync();

        Assert.True(next.Can(ConsumptionPermissions.View));
        Assert.False(next.Can(OpportunityPermissions.View));
        // The circuit's authentication state itself changed, so the menu and page policies follow.
        var user = (await state.GetAuthenticationStateAsync()).User;
        Assert.True(user.HasClaim(Permissions.ClaimType, ConsumptionPermissions.View));
        Assert.False(user.HasClaim(Permissions.ClaimType, OpportunityPermissions.View));
        Assert.Equal(world.Manager2A.UserId, next.UserId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_a_members_new_roles_apply_on_the_next_request_and_navigation_without_signing_in_again(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.CreateRoleAsync("Quota keeper", VoucherPermissions.View, VoucherPermissions.Issue);
        await using var host = new IdentityHost(world.Database, world.Clock);
        var cookie = await host.SignInAsync(world, world.Manager1A.UserId);
        var reader = new UserAccessReader(world.Factory, world.Clock);
        var transformation = new CurrentAccessClaimsTransformation(reader);
        Assert.False((await transformation.TransformAsync(cookie)).HasClaim(Permissions.ClaimType, VoucherPermissions.Issue));
        var state = new ServerAuthenticationStateProvider();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(cookie)));
        using var circuit = new CurrentActor(state, host.Sessions, reader, world.Clock);
        Assert.True((await circuit.GetAsync()).IsInRole(AppRoles.AccountManager));

        await world.GiveRolesAsync(world.Manager1A.UserId, AppRoles.AccountManager, (await world.RoleAsync(id)).Name);
        world.Clock.Advance(UserAccessReader.CacheFor);
        var request = await transformation.TransformAsync(cookie);
        await circuit.RefreshAsync();

        Assert.True(request.HasClaim(Permissions.ClaimType, VoucherPermissions.Issue));
        Assert.True(request.IsInRole(AppRoles.AccountManager));
        Assert.Equal(world.Manager1A.UserId, Actor.FromPrincipal(request).UserId);
        Assert.True((await state.GetAuthenticationStateAsync()).User.HasClaim(Permissions.ClaimType, VoucherPermissions.Issue));
        Assert.True((await circuit.GetAsync()).Can(VoucherPermissions.Issue));
    }

    [Fact]
    public async Task Refreshing_on_navigation_leaves_a_signed_out_visitor_alone()
    {
        await using var world = await TestWorld.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = new IdentityHost(world.Database, world.Clock);
        var state = new ServerAuthenticationStateProvider();
        var anonymous = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(anonymous)));
        using var circuit = new CurrentActor(state, host.Sessions, new UserAccessReader(world.Factory, world.Clock), world.Clock);

        await circuit.RefreshAsync();

        Assert.Same(anonymous, (await state.GetAuthenticationStateAsync()).User);
        await Assert.ThrowsAsync<AccessDeniedException>(() => circuit.GetAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_changing_a_members_roles_is_audited_and_the_partner_keeps_an_admin(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.CreateRoleAsync("Sales analyst");
        var name = (await world.RoleAsync(id)).Name;
        var before = await world.MemberAsync(world.FinanceA.UserId);
        var directory = world.Get<MemberDirectory>();

        await directory.ChangeRolesAsync(world.AdminA, new MemberRolesTarget(world.FinanceA.UserId, before.Stamp), [AppRoles.Finance, name]);
        var stale = await Assert.ThrowsAsync<BusinessException>(() =>
            directory.ChangeRolesAsync(world.AdminA, new MemberRolesTarget(world.FinanceA.UserId, before.Stamp), [AppRoles.PartnerAdmin]));
        var self = await world.MemberAsync(world.AdminA.UserId);
        var ownRoles = await Assert.ThrowsAsync<BusinessException>(() =>
            directory.ChangeRolesAsync(world.AdminA, new MemberRolesTarget(world.AdminA.UserId, self.Stamp), [AppRoles.Finance]));
        var foreignRole = await world.Roles().CreateAsync(world.AdminB, new RoleInput { Title = "B only", Permissions = RoleTestKit.ReaderPermissions });
        var foreignName = (await world.RoleAsync(foreignRole, world.AdminB)).Name;
        var current = await world.MemberAsync(world.FinanceA.UserId);
        var foreign = await Assert.ThrowsAsync<ValidationException>(() =>
            directory.ChangeRolesAsync(world.AdminA, new MemberRolesTarget(world.FinanceA.UserId, current.Stamp), [foreignName]));
        var vendor = await Assert.ThrowsAsync<ValidationException>(() =>
            directory.ChangeRolesAsync(world.AdminA, new MemberRolesTarget(world.FinanceA.UserId, current.Stamp), [AppRoles.VendorOperator]));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            directory.ChangeRolesAsync(world.AdminB, new MemberRolesTarget(world.FinanceA.UserId, current.Stamp), [AppRoles.Finance]));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            directory.ChangeRolesAsync(world.SupervisorA, new MemberRolesTarget(world.FinanceA.UserId, current.Stamp), [AppRoles.PartnerAdmin]));

        Assert.Equal(("Member.ChangedMeanwhile", "Member.CannotChangeOwnRoles"), (stale.ResourceKey, ownRoles.ResourceKey));
        Assert.Equal("Member.RoleUnknown", foreign.FieldErrors["Roles"]);
        Assert.Equal("Member.RoleUnknown", vendor.FieldErrors["Roles"]);
        Assert.Equal(["Finance", "Sales analyst"], current.Roles.Select(r => r.Title ?? r.Name));
        Assert.Equal([AppRoles.PartnerAdmin], (await world.MemberAsync(world.AdminA.UserId)).Roles.Select(r => r.Name));
        var finance = await world.Get<ActorDirectory>().LoadAsync(world.FinanceA.UserId);
        Assert.True(finance.Can(OpportunityPermissions.View) && finance.IsInRole(AppRoles.Finance) && !finance.IsInRole(AppRoles.PartnerAdmin));
        await using var db = await world.Factory.CreateSystemAsync();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == RoleAuditActions.MemberRoles);
        Assert.Equal((world.PartnerA, world.FinanceA.UserId, "Admin A"), (audit.OrganizationId!.Value, audit.EntityId, audit.ActorName));
        Assert.Contains("Role.Finance", audit.Before);
        Assert.Contains("Sales analyst", audit.After);
        Assert.Contains(await world.Roles().HistoryAsync(world.AdminA), e => e.Action == RoleAuditActions.MemberRoles);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_an_invitation_can_give_a_custom_role_and_the_joined_member_holds_its_permissions(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.CreateRoleAsync("Sales analyst", ConsumptionPermissions.View);
        var name = (await world.RoleAsync(id)).Name;

        var (_, token) = await world.InviteAsync("analyst@partner-a.example", name);
        var view = await world.WithJoinAsync(join => join.OpenAsync(token));
        var userId = await world.JoinAsync(token, "Analyst");
        var held = await Assert.ThrowsAsync<BusinessException>(async () =>
            await world.Roles().DeleteAsync(world.AdminA, new RoleTarget(id, (await world.RoleAsync(id)).Stamp)));
        var offeredId = await world.CreateRoleAsync("Offered only");
        await world.InviteAsync("second@partner-a.example", (await world.RoleAsync(offeredId)).Name);
        var offered = await Assert.ThrowsAsync<BusinessException>(async () =>
            await world.Roles().DeleteAsync(world.AdminA, new RoleTarget(offeredId, (await world.RoleAsync(offeredId)).Stamp)));

        Assert.Equal(["Sales analyst"], view.Roles.Select(r => r.Title));
        var analyst = await world.Get<ActorDirectory>().LoadAsync(userId);
        Assert.True(analyst.Can(ConsumptionPermissions.View));
        Assert.False(analyst.Can(MemberPermissions.View));
        Assert.Equal(("Role.InUse", "Role.Invited"), (held.ResourceKey, offered.ResourceKey));
        Assert.Equal(2, (await world.Roles().GetAsync(world.AdminA)).CustomCount);
        var foreign = await Assert.ThrowsAsync<ValidationException>(() => world.Invitations().InviteAsync(world.AdminB,
            new InviteMemberInput { Email = "b@partner-b.example", Roles = [name] }, MemberTestKit.BaseUri));
        Assert.Equal("Member.RoleUnknown", foreign.FieldErrors[nameof(InviteMemberInput.Roles)]);
    }
}
