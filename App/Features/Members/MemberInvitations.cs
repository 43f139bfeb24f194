using System.Globalization;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using BlazorPartner.Core.Validation;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Features.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Members;

public sealed record InviteMemberInput
{
    public string? Email { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];
}

/// <summary>The opening of a first admin's invitation that says why the organization exists (its application was approved).</summary>
public sealed record InvitationPreface(string Subject, string Lead);

/// <summary>An invitation the admin acts on, with the version the admin saw (so a stale click is told who was first).</summary>
public sealed record MemberInvitationTarget(Guid Id, int ExpectedVersion);

/// <summary>
/// R2: the partner admin invites members by e-mail (a link valid 7 days, at most 100 mails per partner per Beijing day),
/// resends and revokes. Every send writes the mail to the outbox in the same transaction as the invitation, and takes one
/// of the day's 100 with a conditional UPDATE, so two admins sending the 100th at once cannot both succeed.
/// </summary>
public sealed class MemberInvitations(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IMailSender mail, IStringLocalizer<SharedResource> L)
{
    public const string MailKind = "member-invitation";

    public async Task<Guid> InviteAsync(Actor actor, InviteMemberInput input, string baseUri, CancellationToken ct = default)
    {
        DemandManager(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var assignable = await PartnerRoles.AssignableAsync(db, actor.OrganizationId, ct);
        var errors = new InputErrors();
        var email = errors.Email(nameof(input.Email), input.Email);
        var roles = ValidRoles(errors, input.Roles, assignable);
        errors.ThrowIfAny();
        await PartnerRoles.DemandWithinReachAsync(db, actor, roles.Select(r => r.Name), ct);

        var normalized = email.ToUpperInvariant();
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The day's allowance first: a write, so concurrent invitations of one partner queue here.
        await TakeDailyAllowanceAsync(db, actor.OrganizationId, now, ct);

        // One account per address in the whole product (Identity's unique e-mail), and one open invitation per address.
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
        {
            throw new ValidationException(nameof(input.Email), "Member.EmailTaken");
        }

        if (await db.MemberInvitations.AnyAsync(MemberAddresses.IsOpenFor(normalized, now), ct))
        {
            throw new ValidationException(nameof(input.Email), "Member.AlreadyInvited");
        }

        var invitation = new MemberInvitation
        {
            OrganizationId = actor.OrganizationId,
            Email = email,
            NormalizedEmail = normalized,
            Roles = string.Join(',', roles.Select(r => r.Name)),
            Status = MemberInvitationStatus.Invited,
            InvitedByUserId = actor.UserId,
            InvitedByName = actor.DisplayName,
            InvitedAtUtc = now,
        };
        var partner = await db.Organizations.Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        Send(db, invitation, partner, actor.DisplayName, roles, baseUri, now);
        db.MemberInvitations.Add(invitation);
        db.Audit(actor, Change(invitation, MemberAuditActions.Invite) with { After = new { invitation.Email, invitation.Roles, invitation.ExpiresAtUtc } }, time);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return invitation.Id;
    }

    /// <summary>
    /// A new link (the previous one stops working) and another 7 days; also for an expired invitation. What the invitation
    /// offers is checked again as if it were new: its roles still exist and are the sender's to give, and the address has
    /// no account and no other open invitation meanwhile.
    /// </summary>
    public async Task ResendAsync(Actor actor, MemberInvitationTarget target, string baseUri, CancellationToken ct = default)
    {
        DemandManager(actor);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await TakeDailyAllowanceAsync(db, actor.OrganizationId, now, ct);
        var invitation = await LoadOpenAsync(db, target, ct);
        var assignable = await PartnerRoles.AssignableAsync(db, actor.OrganizationId, ct);
        var roles = RoleOption.For(invitation.RoleList, assignable);
        if (roles.Count != invitation.RoleList.Distinct(StringComparer.Ordinal).Count() || roles.Count == 0)
        {
            throw new BusinessException(ErrorCodes.ParameterError, $"A role offered to {invitation.Email} no longer exists.", "Member.ResendRoleGone", invitation.Email);
        }

        await PartnerRoles.DemandWithinReachAsync(db, actor, roles.Select(r => r.Name), ct);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == invitation.NormalizedEmail, ct))
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"{invitation.Email} has an account now.", "Member.ResendEmailTaken", invitation.Email);
        }

        if (await db.MemberInvitations.Where(i => i.Id != invitation.Id).AnyAsync(MemberAddresses.IsOpenFor(invitation.NormalizedEmail, now), ct))
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"{invitation.Email} has another open invitation.", "Member.ResendAlreadyInvited", invitation.Email);
        }

        var before = new { invitation.ExpiresAtUtc, invitation.SendCount };
        var partner = await db.Organizations.Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        Send(db, invitation, partner, actor.DisplayName, roles, baseUri, now);
        db.Audit(actor, Change(invitation, MemberAuditActions.Resend) with { Before = before, After = new { invitation.ExpiresAtUtc, invitation.SendCount } }, time);
        await SaveAsync(db, invitation, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task RevokeAsync(Actor actor, MemberInvitationTarget target, CancellationToken ct = default)
    {
        DemandManager(actor);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var invitation = await LoadOpenAsync(db, target, ct);
        var state = MemberRules.StateOf(invitation.Status, invitation.ExpiresAtUtc, memberUnbound: false, now);
        invitation.Status = MemberInvitationStatus.Revoked;
        invitation.RevokedAtUtc = now;
        invitation.RevokedByName = actor.DisplayName;
        db.Audit(actor, Change(invitation, MemberAuditActions.Revoke) with { Before = new { Status = state }, After = new { invitation.Status } }, time);
        await SaveAsync(db, invitation, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The first admin of a partner that another party's decision created (a reseller its distributor approved, R40; a partner admitted to the network, R5): staged
    /// on the caller's context and transaction, counted as the new partner's first invitation of the day.
    /// </summary>
    /// <param name="inviter">Who approved the organization; null when the system did (an automatic approval, R5).</param>
    /// <param name="approval">
    /// What the mail says first, already in the recipient's language: the applicant learns from this one mail that its
    /// application was approved (with its number) and how to join, rather than from a bare invitation.
    /// </param>
    internal MemberInvitation StageFirstAdmin(AppDbContext db, Actor? inviter, string inviterName, Guid organizationId, string partnerName, string email, string baseUri, DateTime now,
        InvitationPreface? approval = null)
    {
        var invitation = new MemberInvitation
        {
            OrganizationId = organizationId,
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            Roles = AppRoles.PartnerAdmin,
            Status = MemberInvitationStatus.Invited,
            InvitedByUserId = inviter?.UserId ?? "",
            InvitedByName = inviterName,
            InvitedAtUtc = now,
        };
        db.MemberInvitationDays.Add(new MemberInvitationDay { OrganizationId = organizationId, Day = BeijingTime.DateOf(now), Count = 1 });
        Send(db, invitation, partnerName, inviterName, [new RoleOption(AppRoles.PartnerAdmin, null)], baseUri, now, approval);
        db.MemberInvitations.Add(invitation);
        db.Audit(inviter, Change(invitation, MemberAuditActions.Invite) with { After = new { invitation.Email, invitation.Roles, invitation.ExpiresAtUtc } }, time);
        return invitation;
    }

    /// <summary>How many of today's (Beijing) invitation mails the partner has used.</summary>
    public async Task<int> SentTodayAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(MemberPermissions.View);
        var today = BeijingTime.DateOf(time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.MemberInvitationDays.Where(d => d.OrganizationId == actor.OrganizationId && d.Day == today).Select(d => d.Count).SingleOrDefaultAsync(ct);
    }

    internal static AuditChange Change(MemberInvitation invitation, string action) =>
        new(nameof(MemberInvitation), invitation.Id.ToString(), action) { OrganizationId = invitation.OrganizationId };

    private static void DemandManager(Actor actor)
    {
        actor.Demand(MemberPermissions.Manage);
        if (actor.IsVendor)
        {
            throw new AccessDeniedException("manage a partner's members");
        }
    }

    /// <summary>The chosen roles among those the partner may give (its system roles and its own custom roles), in their order.</summary>
    internal static IReadOnlyList<RoleOption> ValidRoles(InputErrors errors, IReadOnlyList<string>? requested, IReadOnlyList<RoleOption> assignable, string field = nameof(InviteMemberInput.Roles))
    {
        var roles = (requested ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            errors.Add(field, "Member.RolesRequired");
        }
        else if (roles.Any(r => assignable.All(a => a.Name != r)))
        {
            errors.Add(field, "Member.RoleUnknown");
        }

        return RoleOption.For(roles, assignable);
    }

    /// <summary>Takes one of the day's <see cref="MemberRules.MaxInvitationsPerDay"/> sends, or refuses with CBC.0250.</summary>
    private static async Task TakeDailyAllowanceAsync(AppDbContext db, Guid organizationId, DateTime now, CancellationToken ct)
    {
        var today = BeijingTime.DateOf(now);
        if (await TakeFromDayRowAsync(db, organizationId, today, ct))
        {
            return;
        }

        if (!await db.MemberInvitationDays.AnyAsync(d => d.OrganizationId == organizationId && d.Day == today, ct))
        {
            // The day's first: inserted inside this transaction. On SQLite the UPDATE above already holds the write lock. On
            // PostgreSQL a concurrent first insert waits for the other's commit and then fails on the key; SaveChanges rolls
            // back to its own savepoint, so this transaction goes on and takes its send from the row the other inserted.
            var day = new MemberInvitationDay { OrganizationId = organizationId, Day = today, Count = 1 };
            db.MemberInvitationDays.Add(day);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
            {
                db.Entry(day).State = EntityState.Detached;
            }
        }

        // The row is there: full, or (PostgreSQL) inserted by a concurrent first send after the UPDATE above looked. Take
        // from it once more; only a row that is still full means the day's sends are used up.
        if (!await TakeFromDayRowAsync(db, organizationId, today, ct))
        {
            throw DailyLimit(organizationId, today);
        }
    }

    private static async Task<bool> TakeFromDayRowAsync(AppDbContext db, Guid organizationId, DateOnly today, CancellationToken ct) =>
        await db.MemberInvitationDays
            .Where(d => d.OrganizationId == organizationId && d.Day == today && d.Count < MemberRules.MaxInvitationsPerDay)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Count, d => d.Count + 1), ct) == 1;

    private static BusinessException DailyLimit(Guid organizationId, DateOnly today) =>
        new(MemberErrorCodes.DailyLimit, $"Partner {organizationId} sent {MemberRules.MaxInvitationsPerDay} invitations on {today:yyyy-MM-dd}.",
            "Member.DailyLimit", MemberRules.MaxInvitationsPerDay);

    private async Task<MemberInvitation> LoadOpenAsync(AppDbContext db, MemberInvitationTarget target, CancellationToken ct)
    {
        var invitation = await db.MemberInvitations.SingleOrDefaultAsync(i => i.Id == target.Id, ct)
            ?? throw new NotFoundException(nameof(MemberInvitation), target.Id);
        // What happened says more than "changed meanwhile": a join or a revoke is final, whatever version the admin saw.
        if (invitation.Status == MemberInvitationStatus.Bound)
        {
            throw new BusinessException(ErrorCodes.AlreadyProcessed, $"Invitation for {invitation.Email} was used to join.", "Member.InvitationBound", invitation.Email);
        }

        if (invitation.Status == MemberInvitationStatus.Revoked)
        {
            throw new BusinessException(ErrorCodes.AlreadyProcessed, $"Invitation for {invitation.Email} was revoked by {invitation.RevokedByName}.",
                "Member.InvitationRevoked", invitation.Email, invitation.RevokedByName ?? "");
        }

        if (invitation.Version != target.ExpectedVersion)
        {
            throw AlreadyChanged(invitation);
        }

        return invitation;
    }

    private static async Task SaveAsync(AppDbContext db, MemberInvitation invitation, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw AlreadyChanged(invitation);
        }
    }

    private static BusinessException AlreadyChanged(MemberInvitation invitation) =>
        new(ErrorCodes.AlreadyProcessed, $"Invitation for {invitation.Email} was changed by someone else.", "Member.InvitationChanged", invitation.Email);

    private void Send(AppDbContext db, MemberInvitation invitation, string partner, string inviter, IReadOnlyList<RoleOption> roleOptions, string baseUri, DateTime now,
        InvitationPreface? preface = null)
    {
        var token = LinkTokens.NewToken();
        invitation.TokenHash = LinkTokens.Hash(token);
        invitation.ExpiresAtUtc = now + MemberRules.LinkValidFor;
        invitation.LastSentAtUtc = now;
        invitation.SendCount++;
        var roles = string.Join(", ", roleOptions.Select(r => r.Label(L)));
        var subject = preface?.Subject ?? L["Member.MailSubject", partner].Value;
        // A long organization name (up to the company name's limit, plus an application number) can outgrow a subject line.
        if (subject.Length > OutboxMessage.MaxSubject)
        {
            subject = subject[..(OutboxMessage.MaxSubject - 1)] + "…";
        }

        var body = string.Format(CultureInfo.CurrentCulture, L["Member.MailBody"].Value,
            inviter, partner, roles, MemberRoutes.JoinLink(baseUri, token), BeijingTime.Format(invitation.ExpiresAtUtc));
        if (preface is not null)
        {
            body = preface.Lead + Environment.NewLine + Environment.NewLine + body;
        }
        mail.Send(db, new OutgoingMail(invitation.Email, subject, body, MailKind, invitation.OrganizationId), now);
    }
}
