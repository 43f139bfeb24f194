using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Validation;
using Microsoft.AspNetCore.Identity;
using BlazorPartner.Features.Roles;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Members;

public enum MemberLinkFailure
{
    Missing = 0,
    Expired = 1,
    Used = 2,
    Revoked = 3,

    /// <summary>The invitation was resent: only the newest mail's link works.</summary>
    Replaced = 4,

    /// <summary>The address already has an account (one per address in the whole product), e.g. through another partner.</summary>
    EmailTaken = 5,

    /// <summary>A role the invitation offers no longer exists: the admin invites again rather than the member joining without it.</summary>
    RoleGone = 6,
}

/// <summary>A link that cannot be used, and why (R2): the public page says which.</summary>
public sealed class MemberLinkInvalidException(MemberLinkFailure reason)
    : BusinessException(MemberErrorCodes.LinkInvalid, $"Member invitation link: {reason}.", $"Join.Failure.{reason}")
{
    public MemberLinkFailure Reason { get; } = reason;
}

public sealed record JoinView(string PartnerName, string Email, IReadOnlyList<RoleOption> Roles, DateTime ExpiresAtUtc);

public sealed record JoinInput
{
    public string? DisplayName { get; init; }

    public string? Password { get; init; }

    public string? ConfirmPassword { get; init; }
}

/// <summary>
/// The public side of a member invitation (R2): the invitee opens the link, sets a name and a password that meets the
/// policy, and joins with the roles the admin chose. The token is the credential. Joining claims the invitation with one
/// conditional UPDATE (still invited, unexpired, this link), so two tabs submitting at once create one account.
/// Scoped: it uses Identity's <see cref="UserManager{TUser}"/> for the password rules and hashing, but writes the account,
/// its roles and the claimed invitation in its own single transaction.
/// </summary>
public sealed class MemberJoin(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, UserManager<AppUser> users)
{
    public async Task<JoinView> OpenAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var invitation = await FindUsableAsync(db, token, ct);
        var roles = await OfferedRolesAsync(db, invitation, ct);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == invitation.NormalizedEmail, ct))
        {
            throw new MemberLinkInvalidException(MemberLinkFailure.EmailTaken);
        }

        var partner = await db.Organizations.Where(o => o.Id == invitation.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        return new JoinView(partner, invitation.Email, roles, invitation.ExpiresAtUtc);
    }

    /// <summary>Creates the member's account; returns its user id. The invitee then signs in with the e-mail and password.</summary>
    public async Task<string> JoinAsync(string? token, JoinInput input, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        var name = errors.Text(nameof(input.DisplayName), input.DisplayName, MemberRules.MaxDisplayName);
        var password = input.Password ?? "";
        if (password.Length == 0)
        {
            errors.Add(nameof(input.Password), "Validation.Required");
        }
        else if (!string.Equals(password, input.ConfirmPassword, StringComparison.Ordinal))
        {
            errors.Add(nameof(input.ConfirmPassword), "Join.PasswordsDiffer");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var invitation = await FindUsableAsync(db, token, ct);
        var offered = await OfferedRolesAsync(db, invitation, ct);
        var user = new AppUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = name,
            OrganizationId = invitation.OrganizationId,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
        };
        user.NormalizedEmail = users.NormalizeEmail(user.Email);
        user.NormalizedUserName = users.NormalizeName(user.UserName);
        if (password.Length > 0 && !errors.Has(nameof(input.ConfirmPassword)))
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                if (!result.Succeeded)
                {
                    // Identity's own descriptions are English; the page shows one localized rule per failed check.
                    errors.Add(nameof(input.Password), "Join.PasswordRule." + result.Errors.First().Code);
                    break;
                }
            }
        }

        errors.ThrowIfAny();
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);

        // Another tab may have just joined through this link; otherwise the address joined elsewhere (another partner's
        // invitation, say), which is not "used" but its own reason.
        var hash = LinkTokens.Hash(token!);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == user.NormalizedEmail, ct))
        {
            throw await FailureAfterRaceAsync(db, invitation, hash, now, ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The account first (the invitation's foreign key points at it). A second tab joining at the same moment waits
        // here and then fails on the unique user name: the link was used.
        db.Users.Add(user);
        var roleNames = offered.Select(r => r.Name).ToList();
        var roleIds = await db.Roles.Where(r => roleNames.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        if (roleIds.Count != roleNames.Count)
        {
            throw new MemberLinkInvalidException(MemberLinkFailure.RoleGone);
        }

        db.UserRoles.AddRange(roleIds.Select(id => new IdentityUserRole<string> { UserId = user.Id, RoleId = id }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            throw await FailureAfterRaceAsync(db, invitation, hash, now, ct);
        }

        var claimed = await db.MemberInvitations
            .Where(i => i.Id == invitation.Id && i.TokenHash == hash && i.Status == MemberInvitationStatus.Invited && i.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, MemberInvitationStatus.Bound)
                .SetProperty(i => i.BoundAtUtc, now)
                .SetProperty(i => i.BoundUserId, user.Id)
                .SetProperty(i => i.Version, i => i.Version + 1), ct);
        if (claimed == 0)
        {
            // Used, revoked, resent or expired between opening and submitting: the account above is rolled back.
            await transaction.RollbackAsync(ct);
            throw await FailureAfterRaceAsync(db, invitation, hash, now, ct);
        }

        db.Audit(null, MemberInvitations.Change(invitation, MemberAuditActions.Join) with
        {
            After = new { UserId = user.Id, invitation.Email, invitation.Roles },
            Reason = name,
        }, time);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user.Id;
    }

    /// <summary>
    /// The roles the invitation offers, as this partner gives them (its system roles and its own custom roles). All of
    /// them or the link fails: joining with fewer roles than the admin chose, or none, would be a silent change.
    /// </summary>
    private static async Task<IReadOnlyList<RoleOption>> OfferedRolesAsync(AppDbContext db, MemberInvitation invitation, CancellationToken ct)
    {
        var roles = RoleOption.For(invitation.RoleList, await PartnerRoles.AssignableAsync(db, invitation.OrganizationId, ct));
        return roles.Count == 0 || roles.Count != invitation.RoleList.Distinct(StringComparer.Ordinal).Count()
            ? throw new MemberLinkInvalidException(MemberLinkFailure.RoleGone)
            : roles;
    }

    /// <summary>Why a join that lost a race failed, read again (after any rollback): what happened to the invitation meanwhile.</summary>
    private static async Task<MemberLinkInvalidException> FailureAfterRaceAsync(AppDbContext db, MemberInvitation seen, string hash, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await db.MemberInvitations.AsNoTracking().Where(i => i.Id == seen.Id)
            .Select(i => new { i.Status, i.TokenHash, i.ExpiresAtUtc }).SingleOrDefaultAsync(ct);
        var reason = current switch
        {
            null => MemberLinkFailure.Missing,
            { Status: MemberInvitationStatus.Bound } => MemberLinkFailure.Used,
            { Status: MemberInvitationStatus.Revoked } => MemberLinkFailure.Revoked,
            _ when current.TokenHash != hash => MemberLinkFailure.Replaced,
            _ when current.ExpiresAtUtc <= now => MemberLinkFailure.Expired,
            // Still open and unexpired, yet the account could not be created: the address got an account meanwhile.
            _ => await db.Users.AnyAsync(u => u.NormalizedEmail == seen.NormalizedEmail, ct) ? MemberLinkFailure.EmailTaken : MemberLinkFailure.Used,
        };
        return new MemberLinkInvalidException(reason);
    }

    private async Task<MemberInvitation> FindUsableAsync(AppDbContext db, string? token, CancellationToken ct)
    {
        if (!LinkTokens.IsWellFormed(token))
        {
            throw new MemberLinkInvalidException(MemberLinkFailure.Missing);
        }

        var hash = LinkTokens.Hash(token!);
        var invitation = await db.MemberInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct)
            ?? throw new MemberLinkInvalidException(MemberLinkFailure.Missing);
        var failure = invitation.Status switch
        {
            MemberInvitationStatus.Bound => MemberLinkFailure.Used,
            MemberInvitationStatus.Revoked => MemberLinkFailure.Revoked,
            _ when invitation.ExpiresAtUtc <= time.GetUtcNow().UtcDateTime => MemberLinkFailure.Expired,
            _ => (MemberLinkFailure?)null,
        };
        return failure is { } reason ? throw new MemberLinkInvalidException(reason) : invitation;
    }
}
