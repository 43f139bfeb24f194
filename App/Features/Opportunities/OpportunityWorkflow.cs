using BlazorPartner.Platform.Live;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Opportunities;

/// <summary>
/// Partner-side commands: accept, reject (R9), assign (R3), progress (R11). Each re-checks tenant and permission,
/// writes its audit row in the same SaveChanges, and relies on the row version so that of two users acting on the
/// same opportunity at once exactly one succeeds and the other learns who beat them. A command that carries the
/// version the user saw is also refused when the row changed since the user loaded it.
/// </summary>
public sealed class OpportunityWorkflow(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ChangeFeed changes, ILogger<OpportunityWorkflow> logger)
{
    public const int MaxNoteLength = 500;
    public const int MaxProgressNoteLength = 1000;

    /// <summary>Accepts a pending opportunity (R9); returns its number for the confirmation message.</summary>
    public async Task<string> AcceptAsync(Actor actor, OpportunityTarget target, CancellationToken ct = default)
    {
        actor.Demand(OpportunityPermissions.Respond);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var opportunity = await LoadForResponseAsync(db, actor, target, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (now >= opportunity.DeadlineUtc)
        {
            throw new OpportunityStateException(opportunity.Number, opportunity.Status, "Opportunity.DeadlinePassed");
        }

        db.OpportunityProgress.Add(opportunity.Accept(actor.UserId, actor.DisplayName, now));
        opportunity.AssignedToUserId ??= actor.IsInRole(AppRoles.AccountManager) ? actor.UserId : null;
        db.Audit(actor, Change(opportunity, OpportunityAuditActions.Accept) with
        {
            Before = new { Status = OpportunityStatus.PendingAcceptance },
            After = new { opportunity.Status, opportunity.Stage },
        }, time);
        await SaveOrReportWinnerAsync(db, opportunity, ct, responding: true);
        return opportunity.Number;
    }

    public async Task RejectAsync(Actor actor, RejectOpportunityInput input, CancellationToken ct = default)
    {
        actor.Demand(OpportunityPermissions.Respond);
        var errors = new InputErrors();
        if (input.Reason is not { } reason || !Enum.IsDefined(reason) || reason == RejectionReason.DeadlinePassed)
        {
            errors.Add(nameof(input.Reason), "Opportunity.ReasonRequired");
            reason = default;
        }

        var note = input.Note?.Trim() ?? "";
        if (input.Reason == RejectionReason.Other && note.Length == 0)
        {
            errors.Add(nameof(input.Note), "Opportunity.NoteRequiredForOther");
        }

        note = errors.Text(nameof(input.Note), note, MaxNoteLength, required: false);
        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var opportunity = await LoadForResponseAsync(db, actor, input.Target, ct);
        opportunity.Reject(actor.UserId, actor.DisplayName, reason, note, time.GetUtcNow().UtcDateTime);
        db.Audit(actor, Change(opportunity, OpportunityAuditActions.Reject) with
        {
            Before = new { Status = OpportunityStatus.PendingAcceptance },
            After = new { opportunity.Status, Reason = reason },
            Reason = note.Length == 0 ? null : note,
        }, time);
        await SaveOrReportWinnerAsync(db, opportunity, ct, responding: true);
    }

    /// <summary>Accepts each selected pending row on its own; one failure does not undo the others, and each is reported.</summary>
    public async Task<BulkAcceptResult> AcceptManyAsync(Actor actor, IReadOnlyCollection<OpportunityTarget> targets, CancellationToken ct = default)
    {
        actor.Demand(OpportunityPermissions.Respond);
        var accepted = new List<string>();
        var failures = new List<BulkAcceptFailure>();
        foreach (var target in targets.DistinctBy(t => t.Id))
        {
            try
            {
                accepted.Add(await AcceptAsync(actor, target, ct));
            }
            catch (BusinessException error)
            {
                failures.Add(new BulkAcceptFailure(target.Id, error));
            }
        }

        return new BulkAcceptResult(accepted, failures);
    }

    public async Task AssignAsync(Actor actor, AssignOpportunityInput input, CancellationToken ct = default)
    {
        actor.Demand(OpportunityPermissions.Assign);
        if (actor.IsVendor)
        {
            throw new AccessDeniedException("assign a partner's opportunity");
        }

        if (string.IsNullOrWhiteSpace(input.AssignedTo))
        {
            throw new ValidationException(nameof(input.AssignedTo), "Opportunity.AssigneeRequired");
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var opportunity = await LoadVisibleAsync(db, actor, input.Target, ct);
        if (OpportunityRules.IsTerminal(opportunity.Status))
        {
            throw new OpportunityStateException(opportunity.Number, opportunity.Status, "Opportunity.Closed");
        }

        var assignee = await db.Users.SingleOrDefaultAsync(u => u.Id == input.AssignedTo && u.OrganizationId == actor.OrganizationId, ct);
        var assigneeIsManager = assignee is not null && await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == assignee.Id && (r.Name == AppRoles.AccountManager || r.Name == AppRoles.AccountManagerSupervisor)
            select ur).AnyAsync(ct);
        if (assignee is null || !assigneeIsManager)
        {
            throw new ValidationException(nameof(input.AssignedTo), "Opportunity.AssigneeInvalid");
        }

        var beforeName = opportunity.AssignedToUserId is { } previous
            ? await db.Users.Where(u => u.Id == previous).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
            : null;
        opportunity.AssignedToUserId = assignee.Id;
        opportunity.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        db.Audit(actor, Change(opportunity, OpportunityAuditActions.Assign) with
        {
            Before = new { AssignedTo = beforeName },
            After = new { AssignedTo = assignee.DisplayName },
        }, time);
        await SaveOrReportWinnerAsync(db, opportunity, ct);
    }

    public async Task UpdateProgressAsync(Actor actor, UpdateProgressInput input, CancellationToken ct = default)
    {
        actor.Demand(OpportunityPermissions.Progress);
        var errors = new InputErrors();
        if (input.Stage is not { } next || !Enum.IsDefined(next))
        {
            errors.Add(nameof(input.Stage), "Opportunity.StageRequired");
            next = default;
        }

        var note = errors.Text(nameof(input.Note), input.Note, MaxProgressNoteLength);
        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var opportunity = await LoadVisibleAsync(db, actor, input.Target, ct);
        if (!OpportunityVisibility.CanAct(actor, opportunity, OpportunityPermissions.Progress))
        {
            throw new AccessDeniedException("update progress of an opportunity assigned to someone else");
        }

        if (opportunity.Status != OpportunityStatus.InProgress || opportunity.Stage is not { } current)
        {
            throw new IllegalTransitionException(opportunity.Stage, next);
        }

        if (!OpportunityRules.CanMoveTo(current, next))
        {
            throw new IllegalTransitionException(current, next);
        }

        var beforeStatus = opportunity.Status;
        db.OpportunityProgress.Add(opportunity.MoveTo(next, note, actor.UserId, actor.DisplayName, time.GetUtcNow().UtcDateTime));
        db.Audit(actor, Change(opportunity, OpportunityAuditActions.Progress) with
        {
            Before = new { Status = beforeStatus, Stage = current },
            After = new { opportunity.Status, Stage = next },
            Reason = note,
        }, time);
        await SaveOrReportWinnerAsync(db, opportunity, ct);
    }

    private static AuditChange Change(Opportunity opportunity, string action) =>
        new(nameof(Opportunity), opportunity.Id.ToString(), action) { OrganizationId = opportunity.OrganizationId };

    private static async Task<Opportunity> LoadVisibleAsync(AppDbContext db, Actor actor, OpportunityTarget target, CancellationToken ct, bool responding = false)
    {
        var opportunity = await db.Opportunities.VisibleTo(db, actor).SingleOrDefaultAsync(o => o.Id == target.Id, ct)
            ?? throw new NotFoundException(nameof(Opportunity), target.Id);
        // An answer to a row someone else already answered reports who was first, whatever version the user saw.
        if (responding && opportunity.Status != OpportunityStatus.PendingAcceptance)
        {
            throw Stale(opportunity, responding);
        }

        if (target.ExpectedVersion is { } seen && seen != opportunity.Version)
        {
            throw Stale(opportunity, responding);
        }

        return opportunity;
    }

    private static async Task<Opportunity> LoadForResponseAsync(AppDbContext db, Actor actor, OpportunityTarget target, CancellationToken ct)
    {
        var opportunity = await LoadVisibleAsync(db, actor, target, ct, responding: true);

        if (!OpportunityVisibility.CanAct(actor, opportunity, OpportunityPermissions.Respond))
        {
            throw new AccessDeniedException("respond to an opportunity assigned to someone else");
        }

        return opportunity;
    }

    private async Task SaveOrReportWinnerAsync(AppDbContext db, Opportunity opportunity, CancellationToken ct, bool responding = false)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            // Other users' lists, tab counts and details of this opportunity re-read it (issue 9 §2).
            changes.Publish(LiveTopics.Opportunities(opportunity.OrganizationId), LiveTopics.AllOpportunities);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Concurrent change to opportunity {Number} lost the race", opportunity.Number);
            var entry = db.Entry(opportunity);
            await entry.ReloadAsync(ct);
            throw Stale(opportunity, responding);
        }
    }

    /// <summary>
    /// The row is not what the user acted on. When someone else already answered it, say who and when (CBC.0155);
    /// otherwise ask for a reload.
    /// </summary>
    private static BusinessException Stale(Opportunity current, bool responding) =>
        !responding || current.Status == OpportunityStatus.PendingAcceptance
            ? new BusinessException(ErrorCodes.AlreadyProcessed, $"Opportunity {current.Number} was changed by someone else; reload and try again.", "Opportunity.ChangedElsewhere", current.Number)
            : new OpportunityAlreadyProcessedException(current.Number, current.Status, current.RespondedByName, current.RespondedAtUtc ?? current.UpdatedAtUtc);
}
