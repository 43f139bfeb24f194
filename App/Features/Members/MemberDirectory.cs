using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Platform.Identity.Sessions;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features.Roles;
using BlazorPartner.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Members;

public enum MemberStatus
{
    Bound = 0,
    Unbound = 1,
}

public sealed record MemberRow(string UserId, string DisplayName, string Email, IReadOnlyList<RoleOption> Roles, MemberStatus Status, DateTime? UnboundAtUtc, bool IsYou, string Stamp);

public sealed record MemberInvitationRow(
    Guid Id,
    string Email,
    IReadOnlyList<RoleOption> Roles,
    MemberInvitationState State,
    string InvitedByName,
    DateTime InvitedAtUtc,
    DateTime LastSentAtUtc,
    int SendCount,
    DateTime ExpiresAtUtc,
    int Version);

/// <summary>A member whose roles the admin changes, with the stamp the admin saw.</summary>
public sealed record MemberRolesTarget(string UserId, string ExpectedStamp);

public sealed record MemberPage<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>
/// The partner's members and invitations (R1, R2) for the admin, and unbinding. Unbinding keeps the account for the
/// records (audit rows, assignment history name it) but locks it for good, changes its security stamp and deletes its
/// server-side sessions: its next request is refused, its circuits' next action too (<c>CurrentActor</c> re-checks the
/// session), and its open circuits lose access at their next revalidation (30 s).
/// </summary>
/// <remarks><paramref name="sessionCache"/> is this instance's cache of session lookups (absent where Identity is not wired, as in
/// service tests); other instances' caches forget within their few seconds.</remarks>
public sealed class MemberDirectory(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, Notifier notifier, IEnumerable<IMemberUnbindingStep> unbindingSteps, SessionCache? sessionCache = null)
{
    public async Task<MemberPage<MemberRow>> GetMembersAsync(Actor actor, int skip, int take, CancellationToken ct = default)
    {
        DemandViewer(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var members = db.Users.AsNoTracking().Where(u => u.OrganizationId == actor.OrganizationId);
        var total = await members.CountAsync(ct);
        var page = await members
            .OrderBy(u => u.UnboundAtUtc != null).ThenBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 100))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.UnboundAtUtc, u.ConcurrencyStamp })
            .ToListAsync(ct);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ids.Contains(ur.UserId)
            select new { ur.UserId, r.Name }).ToListAsync(ct);
        var assignable = await PartnerRoles.AssignableAsync(db, actor.OrganizationId, ct);
        return new MemberPage<MemberRow>(
            page.Select(u => new MemberRow(
                u.Id,
                u.DisplayName,
                u.Email ?? "",
                RoleOption.For(roles.Where(x => x.UserId == u.Id).Select(x => x.Name!), assignable),
                u.UnboundAtUtc is null ? MemberStatus.Bound : MemberStatus.Unbound,
                u.UnboundAtUtc,
                u.Id == actor.UserId,
                u.ConcurrencyStamp ?? "")).ToList(),
            total);
    }

    public async Task<MemberPage<MemberInvitationRow>> GetInvitationsAsync(Actor actor, MemberInvitationState? state, int skip, int take, CancellationToken ct = default)
    {
        DemandViewer(actor);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var query =
            from i in db.MemberInvitations.AsNoTracking()
            where i.OrganizationId == actor.OrganizationId
            join u in db.Users on i.BoundUserId equals u.Id into bound
            from member in bound.DefaultIfEmpty()
            select new { Invitation = i, MemberUnbound = member != null && member.UnboundAtUtc != null };
        query = state switch
        {
            MemberInvitationState.Invited => query.Where(x => x.Invitation.Status == MemberInvitationStatus.Invited && x.Invitation.ExpiresAtUtc > now),
            MemberInvitationState.Expired => query.Where(x => x.Invitation.Status == MemberInvitationStatus.Invited && x.Invitation.ExpiresAtUtc <= now),
            MemberInvitationState.Bound => query.Where(x => x.Invitation.Status == MemberInvitationStatus.Bound && !x.MemberUnbound),
            MemberInvitationState.Unbound => query.Where(x => x.Invitation.Status == MemberInvitationStatus.Bound && x.MemberUnbound),
            MemberInvitationState.Revoked => query.Where(x => x.Invitation.Status == MemberInvitationStatus.Revoked),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(x => x.Invitation.InvitedAtUtc).ThenBy(x => x.Invitation.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 100))
            .ToListAsync(ct);
        var assignable = await PartnerRoles.AssignableAsync(db, actor.OrganizationId, ct);
        return new MemberPage<MemberInvitationRow>(
            rows.Select(x => new MemberInvitationRow(
                x.Invitation.Id,
                x.Invitation.Email,
                RoleOption.For(x.Invitation.RoleList, assignable),
                MemberRules.StateOf(x.Invitation.Status, x.Invitation.ExpiresAtUtc, x.MemberUnbound, now),
                x.Invitation.InvitedByName,
                x.Invitation.InvitedAtUtc,
                x.Invitation.LastSentAtUtc,
                x.Invitation.SendCount,
                x.Invitation.ExpiresAtUtc,
                x.Invitation.Version)).ToList(),
            total);
    }

    /// <summary>Ends the member's access (R2 "unbound"). Not oneself, and never the partner's last bound admin.</summary>
    public async Task UnbindAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        actor.Demand(MemberPermissions.Manage);
        if (actor.IsVendor)
        {
            throw new AccessDeniedException("manage a partner's members");
        }

        if (userId == actor.UserId)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, "An admin cannot unbind themselves.", "Member.CannotUnbindSelf");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The partner's admins are counted below: two admins unbinding or demoting each other at once must queue, or on
        // PostgreSQL each would still count the other and the partner would be left without one.
        await OrganizationLock.LockAsync(db, actor.OrganizationId, ct);

        // The claim is a write: of two admins unbinding one member at once, one changes the row.
        var stamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        var claimed = await db.Users
            .Where(u => u.Id == userId && u.OrganizationId == actor.OrganizationId && u.UnboundAtUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.UnboundAtUtc, now)
                .SetProperty(u => u.LockoutEnabled, true)
                .SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)
                .SetProperty(u => u.SecurityStamp, stamp)
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString()), ct);
        var member = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.OrganizationId == actor.OrganizationId)
            .Select(u => new { u.DisplayName, u.Email, u.UnboundAtUtc }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Member", userId);
        if (claimed == 0)
        {
            throw new BusinessException(ErrorCodes.AlreadyProcessed, $"{member.DisplayName} is already unbound.", "Member.AlreadyUnbound", member.DisplayName);
        }

        // Unbinding takes away every role the member holds: a member manager cannot remove someone with more rights.
        var heldRoles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(ct);
        await PartnerRoles.DemandWithinReachAsync(db, actor, heldRoles, ct);

        var adminRoleId = await db.Roles.Where(r => r.Name == AppRoles.PartnerAdmin).Select(r => r.Id).SingleAsync(ct);
        var adminsLeft = await db.Users.CountAsync(u => u.OrganizationId == actor.OrganizationId && u.UnboundAtUtc == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRoleId), ct);
        if (adminsLeft == 0)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, "The partner's last admin cannot be unbound.", "Member.LastAdmin");
        }

        // Its server-side sessions go in the same transaction: the next request with its cookie finds none (each
        // instance's session cache forgets within seconds), and CurrentActor refuses its circuits' next action.
        var sessionIds = await db.Set<UserSession>().Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(ct);
        await db.Set<UserSession>().Where(s => sessionIds.Contains(s.Id)).ExecuteDeleteAsync(ct);
        foreach (var step in unbindingSteps)
        {
            await step.UnbindingAsync(db, actor, userId, ct);
        }

        db.Audit(actor, new AuditChange("Member", userId, MemberAuditActions.Unbind)
        {
            OrganizationId = actor.OrganizationId,
            Before = new { Status = MemberStatus.Bound },
            After = new { Status = MemberStatus.Unbound, member.Email },
        }, time);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var id in sessionIds)
        {
            sessionCache?.Forget(id);
        }

        foreach (var step in unbindingSteps)
        {
            step.Unbound(actor, userId);
        }
    }

    /// <summary>
    /// Gives a bound member other roles (R1). Applies on the member's next request or circuit action, without a new sign-in.
    /// Nobody changes their own roles, and only roles within the caller's own rights are given or taken away
    /// (<see cref="PartnerRoles.DemandWithinReach"/>); the partner keeps at least one bound admin.
    /// </summary>
    public async Task ChangeRolesAsync(Actor actor, MemberRolesTarget target, IReadOnlyList<string> roles, CancellationToken ct = default)
    {
        actor.Demand(MemberPermissions.Manage);
        if (actor.IsVendor)
        {
            throw new AccessDeniedException("manage a partner's members");
        }

        // A member manager raising themself is the escalation R1 rules out; an admin stepping down asks another admin.
        if (target.UserId == actor.UserId)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, "A member cannot change their own roles.", "Member.CannotChangeOwnRoles");
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Admins are counted below; see UnbindAsync.
        await OrganizationLock.LockAsync(db, actor.OrganizationId, ct);

        // The member's row is claimed first, by the stamp the admin saw: of two admins changing one member at once, one wins.
        var stamp = Guid.NewGuid().ToString();
        var claimed = await db.Users
            .Where(u => u.Id == target.UserId && u.OrganizationId == actor.OrganizationId && u.UnboundAtUtc == null && u.ConcurrencyStamp == target.ExpectedStamp)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, stamp), ct);
        var member = await db.Users.AsNoTracking().Where(u => u.Id == target.UserId && u.OrganizationId == actor.OrganizationId)
            .Select(u => new { u.DisplayName, u.UnboundAtUtc }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Member", target.UserId);
        if (claimed == 0)
        {
            throw member.UnboundAtUtc is not null
                ? new BusinessException(ErrorCodes.AlreadyProcessed, $"{member.DisplayName} is unbound.", "Member.AlreadyUnbound", member.DisplayName)
                : new BusinessException(ErrorCodes.AlreadyProcessed, $"{member.DisplayName} was changed by someone else.", "Member.ChangedMeanwhile", member.DisplayName);
        }

        var assignable = await PartnerRoles.AssignableAsync(db, actor.OrganizationId, ct);
        var errors = new InputErrors();
        var chosen = MemberInvitations.ValidRoles(errors, roles, assignable, "Roles");
        errors.ThrowIfAny();

        var held = await db.UserRoles.Where(ur => ur.UserId == target.UserId).ToListAsync(ct);
        var roleIds = await db.Roles.Where(r => r.Name != null && chosen.Select(c => c.Name).Contains(r.Name)).ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var heldNames = await db.Roles.Where(r => held.Select(h => h.RoleId).Contains(r.Id)).Select(r => r.Name!).ToListAsync(ct);
        var before = RoleOption.For(heldNames, assignable);
        if (before.Select(b => b.Name).SequenceEqual(chosen.Select(c => c.Name)))
        {
            return;
        }

        // Roles given and roles taken away alike: a member manager may neither promote nor demote beyond their own rights.
        var changed = before.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        changed.SymmetricExceptWith(chosen.Select(c => c.Name));
        await PartnerRoles.DemandWithinReachAsync(db, actor, changed, ct);

        db.UserRoles.RemoveRange(held);
        db.UserRoles.AddRange(chosen.Select(c => new IdentityUserRole<string> { UserId = target.UserId, RoleId = roleIds[c.Name] }));
        await db.SaveChangesAsync(ct);

        var adminRoleId = await db.Roles.Where(r => r.Name == AppRoles.PartnerAdmin).Select(r => r.Id).SingleAsync(ct);
        var adminsLeft = await db.Users.CountAsync(u => u.OrganizationId == actor.OrganizationId && u.UnboundAtUtc == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRoleId), ct);
        if (adminsLeft == 0)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, "The partner's last admin cannot lose the admin role.", "Member.LastAdminRole");
        }

        db.Audit(actor, new AuditChange("Member", target.UserId, RoleAuditActions.MemberRoles)
        {
            OrganizationId = actor.OrganizationId,
            Before = new { Member = member.DisplayName, Roles = before.Select(r => r.AuditText).ToList() },
            After = new { Member = member.DisplayName, Roles = chosen.Select(r => r.AuditText).ToList() },
        }, time);

        // The member hears of it; their menu has already changed by their next page.
        var bells = await notifier.StageAsync(db, [target.UserId],
            new NotificationDraft(RoleNotifications.MemberRolesChanged, "Notification.RolesChanged", [actor.DisplayName], "/"), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        bells.Ring();
    }

    private static void DemandViewer(Actor actor)
    {
        actor.Demand(MemberPermissions.View);
        if (actor.IsVendor)
        {
            throw new AccessDeniedException("read a partner's members");
        }
    }
}
