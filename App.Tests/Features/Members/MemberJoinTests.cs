using System.Security.Claims;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Members;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Identity.Sessions;
using BlazorPartner.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Members;

/// <summary>R2: joining through the link (password policy, the link's specific failures) and unbinding.</summary>
public class MemberJoinTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_joining_creates_the_account_with_the_roles_the_admin_chose_and_binds_the_invitation(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (id, token) = await world.InviteAsync("wang.fang@partner-a.example", AppRoles.Finance, AppRoles.AccountManagerSupervisor);

        var view = await world.WithJoinAsync(j => j.OpenAsync(token));
        var userId = await world.JoinAsync(token, "Wang Fang");

        Assert.Equal("Partner A", view.PartnerName);
        Assert.Equal([AppRoles.AccountManagerSupervisor, AppRoles.Finance], view.Roles.Select(r => r.Name));
        var actor = await world.Get<ActorDirectory>().LoadAsync(userId);
        Assert.Equal(world.PartnerA, actor.OrganizationId);
        Assert.Equal("Wang Fang", actor.DisplayName);
        Assert.True(actor.IsInRole(AppRoles.Finance) && actor.IsInRole(AppRoles.AccountManagerSupervisor) && !actor.IsInRole(AppRoles.PartnerAdmin));
        Assert.False(actor.Can(MemberPermissions.Manage));
        Assert.Equal(MemberInvitationState.Bound, await world.StateAsync(id));
        var invitation = await world.LoadInvitationAsync(id);
        Assert.Equal(userId, invitation.BoundUserId);
        await using var db = await world.Factory.CreateSystemAsync();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        Assert.NotEqual(MemberTestKit.GoodPassword, user.PasswordHash);
        Assert.True(user.LockoutEnabled);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Join));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_a_weak_or_mistyped_password_is_refused_by_field_and_the_link_stays_usable(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (id, token) = await world.InviteAsync("weak@partner-a.example");
        Task Join(string? name, string password, string confirm) =>
            world.WithJoinAsync(j => j.JoinAsync(token, new JoinInput { DisplayName = name, Password = password, ConfirmPassword = confirm }));

        var weak = await Assert.ThrowsAsync<ValidationException>(() => Join("Weak", "abc", "abc"));
        var noSymbol = await Assert.ThrowsAsync<ValidationException>(() => Join("Weak", "Abcdefgh12", "Abcdefgh12"));
        var differ = await Assert.ThrowsAsync<ValidationException>(() => Join("", MemberTestKit.GoodPassword, MemberTestKit.GoodPassword + "x"));

        Assert.StartsWith("Join.PasswordRule.", weak.FieldErrors[nameof(JoinInput.Password)]);
        Assert.Equal("Join.PasswordRule.PasswordRequiresNonAlphanumeric", noSymbol.FieldErrors[nameof(JoinInput.Password)]);
        Assert.Equal("Join.PasswordsDiffer", differ.FieldErrors[nameof(JoinInput.ConfirmPassword)]);
        Assert.Equal("Validation.Required", differ.FieldErrors[nameof(JoinInput.DisplayName)]);
        Assert.Equal(MemberInvitationState.Invited, await world.StateAsync(id));
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            Assert.Equal(0, await db.Users.CountAsync(u => u.Email == "weak@partner-a.example"));
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Join));
        }

        await world.JoinAsync(token);
        Assert.Equal(MemberInvitationState.Bound, await world.StateAsync(id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_a_missing_expired_revoked_or_used_link_fails_with_that_reason(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (_, used) = await world.InviteAsync("used@partner-a.example");
        await world.JoinAsync(used);
        var (revokedId, revoked) = await world.InviteAsync("revoked@partner-a.example");
        await world.Invitations().RevokeAsync(world.AdminA, new MemberInvitationTarget(revokedId, (await world.LoadInvitationAsync(revokedId)).Version));
        var (_, expired) = await world.InviteAsync("expired@partner-a.example");
        world.Clock.Advance(MemberRules.LinkValidFor + TimeSpan.FromMinutes(1));

        async Task<MemberLinkFailure> ReasonAsync(string? token) =>
            (await Assert.ThrowsAsync<MemberLinkInvalidException>(() => world.WithJoinAsync(j => j.OpenAsync(token)))).Reason;
        async Task<MemberLinkFailure> JoinReasonAsync(string token) =>
            (await Assert.ThrowsAsync<MemberLinkInvalidException>(() => world.JoinAsync(token))).Reason;

        Assert.Equal(MemberLinkFailure.Missing, await ReasonAsync(null));
        Assert.Equal(MemberLinkFailure.Missing, await ReasonAsync("short"));
        Assert.Equal(MemberLinkFailure.Missing, await ReasonAsync(LinkTokens.NewToken()));
        Assert.Equal(MemberLinkFailure.Used, await ReasonAsync(used));
        Assert.Equal(MemberLinkFailure.Revoked, await ReasonAsync(revoked));
        Assert.Equal(MemberLinkFailure.Expired, await ReasonAsync(expired));
        Assert.Equal(MemberLinkFailure.Expired, await JoinReasonAsync(expired));
        Assert.Equal(MemberLinkFailure.Used, await JoinReasonAsync(used));
        Assert.Equal(MemberErrorCodes.LinkInvalid, new MemberLinkInvalidException(MemberLinkFailure.Used).Code);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email!.EndsWith("@partner-a.example")));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Join));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_two_tabs_joining_through_one_link_at_once_create_one_account(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (_, token) = await world.InviteAsync("twice@partner-a.example");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            try
            {
                await world.JoinAsync(token, $"Tab {i}");
                return "joined";
            }
            catch (MemberLinkInvalidException invalid)
            {
                return invalid.Reason.ToString();
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == "joined"));
        Assert.Equal(1, outcomes.Count(o => o == nameof(MemberLinkFailure.Used)));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == "twice@partner-a.example"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Join));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_unbinding_locks_the_account_ends_its_sessions_and_its_circuits_next_action_is_refused(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (id, token) = await world.InviteAsync("leaver@partner-a.example");
        var userId = await world.JoinAsync(token, "Leaver");
        await using var host = new IdentityHost(world.Database, world.Clock);
        var user = await world.Factory.CreateSystemAsync().ContinueWith(async t => { await using var db = t.Result; return await db.Users.SingleAsync(u => u.Id == userId); }).Unwrap();
        var key = await host.Store.StoreAsync(await host.TicketForAsync(user));
        var principal = (await host.Store.RetrieveAsync(key))!.Principal;
        using var circuit = new CurrentActor(new FixedState(principal), host.Sessions, new UserAccessReader(world.Factory, world.Clock), world.Clock);
        Assert.Equal(userId, (await circuit.GetAsync()).UserId);

        await world.Directory().UnbindAsync(world.AdminA, userId);
        world.Clock.Advance(CurrentActor.RecheckEvery);

        await Assert.ThrowsAsync<SessionEndedException>(() => circuit.GetAsync());
        Assert.False(await host.Sessions.IsActiveAsync(principal));
        Assert.Equal(MemberInvitationState.Unbound, await world.StateAsync(id));
        var members = await world.Directory().GetMembersAsync(world.AdminA, 0, 100);
        Assert.Equal(MemberStatus.Unbound, members.Items.Single(m => m.UserId == userId).Status);
        await using var db = await world.Factory.CreateSystemAsync();
        var locked = await db.Users.SingleAsync(u => u.Id == userId);
        Assert.Equal(DateTimeOffset.MaxValue, locked.LockoutEnd);
        Assert.NotEqual(user.SecurityStamp, locked.SecurityStamp);
        Assert.Equal(0, await db.Set<UserSession>().CountAsync(s => s.UserId == userId));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Unbind));
        var again = await Assert.ThrowsAsync<BusinessException>(() => world.Directory().UnbindAsync(world.AdminA, userId));
        Assert.Equal(ErrorCodes.AlreadyProcessed, again.Code);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Unbind));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_an_admin_cannot_unbind_themselves_another_partners_member_or_without_the_permission(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);

        var self = await Assert.ThrowsAsync<BusinessException>(() => world.Directory().UnbindAsync(world.AdminA, world.AdminA.UserId));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Directory().UnbindAsync(world.AdminB, world.Manager1A.UserId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Directory().UnbindAsync(world.SupervisorA, world.Manager1A.UserId));

        Assert.Equal("Member.CannotUnbindSelf", self.ResourceKey);
        var members = await world.Directory().GetMembersAsync(world.AdminA, 0, 100);
        Assert.All(members.Items, m => Assert.Equal(MemberStatus.Bound, m.Status));
        Assert.Contains(members.Items, m => m.IsYou && m.UserId == world.AdminA.UserId);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Unbind));
        Assert.Equal(0, await db.Users.CountAsync(u => u.UnboundAtUtc != null));
    }

    private sealed class FixedState(ClaimsPrincipal principal) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
    }
}
