using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.ReviewInbox;

/// <summary>
/// An unbound member can no longer decide anything, so the items assigned to them go back to nobody (audited like any
/// unassignment): otherwise they would sit under a locked account and vanish from the "Unassigned" filter.
/// </summary>
public sealed class ClearAssignmentsOnUnbinding(TimeProvider time) : IMemberUnbindingStep
{
    public async Task UnbindingAsync(AppDbContext db, Actor actor, string userId, CancellationToken ct)
    {
        var assignments = await db.ReviewAssignments.Where(a => a.OrganizationId == actor.OrganizationId && a.AssigneeUserId == userId).ToListAsync(ct);
        foreach (var assignment in assignments)
        {
            db.ReviewAssignments.Remove(assignment);
            db.Audit(actor, new AuditChange(assignment.Kind.ToString(), assignment.ItemId.ToString(), ReviewInboxAuditActions.Assign)
            {
                OrganizationId = actor.OrganizationId,
                Before = new { Assignee = assignment.AssigneeName },
                After = new { Assignee = (string?)null },
                ReasonKey = "Todo.UnassignedOnUnbinding",
            }, time);
        }
    }
}
