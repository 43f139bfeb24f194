using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Features.Roles;
using BlazorPartner.Features.Vouchers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Tests.Features.Members;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Roles;

/// <summary>
/// R1: whoever may manage members or roles without being the partner admin gives, withdraws and edits only permissions
/// they hold themselves, and nobody changes their own roles, so a custom role with members.manage or roles.manage is not a
/// way to become admin. The admin still gives every role.
/// </summary>
public class RoleReachTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_a_member_manager_cannot_make_themself_or_another_member_admin_and_nothing_changes(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var desk = (await world.RoleAsync(await world.CreateRoleAsync("Member desk", MemberPermissions.View, MemberPermissions.Manage))).Name;
        await world.GiveRolesAsync(world.Manager2A.UserId, AppRoles.AccountManager, desk);
        var manager = await world.Get<ActorDirectory>().LoadAsync(world.Manager2A.UserId);
        var directory = world.Directory();
        Task Change(string userId, MemberRow seen, params string[] roles) => directory.ChangeRolesAsync(manager, new MemberRolesTarget(userId, seen.Stamp), roles);
        var self = await world.MemberAsync(world.Manager2A.UserId);
        var finance = await world.MemberAsync(world.FinanceA.UserId);
        var admin = await world.MemberAsync(world.AdminA.UserId);

        var toSelf = await Assert.ThrowsAsync<BusinessException>(() => Change(world.Manager2A.UserId, self, AppRoles.AccountManager, desk, AppRoles.PartnerAdmin));
        var toOther = await Assert.ThrowsAsync<BusinessException>(() => Change(world.FinanceA.UserId, finance, AppRoles.Finance, AppRoles.PartnerAdmin));
        var demote = await Assert.ThrowsAsync<BusinessException>(() => Change(world.AdminA.UserId, admin, AppRoles.AccountManager));
        var unbind = await Assert.ThrowsAsync<BusinessException>(() => directory.UnbindAsync(manager, world.AdminA.UserId));
        var invite = await Assert.ThrowsAsync<BusinessException>(() => world.Invitations().InviteAsync(manager,
            new InviteMemberInput { Email = "boss@partner-a.example", Roles = [AppRoles.PartnerAdmin] }, MemberTestKit.BaseUri));

        Assert.Equal((ErrorCodes.IllegalOperation, "Member.CannotChangeOwnRoles"), (toSelf.Code, toSelf.ResourceKey));
        Assert.All(new[] { toOther, demote, unbind, invite }, refused => Assert.Equal((ErrorCodes.AccessDenied, "Role.BeyondOwnRights"), (refused.Code, refused.ResourceKey)));
        Assert.Equal([AppRoles.AccountManager, desk], (await world.MemberAsync(world.Manager2A.UserId)).Roles.Select(r => r.Name));
        Assert.Equal([AppRoles.Finance], (await world.MemberAsync(world.FinanceA.UserId)).Roles.Select(r => r.Name));
        var adminAfter = await world.MemberAsync(world.AdminA.UserId);
        Assert.Equal([AppRoles.PartnerAdmin], adminAfter.Roles.Select(r => r.Name));
        Assert.Equal(MemberStatus.Bound, adminAfter.Status);
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == RoleAuditActions.MemberRoles));
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Unbind || a.Action == MemberAuditActions.Invite));
            Assert.Equal(0, await db.MemberInvitations.CountAsync());
            Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == MemberInvitations.MailKind));
            Assert.Equal(0, await world.Invitations().SentTodayAsync(world.AdminA));
        }

        // The dialogs offer only these; the rest are shown but cannot be ticked.
        var givable = await world.Roles().GivableAsync(manager);
        Assert.True(givable.Contains(AppRoles.AccountManager) && givable.Contains(desk));
        Assert.False(givable.Contains(AppRoles.PartnerAdmin) || givable.Contains(AppRoles.Finance));
        Assert.Equal((await world.Roles().AssignableAsync(world.AdminA)).Select(r => r.Name).Order(StringComparer.Ordinal), (await world.Roles().GivableAsync(world.AdminA)).Order(StringComparer.Ordinal));

        // Within their own rights the member manager does their job: an account manager's role, or their own desk role.
        await world.Invitations().InviteAsync(manager, new InviteMemberInput { Email = "am@partner-a.example", Roles = [AppRoles.AccountManager] }, MemberTestKit.BaseUri);
        await Change(world.Manager1A.UserId, await world.MemberAsync(world.Manager1A.UserId), AppRoles.AccountManager, desk);
        Assert.Equal([AppRoles.AccountManager, desk], (await world.MemberAsync(world.Manager1A.UserId)).Roles.Select(r => r.Name));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_a_member_manager_holding_every_permission_still_cannot_give_the_roles_that_reach_further_than_their_permissions(DatabaseProvider provider)
    {
        // The partner admin sees every record, finance every customer, a supervisor the team's (R3): matching their
        // permissions in a custom role must not be a way to hand those roles out (or to take them away).
        await using var world = await TestWorld.CreateAsync(provider);
        var everything = RoleRules.Grantable(world.Get<PermissionCatalog>(), BlazorPartner.Core.Tenancy.OrganizationKind.SolutionProvider).Select(p => p.Name).ToArray();
        var desk = (await world.RoleAsync(await world.CreateRoleAsync("Everything desk", everything))).Name;
        await world.GiveRolesAsync(world.Manager2A.UserId, AppRoles.AccountManager, desk);
        var manager = await world.Get<ActorDirectory>().LoadAsync(world.Manager2A.UserId);
        var directory = world.Directory();
        var colleague = await world.MemberAsync(world.Manager1A.UserId);

        foreach (var role in new[] { AppRoles.PartnerAdmin, AppRoles.Finance, AppRoles.AccountManagerSupervisor })
        {
            var give = await Assert.ThrowsAsync<BusinessException>(() => directory.ChangeRolesAsync(manager, new MemberRolesTarget(world.Manager1A.UserId, colleague.Stamp), [AppRoles.AccountManager, role]));
            var invite = await Assert.ThrowsAsync<BusinessException>(() => world.Invitations().InviteAsync(manager,
                new InviteMemberInput { Email = $"{role.ToLowerInvariant()}@partner-a.example", Roles = [role] }, MemberTestKit.BaseUri));
            Assert.Equal((ErrorCodes.AccessDenied, "Role.BeyondOwnReach"), (give.Code, give.ResourceKey));
            Assert.Equal((ErrorCodes.AccessDenied, "Role.BeyondOwnReach"), (invite.Code, invite.ResourceKey));
        }

        var finance = await world.MemberAsync(world.FinanceA.UserId);
        var takeAway = await Assert.ThrowsAsync<BusinessException>(() => directory.ChangeRolesAsync(manager, new MemberRolesTarget(world.FinanceA.UserId, finance.Stamp), [AppRoles.AccountManager]));
        var unbindAdmin = await Assert.ThrowsAsync<BusinessException>(() => directory.UnbindAsync(manager, world.AdminA.UserId));
        Assert.Equal("Role.BeyondOwnReach", takeAway.ResourceKey);
        Assert.Equal("Role.BeyondOwnReach", unbindAdmin.ResourceKey);
        Assert.Equal([AppRoles.AccountManager], (await world.MemberAsync(world.Manager1A.UserId)).Roles.Select(r => r.Name));
        Assert.Equal([AppRoles.Finance], (await world.MemberAsync(world.FinanceA.UserId)).Roles.Select(r => r.Name));
        Assert.Equal(MemberStatus.Bound, (await world.MemberAsync(world.AdminA.UserId)).Status);
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            // Nothing stored and nothing audited by any refused command: no role change, unbinding, invitation or mail.
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == RoleAuditActions.MemberRoles && a.ActorUserId == manager.UserId));
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Unbind || a.Action == MemberAuditActions.Invite));
            Assert.Equal(0, await db.MemberInvitations.CountAsync());
            Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == MemberInvitations.MailKind));
        }

        var givable = await world.Roles().GivableAsync(manager);
        Assert.DoesNotContain(AppRoles.PartnerAdmin, givable);
        Assert.DoesNotContain(AppRoles.Finance, givable);
        Assert.DoesNotContain(AppRoles.AccountManagerSupervisor, givable);
        Assert.Contains(AppRoles.AccountManager, givable);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_a_role_editor_cannot_put_a_permission_they_lack_into_a_role_and_the_admin_still_can(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var deskId = await world.CreateRoleAsync("Role desk", RolePermissions.View, RolePermissions.Manage, OpportunityPermissions.View);
        var quotaId = await world.CreateRoleAsync("Quota keeper", VoucherPermissions.View, VoucherPermissions.Issue);
        await world.GiveRolesAsync(world.Manager2A.UserId, AppRoles.AccountManager, (await world.RoleAsync(deskId)).Name);
        var editor = await world.Get<ActorDirectory>().LoadAsync(world.Manager2A.UserId);
        var roles = world.Roles();
        var desk = await world.RoleAsync(deskId);
        var quota = await world.RoleAsync(quotaId);

        var raiseOwn = await Assert.ThrowsAsync<BusinessException>(() => roles.UpdateAsync(editor, new RoleTarget(deskId, desk.Stamp),
            new RoleInput { Title = "Role desk", Permissions = [.. desk.Permissions, MemberPermissions.Manage] }));
        var create = await Assert.ThrowsAsync<BusinessException>(() => roles.CreateAsync(editor,
            new RoleInput { Title = "Issuer", Permissions = [VoucherPermissions.Issue] }));
        var strip = await Assert.ThrowsAsync<BusinessException>(() => roles.UpdateAsync(editor, new RoleTarget(quotaId, quota.Stamp),
            new RoleInput { Title = "Quota keeper", Permissions = [VoucherPermissions.View] }));

        Assert.All(new[] { raiseOwn, create, strip }, refused => Assert.Equal((ErrorCodes.AccessDenied, "Role.BeyondOwnRights"), (refused.Code, refused.ResourceKey)));
        Assert.Equal(1, raiseOwn.Arguments[0]);
        var deskAfter = await world.RoleAsync(deskId);
        Assert.Equal(desk.Stamp, deskAfter.Stamp);
        Assert.Equal(desk.Permissions, deskAfter.Permissions);
        Assert.Equal(quota.Permissions, (await world.RoleAsync(quotaId)).Permissions);
        Assert.Equal(2, (await roles.GetAsync(world.AdminA)).CustomCount);
        Assert.False((await world.Get<ActorDirectory>().LoadAsync(world.Manager2A.UserId)).Can(MemberPermissions.Manage));

        // What the editor holds they may give; a role may keep rights the editor lacks when the editor leaves them alone.
        await roles.CreateAsync(editor, new RoleInput { Title = "Reader", Permissions = [OpportunityPermissions.View] });
        await roles.UpdateAsync(editor, new RoleTarget(quotaId, quota.Stamp), new RoleInput { Title = "Quota desk", Permissions = quota.Permissions });
        await roles.UpdateAsync(world.AdminA, new RoleTarget(deskId, desk.Stamp),
            new RoleInput { Title = "Role desk", Permissions = [.. desk.Permissions, MemberPermissions.Manage] });

        Assert.Equal("Quota desk", (await world.RoleAsync(quotaId)).Title);
        Assert.Contains(MemberPermissions.Manage, (await world.RoleAsync(deskId)).Permissions);
        Assert.True((await world.Get<ActorDirectory>().LoadAsync(world.Manager2A.UserId)).Can(MemberPermissions.Manage));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R1_the_admin_still_gives_every_role_and_two_admins_demoting_each_other_at_once_leave_one_admin(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var directory = world.Directory();
        await world.GiveRolesAsync(world.SupervisorA.UserId, AppRoles.AccountManagerSupervisor, AppRoles.PartnerAdmin);
        var (_, token) = await world.InviteAsync("second.admin@partner-a.example", AppRoles.PartnerAdmin, AppRoles.Finance);
        await world.JoinAsync(token);
        var second = await world.Get<ActorDirectory>().LoadAsync(world.SupervisorA.UserId);
        Assert.True(second.IsInRole(AppRoles.PartnerAdmin));
        var first = await world.MemberAsync(world.AdminA.UserId);
        var other = await world.MemberAsync(world.SupervisorA.UserId);
        // Only these two stay admins, so each demoting the other would leave none.
        var invited = (await directory.GetMembersAsync(world.AdminA, 0, 100)).Items.Single(m => m.Email == "second.admin@partner-a.example");
        await directory.ChangeRolesAsync(world.AdminA, new MemberRolesTarget(invited.UserId, invited.Stamp), [AppRoles.Finance]);

        var outcomes = await Task.WhenAll(
            Outcome(() => directory.ChangeRolesAsync(world.AdminA, new MemberRolesTarget(world.SupervisorA.UserId, other.Stamp), [AppRoles.AccountManagerSupervisor])),
            Outcome(() => directory.ChangeRolesAsync(second, new MemberRolesTarget(world.AdminA.UserId, first.Stamp), [AppRoles.Finance])));

        Assert.Equal(["Member.LastAdminRole", "changed"], outcomes.Order(StringComparer.Ordinal));
        var members = (await directory.GetMembersAsync(world.AdminA, 0, 100)).Items;
        Assert.Single(members, m => m.Roles.Any(r => r.Name == AppRoles.PartnerAdmin));
    }

    private static async Task<string> Outcome(Func<Task> command)
    {
        try
        {
            await command();
            return "changed";
        }
        catch (BusinessException refused)
        {
            return refused.ResourceKey;
        }
    }
}
