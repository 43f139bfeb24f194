using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Opportunities;

/// <summary>
/// Partner-side commands: accept, reject (R9), assign (R3), progress (R11). Each re-checks tenant and permission,
/// writes its audit row in the same SaveChanges, and relies on the row version so that of two users acting on the
/// same opportunity at once exactly one succeeds and the other learns who beat them.
/// </summary>
public sealed class OpportunityWorkflow(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<OpportunityWorkflow> logger)
{
    public const int MaxNoteLength = 500;
    public const int MaxProgressNoteLength = 1000;

    /// <summary>Accepts a pending opportunity (R9); returns its number for the confirmation message.</summary>
    public async Task<string> AcceptAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        actor.Demand(Permissions.OpportunitiesRespond);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var opportunity = await LoadForResponseAsync(db, actor, id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (now >= opportunity.DeadlineUtc)
        {
            throw new OpportunityStateException(opportunity.Number, opportunity.Status, "Opportunity.DeadlinePassed");
        }

        opportunity.Status = OpportunityStatus.InProgress;
        opportunity.Stage = ProgressStage.Contacting;
        opportunity.RespondedByUserId = actor.UserId;
        opportunity.RespondedByName = actor.DisplayName;
        opportunity.RespondedAtUtc = now;
        opportunity.UpdatedAtUtc = now;
        opportunity.AssignedToUserId ??= actor.IsInRole(AppRoles.AccountManager) ? actor.UserId : null;
        db.OpportunityProgress.Add(new OpportunityProgressEntry
        {
            OpportunityId = id,
            OrganizationId = opportunity.OrganizationId,
            Stage = ProgressStage.Contacting,
            Note = "Accepted",
            ByUserId = actor.UserId,
            ByName = actor.DisplayName,
            AtUtc = now,
        });
        db.Audit(actor, opportunity.OrganizationId, nameof(Opportunity), id.ToString(), "opportunity.accept",
            new { Status = OpportunityStatus.PendingAcceptance }, new { opportunity.Status, opportunity.Stage }, null, time);
        await SaveOrReportWinnerAsync(db, opportunity, ct);
        return opportunity.Number;
    }

    public async Task RejectAsync(Actor actor, Guid id, RejectionReason? reason, string? note, CancellationToken ct = default)
    {
        actor.Demand(Permissions.OpportunitiesRespond);
        var trimmedNote = note?.Trim() ?? "";
        var errors = new Dictionary<string, string>();
        if (reason is null or RejectionReason.DeadlinePassed)
        {
            errors["Reason"] = "Opportunity.ReasonRequired";
        }

        if (reason == RejectionReason.Other && trimmedNote.Length == 0)
        {
            errors["Note"] = "Opportunity.NoteRequiredForOther";
        }

        if (trimmedNote.Length > MaxNoteLength)
        {
            errors["Note"] = "Opportunity.NoteTooLong";
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var opportunity = await LoadForResponseAsync(db, actor, id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        opportunity.Status = OpportunityStatus.Rejected;
        opportunity.RejectionReason = reason;
        opportunity.RejectionNote = trimmedNote.Length == 0 ? null : trimmedNote;
        opportunity.RespondedByUserId = actor.UserId;
        opportunity.RespondedByName = actor.DisplayName;
        opportunity.RespondedAtUtc = now;
        opportunity.ClosedAtUtc = now;
        opportunity.UpdatedAtUtc = now;
        db.Audit(actor, opportunity.OrganizationId, nameof(Opportunity), id.ToString(), "opportunity.reject",
            new { Status = OpportunityStatus.PendingAcceptance }, new { opportunity.Status, Reason = reason }, $"{reason}: {trimmedNote}".TrimEnd(' ', ':'), time);
        await SaveOrReportWinnerAsync(db, opportunity, ct);
    }

    /// <summary>Accepts each selected pending row on its own; one failure does not undo the others, and each is reported.</summary>
    public async Task<BulkAcceptResult> AcceptManyAsync(Actor actor, IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        actor.Demand(Permissions.OpportunitiesRespond);
        var accepted = new List<string>();
        var failures = new List<BulkAcceptFailure>();
        foreach (var id in ids.Distinct())
        {
            try
            {
                accepted.Add(await AcceptAsync(actor, id, ct));
            }
            catch (BusinessException error)
            {
                failures.Add(new BulkAcceptFailure(id, error));
            }
        }

        return new BulkAcceptResult(accepted, failures);
    }

    public async Task AssignAsync(Actor actor, Guid id, string accountManagerUserId, CancellationToken ct = default)
    {
        actor.Demand(Permissions.OpportunitiesAssign);
        if (actor.IsVendor)
        {
            throw new AccessDeniedException("assign a partner's opportunity");
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var opportunity = await db.Opportunities.VisibleTo(db, actor).SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException(nameof(Opportunity), id);
        if (OpportunityRules.IsTerminal(opportunity.Status))
        {
            throw new OpportunityStateException(opportunity.Number, opportunity.Status, "Opportunity.Closed");
        }

        var assignee = await db.Users.SingleOrDefaultAsync(u => u.Id == accountManagerUserId && u.OrganizationId == actor.OrganizationId, ct);
        var assigneeIsManager = assignee is not null && await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == assignee.Id && (r.Name == AppRoles.AccountManager || r.Name == AppRoles.AccountManagerSupervisor)
            select ur).AnyAsync(ct);
        if (assignee is null || !assigneeIsManager)
        {
            throw new ValidationException(new Dictionary<string, string> { ["AssignedTo"] = "Opportunity.AssigneeInvalid" });
        }

        var before = opportunity.AssignedToUserId;
        opportunity.AssignedToUserId = assignee.Id;
        opportunity.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        db.Audit(actor, opportunity.OrganizationId, nameof(Opportunity), id.ToString(), "opportunity.assign",
            new { AssignedTo = before }, new { AssignedTo = assignee.Id, AssignedToName = assignee.DisplayName }, null, time);
        await SaveOrReportWinnerAsync(db, opportunity, ct);
    }

    public async Task UpdateProgressAsync(Actor actor, Guid id, ProgressStage next, string? note, CancellationToken ct = default)
    {
        actor.Demand(Permissions.OpportunitiesProgress);
        var trimmed = note?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > MaxProgressNoteLength)
        {
            throw new ValidationException(new Dictionary<string, string> { ["Note"] = trimmed.Length == 0 ? "Opportunity.ProgressNoteRequired" : "Opportunity.NoteTooLong" });
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var opportunity = await db.Opportunities.VisibleTo(db, actor).SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException(nameof(Opportunity), id);
        if (!OpportunityVisibility.CanAct(actor, opportunity, Permissions.OpportunitiesProgress))
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

        var now = time.GetUtcNow().UtcDateTime;
        var beforeStatus = opportunity.Status;
        opportunity.Stage = next;
        opportunity.Status = OpportunityRules.StatusFor(next);
        opportunity.UpdatedAtUtc = now;
        if (OpportunityRules.IsTerminal(opportunity.Status))
        {
            opportunity.ClosedAtUtc = now;
        }

        db.OpportunityProgress.Add(new OpportunityProgressEntry
        {
            OpportunityId = id,
            OrganizationId = opportunity.OrganizationId,
            Stage = next,
            Note = trimmed,
            ByUserId = actor.UserId,
            ByName = actor.DisplayName,
            AtUtc = now,
        });
        db.Audit(actor, opportunity.OrganizationId, nameof(Opportunity), id.ToString(), "opportunity.progress",
            new { Status = beforeStatus, Stage = current }, new { opportunity.Status, Stage = next }, trimmed, time);
        await SaveOrReportWinnerAsync(db, opportunity, ct);
    }

    private static async Task<Opportunity> LoadForResponseAsync(AppDbContext db, Actor actor, Guid id, CancellationToken ct)
    {
        var opportunity = await db.Opportunities.VisibleTo(db, actor).SingleOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException(nameof(Opportunity), id);
        if (opportunity.Status != OpportunityStatus.PendingAcceptance)
        {
            throw AlreadyProcessed(opportunity);
        }

        if (!OpportunityVisibility.CanAct(actor, opportunity, Permissions.OpportunitiesRespond))
        {
            throw new AccessDeniedException("respond to an opportunity assigned to someone else");
        }

        return opportunity;
    }

    private async Task SaveOrReportWinnerAsync(AppDbContext db, Opportunity opportunity, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Concurrent change to opportunity {Number} lost the race", opportunity.Number);
            var entry = db.Entry(opportunity);
            await entry.ReloadAsync(ct);
            throw AlreadyProcessed(opportunity);
        }
    }

    private static BusinessException AlreadyProcessed(Opportunity current) =>
        current.Status == OpportunityStatus.PendingAcceptance
            ? new BusinessException(ErrorCodes.AlreadyProcessed, $"Opportunity {current.Number} was changed by someone else; reload and try again.", "Opportunity.ChangedElsewhere", current.Number)
            : new OpportunityAlreadyProcessedException(current.Number, current.Status, current.RespondedByName, current.RespondedAtUtc ?? current.UpdatedAtUtc);
}
