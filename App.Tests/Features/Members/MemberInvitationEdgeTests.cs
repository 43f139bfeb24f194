using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Roles;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Tests.Features.Roles;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Members;

/// <summary>R2: what a join, a resend or a revoke says when the invitation changed under it, and the roles it offers went away.</summary>
public class MemberInvitationEdgeTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_a_join_that_loses_a_race_says_whether_the_invitation_was_revoked_or_resent(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (revokedId, revoked) = await world.InviteAsync("revoked@partner-a.example");
        var (resentId, resent) = await world.InviteAsync("resent@partner-a.example");
        world.Clock.Advance(TimeSpan.FromMinutes(1)); // so the resent mail is the latest one
        Task Revoke() => world.Invitations().RevokeAsync(world.AdminA, new MemberInvitationTarget(revokedId, 0));
        Task Resend() => world.Invitations().ResendAsync(world.AdminA, new MemberInvitationTarget(resentId, 0), MemberTestKit.BaseUri);

        async Task<MemberLinkFailure> JoinWhileAsync(string token, Func<Task> meanwhile) =>
            (await Assert.ThrowsAsync<MemberLinkInvalidException>(() => world.WithJoinAsync(
                j => j.JoinAsync(token, new JoinInput { DisplayName = "Late", Password = MemberTestKit.GoodPassword, ConfirmPassword = MemberTestKit.GoodPassword }),
                new MemberTestKit.MeanwhileClock(world.Clock, 2, meanwhile)))).Reason;

        Assert.Equal(MemberLinkFailure.Revoked, await JoinWhileAsync(revoked, Revoke));
        Assert.Equal(MemberLinkFailure.Replaced, await JoinWhileAsync(resent, Resend));
        Assert.Equal(MemberLinkFailure.Missing, (await Assert.ThrowsAsync<MemberLinkInvalidException>(() => world.JoinAsync(resent))).Reason);
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            Assert.Equal(0, await db.Users.CountAsync(u => u.Email!.EndsWith("@partner-a.example")));
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Join));
        }

        // The resent link still works.
        await world.JoinAsync(await world.LatestTokenForAsync("resent@partner-a.example"));
        Assert.Equal(MemberInvitationState.Bound, await world.StateAsync(resentId));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_an_address_that_joined_another_partner_is_told_it_has_an_account_not_that_the_link_was_used(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (idA, tokenA) = await world.InviteAsync("both@partners.example");
        // Partner B may invite the same address: refusing would tell B that Partner A invited it.
        await world.Invitations().InviteAsync(world.AdminB, new InviteMemberInput { Email = "both@partners.example", Roles = [AppRoles.Finance] }, MemberTestKit.BaseUri);
        string tokenB;
        await using (var outbox = await world.Factory.CreateSystemAsync())
        {
            tokenB = MemberTestKit.TokenIn(await outbox.Set<OutboxMessage>().Where(m => m.OrganizationId == world.PartnerB).Select(m => m.Body).SingleAsync());
        }

        await world.JoinAsync(tokenB, "Joined B");

        var opened = await Assert.ThrowsAsync<MemberLinkInvalidException>(() => world.WithJoinAsync(j => j.OpenAsync(tokenA)));
        var joined = await Assert.ThrowsAsync<MemberLinkInvalidException>(() => world.JoinAsync(tokenA, "Joined A too"));
        var resend = await Assert.ThrowsAsync<BusinessException>(() => world.Invitations().ResendAsync(world.AdminA, new MemberInvitationTarget(idA, 0), MemberTestKit.BaseUri));

        Assert.Equal((MemberLinkFailure.EmailTaken, MemberLinkFailure.EmailTaken), (opened.Reason, joined.Reason));
        Assert.Equal((MemberErrorCodes.LinkInvalid, "Join.Failure.EmailTaken"), (joined.Code, joined.ResourceKey));
        Assert.Equal("Member.ResendEmailTaken", resend.ResourceKey);
        Assert.Equal(MemberInvitationState.Invited, await world.StateAsync(idA));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(world.PartnerB, (await db.Users.SingleAsync(u => u.Email == "both@partners.example")).OrganizationId);
        Assert.Equal(1, await world.Invitations().SentTodayAsync(world.AdminA));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_an_invitation_whose_role_is_gone_is_not_joined_without_it_nor_resent(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var roleId = await world.CreateRoleAsync("Sales analyst");
        var (id, token) = await world.InviteAsync("analyst@partner-a.example", (await world.RoleAsync(roleId)).Name);
        // Deletion refuses a role an invitation offers; a role gone anyway (older data, a delete racing the invitation) is
        // what the join and the resend must not paper over.
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            await db.RoleClaims.Where(c => c.RoleId == roleId).ExecuteDeleteAsync();
            await db.Roles.Where(r => r.Id == roleId).ExecuteDeleteAsync();
        }

        var opened = await Assert.ThrowsAsync<MemberLinkInvalidException>(() => world.WithJoinAsync(j => j.OpenAsync(token)));
        var joined = await Assert.ThrowsAsync<MemberLinkInvalidException>(() => world.JoinAsync(token));
        var resend = await Assert.ThrowsAsync<BusinessException>(() => world.Invitations().ResendAsync(world.AdminA, new MemberInvitationTarget(id, 0), MemberTestKit.BaseUri));

        Assert.Equal((MemberLinkFailure.RoleGone, MemberLinkFailure.RoleGone), (opened.Reason, joined.Reason));
        Assert.Equal((ErrorCodes.ParameterError, "Member.ResendRoleGone"), (resend.Code, resend.ResourceKey));
        await using var check = await world.Factory.CreateSystemAsync();
        Assert.Equal(0, await check.Users.CountAsync(u => u.Email == "analyst@partner-a.example"));
        Assert.Equal(1, (await world.LoadInvitationAsync(id)).SendCount);
        Assert.Equal(1, await world.Invitations().SentTodayAsync(world.AdminA));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_a_resend_is_refused_when_the_address_has_a_newer_open_invitation(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (expiredId, _) = await world.InviteAsync("again@partner-a.example");
        world.Clock.Advance(MemberRules.LinkValidFor + TimeSpan.FromHours(1));
        var (newerId, _) = await world.InviteAsync("again@partner-a.example", AppRoles.Finance);

        var resend = await Assert.ThrowsAsync<BusinessException>(() => world.Invitations().ResendAsync(world.AdminA, new MemberInvitationTarget(expiredId, 0), MemberTestKit.BaseUri));

        Assert.Equal(("Member.ResendAlreadyInvited", "again@partner-a.example"), (resend.ResourceKey, (string)resend.Arguments[0]));
        Assert.Equal((MemberInvitationState.Expired, MemberInvitationState.Invited), (await world.StateAsync(expiredId), await world.StateAsync(newerId)));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Resend));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_an_expired_invitation_can_be_revoked_and_a_used_or_revoked_one_says_so(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var roleId = await world.CreateRoleAsync("Sales analyst");
        var (expiredId, _) = await world.InviteAsync("late@partner-a.example", (await world.RoleAsync(roleId)).Name);
        var (boundId, token) = await world.InviteAsync("joined@partner-a.example");
        await world.JoinAsync(token);
        world.Clock.Advance(MemberRules.LinkValidFor + TimeSpan.FromHours(1));

        // An expired invitation could be resent with its role, so the role stays until the invitation is closed.
        var offered = await Assert.ThrowsAsync<BusinessException>(async () =>
            await world.Roles().DeleteAsync(world.AdminA, new RoleTarget(roleId, (await world.RoleAsync(roleId)).Stamp)));
        await world.Invitations().RevokeAsync(world.AdminA, new MemberInvitationTarget(expiredId, 0));
        var again = await Assert.ThrowsAsync<BusinessException>(() => world.Invitations().RevokeAsync(world.AdminA, new MemberInvitationTarget(expiredId, 0)));
        var resend = await Assert.ThrowsAsync<BusinessException>(() => world.Invitations().ResendAsync(world.AdminA, new MemberInvitationTarget(expiredId, 0), MemberTestKit.BaseUri));
        var bound = await Assert.ThrowsAsync<BusinessException>(() => world.Invitations().RevokeAsync(world.AdminA, new MemberInvitationTarget(boundId, 0)));
        await world.Roles().DeleteAsync(world.AdminA, new RoleTarget(roleId, (await world.RoleAsync(roleId)).Stamp));

        Assert.Equal(("Role.Invited", 1), (offered.ResourceKey, (int)offered.Arguments[1]));
        Assert.Equal(MemberInvitationState.Revoked, await world.StateAsync(expiredId));
        Assert.Equal(("Member.InvitationRevoked", "Admin A"), (again.ResourceKey, (string)again.Arguments[1]));
        Assert.Equal("Member.InvitationRevoked", resend.ResourceKey);
        Assert.Equal((ErrorCodes.AlreadyProcessed, "Member.InvitationBound"), (bound.Code, bound.ResourceKey));
        Assert.Equal(MemberInvitationState.Bound, await world.StateAsync(boundId));
        await using var db = await world.Factory.CreateSystemAsync();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == MemberAuditActions.Revoke);
        Assert.Contains("Expired", audit.Before);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_the_days_first_invitations_sent_at_once_all_go_out_and_are_all_counted(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);

        // No row for today yet: each command tries to insert it; on PostgreSQL all but one then hit its key.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => world.Invitations().InviteAsync(world.AdminA,
            new InviteMemberInput { Email = $"first{i}@partner-a.example", Roles = [AppRoles.Finance] }, MemberTestKit.BaseUri)));

        Assert.Equal(3, await world.Invitations().SentTodayAsync(world.AdminA));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(3, await db.MemberInvitations.CountAsync());
        Assert.Equal(3, await db.Set<OutboxMessage>().CountAsync());
    }
}
