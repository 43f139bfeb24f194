using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Members;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Members;

/// <summary>R2: member invitations by e-mail, 7-day single-use links, at most 100 per partner per Beijing day.</summary>
public class MemberInvitationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_an_invitation_mails_a_7_day_link_through_the_outbox_and_stores_only_its_hash(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);

        var (id, token) = await world.InviteAsync("li.lei@partner-a.example", AppRoles.Finance, AppRoles.AccountManager);

        var invitation = await world.LoadInvitationAsync(id);
        Assert.Equal(LinkTokens.Hash(token), invitation.TokenHash);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime.AddDays(7), invitation.ExpiresAtUtc);
        Assert.Equal("AccountManager,Finance", invitation.Roles);
        Assert.Equal(MemberInvitationState.Invited, await world.StateAsync(id));
        await using var db = await world.Factory.CreateSystemAsync();
        var mail = await db.Set<OutboxMessage>().SingleAsync();
        Assert.Equal(MemberInvitations.MailKind, mail.Kind);
        Assert.Equal(world.PartnerA, mail.OrganizationId);
        Assert.Contains("Partner A", mail.Subject);
        Assert.Contains("Finance", mail.Body);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Invite));
        Assert.Equal(1, await world.Invitations().SentTodayAsync(world.AdminA));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_bad_input_is_refused_field_by_field_and_nothing_is_stored_or_mailed(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        Task Invite(string? email, params string[] roles) =>
            world.Invitations().InviteAsync(world.AdminA, new InviteMemberInput { Email = email, Roles = roles }, MemberTestKit.BaseUri);

        var empty = await Assert.ThrowsAsync<ValidationException>(() => Invite(" "));
        var malformed = await Assert.ThrowsAsync<ValidationException>(() => Invite("not-an-address", AppRoles.Finance));
        var vendorRole = await Assert.ThrowsAsync<ValidationException>(() => Invite("x@partner-a.example", AppRoles.VendorOperator));
        var (_, token) = await world.InviteAsync("Taken@Partner-A.example");
        await world.JoinAsync(token);
        var taken = await Assert.ThrowsAsync<ValidationException>(() => Invite("taken@partner-a.example", AppRoles.Finance));

        Assert.Equal("Validation.Required", empty.FieldErrors[nameof(InviteMemberInput.Email)]);
        Assert.Equal("Member.RolesRequired", empty.FieldErrors[nameof(InviteMemberInput.Roles)]);
        Assert.Equal("Registration.EmailInvalid", malformed.FieldErrors[nameof(InviteMemberInput.Email)]);
        Assert.Equal("Member.RoleUnknown", vendorRole.FieldErrors[nameof(InviteMemberInput.Roles)]);
        Assert.Equal("Member.EmailTaken", taken.FieldErrors[nameof(InviteMemberInput.Email)]);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.MemberInvitations.CountAsync());
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync());
        Assert.Equal(1, await world.Invitations().SentTodayAsync(world.AdminA));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Invite));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_one_open_invitation_per_address_and_only_admins_of_a_partner_invite(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.InviteAsync("twice@partner-a.example");

        var again = await Assert.ThrowsAsync<ValidationException>(() => world.InviteAsync("twice@partner-a.example"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Invitations().InviteAsync(world.Manager1A, new InviteMemberInput { Email = "m@x.example", Roles = [AppRoles.Finance] }, MemberTestKit.BaseUri));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Invitations().InviteAsync(world.Vendor, new InviteMemberInput { Email = "v@x.example", Roles = [AppRoles.Finance] }, MemberTestKit.BaseUri));

        Assert.Equal("Member.AlreadyInvited", again.FieldErrors[nameof(InviteMemberInput.Email)]);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.MemberInvitations.CountAsync());
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Invite));
        Assert.Equal(1, await world.Invitations().SentTodayAsync(world.AdminA));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_at_most_100_invitations_per_partner_per_Beijing_day_and_the_count_restarts_at_Beijing_midnight(DatabaseProvider provider)
    {
        // 23:40 in Beijing is 15:40 UTC: the new Beijing day starts 20 minutes later, long before the UTC date changes.
        await using var world = await TestWorld.CreateAsync(provider, TestClock.AtBeijing(2026, 11, 16, 23, 40));
        for (var i = 0; i < MemberRules.MaxInvitationsPerDay; i++)
        {
            await world.Invitations().InviteAsync(world.AdminA, new InviteMemberInput { Email = $"m{i}@partner-a.example", Roles = [AppRoles.AccountManager] }, MemberTestKit.BaseUri);
        }

        var refused = await Assert.ThrowsAsync<BusinessException>(() => world.InviteAsync("one-too-many@partner-a.example"));
        var otherPartner = await world.Invitations().InviteAsync(world.AdminB, new InviteMemberInput { Email = "b@partner-b.example", Roles = [AppRoles.Finance] }, MemberTestKit.BaseUri);
        world.Clock.Advance(TimeSpan.FromMinutes(25));
        var nextDayStart = world.Clock.GetUtcNow().UtcDateTime;
        var nextDay = await world.InviteAsync("one-too-many@partner-a.example");

        Assert.Equal(MemberErrorCodes.DailyLimit, refused.Code);
        Assert.Equal("CBC.0250", refused.Code);
        Assert.NotEqual(Guid.Empty, otherPartner);
        Assert.NotEqual(Guid.Empty, nextDay.Id);
        Assert.Equal(1, await world.Invitations().SentTodayAsync(world.AdminA));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(MemberRules.MaxInvitationsPerDay + 1, await db.MemberInvitations.CountAsync(i => i.OrganizationId == world.PartnerA));
        Assert.Equal(MemberRules.MaxInvitationsPerDay + 2, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Invite));
        Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(m => m.Recipient == "one-too-many@partner-a.example" && m.CreatedAtUtc < nextDayStart));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_two_admins_sending_the_100th_invitation_at_once_cannot_both_succeed(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            db.MemberInvitationDays.Add(new MemberInvitationDay { OrganizationId = world.PartnerA, Day = BlazorPartner.Core.Time.BeijingTime.DateOf(world.Clock.GetUtcNow().UtcDateTime), Count = 99 });
            await db.SaveChangesAsync();
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            try
            {
                await world.Invitations().InviteAsync(world.AdminA, new InviteMemberInput { Email = $"race{i}@partner-a.example", Roles = [AppRoles.Finance] }, MemberTestKit.BaseUri);
                return "sent";
            }
            catch (BusinessException refused)
            {
                return refused.Code;
            }
            catch (DbUpdateException)
            {
                return "conflict";
            }
        }));

        Assert.Equal(1, results.Count(r => r == "sent"));
        Assert.Equal(100, await world.Invitations().SentTodayAsync(world.AdminA));
        await using var check = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await check.MemberInvitations.CountAsync());
        Assert.Equal(1, await check.Set<OutboxMessage>().CountAsync());
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Invite));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_resend_replaces_the_link_and_restarts_the_7_days_also_after_expiry(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (id, first) = await world.InviteAsync("late@partner-a.example");
        world.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(MemberInvitationState.Expired, await world.StateAsync(id));

        var seen = await world.LoadInvitationAsync(id);
        await world.Invitations().ResendAsync(world.AdminA, new MemberInvitationTarget(id, seen.Version), MemberTestKit.BaseUri);
        var second = await world.LatestTokenForAsync("late@partner-a.example");

        var resent = await world.LoadInvitationAsync(id);
        Assert.NotEqual(first, second);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime.AddDays(7), resent.ExpiresAtUtc);
        Assert.Equal(2, resent.SendCount);
        Assert.Equal(MemberInvitationState.Invited, await world.StateAsync(id));
        var old = await Assert.ThrowsAsync<MemberLinkInvalidException>(() => world.WithJoinAsync(j => j.OpenAsync(first)));
        Assert.Equal(MemberLinkFailure.Missing, old.Reason);
        var stale = await Assert.ThrowsAsync<BusinessException>(() => world.Invitations().ResendAsync(world.AdminA, new MemberInvitationTarget(id, seen.Version), MemberTestKit.BaseUri));
        Assert.Equal(ErrorCodes.AlreadyProcessed, stale.Code);
        Assert.Equal(2, (await world.LoadInvitationAsync(id)).SendCount);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Resend));
        Assert.Equal(2, await db.Set<OutboxMessage>().CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R2_another_partner_cannot_see_resend_or_revoke_the_invitations(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (id, _) = await world.InviteAsync("private@partner-a.example");

        var theirs = await world.Directory().GetInvitationsAsync(world.AdminB, null, 0, 100);
        await Assert.ThrowsAsync<NotFoundException>(() => world.Invitations().RevokeAsync(world.AdminB, new MemberInvitationTarget(id, 0)));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Invitations().ResendAsync(world.AdminB, new MemberInvitationTarget(id, 0), MemberTestKit.BaseUri));
        var members = await world.Directory().GetMembersAsync(world.AdminB, 0, 100);

        Assert.Empty(theirs.Items);
        Assert.DoesNotContain(members.Items, m => m.Email.EndsWith("-a@test", StringComparison.Ordinal));
        Assert.Equal(MemberInvitationState.Invited, await world.StateAsync(id));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == MemberAuditActions.Revoke || a.Action == MemberAuditActions.Resend));
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync());
        Assert.Equal(0, await world.Invitations().SentTodayAsync(world.AdminB));
    }
}
