using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Members;
using BlazorPartner.Platform.Live;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.ReviewInbox;

/// <summary>
/// An unbound member can no longer decide anything, so the items assigned to them go back to nobody (audited like any
/// unassignment): otherwise they would sit under a locked account and vanish from the "Unassigned" filter.
/// </summary>
public sealed class ClearAssignmentsOnUnbinding(TimeProvider time, ChangeFeed changes) : IMemberUnbindingStep
{
    // Open To do pages of the member's colleagues show the items back with nobody (the queue of the member's organization).
    public void Unbound(Actor actor, string userId) => changes.Publish(LiveTopics.ReviewQueueOf(actor));

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
