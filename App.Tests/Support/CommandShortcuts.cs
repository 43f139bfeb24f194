using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Features.WorkCalendar;

namespace BlazorPartner.Tests.Support;

/// <summary>Positional shortcuts for the commands' input records, to keep rule tests short. Forms use the records.</summary>
public static class CommandShortcuts
{
    public static Task<string> AcceptAsync(this OpportunityWorkflow workflow, Actor actor, Guid id, int? expectedVersion = null) =>
        workflow.AcceptAsync(actor, new OpportunityTarget(id, expectedVersion));

    public static Task RejectAsync(this OpportunityWorkflow workflow, Actor actor, Guid id, RejectionReason? reason, string? note, int? expectedVersion = null) =>
        workflow.RejectAsync(actor, new RejectOpportunityInput(new OpportunityTarget(id, expectedVersion)) { Reason = reason, Note = note });

    public static Task AssignAsync(this OpportunityWorkflow workflow, Actor actor, Guid id, string? assignee, int? expectedVersion = null) =>
        workflow.AssignAsync(actor, new AssignOpportunityInput(new OpportunityTarget(id, expectedVersion)) { AssignedTo = assignee });

    public static Task UpdateProgressAsync(this OpportunityWorkflow workflow, Actor actor, Guid id, ProgressStage? stage, string? note, int? expectedVersion = null) =>
        workflow.UpdateProgressAsync(actor, new UpdateProgressInput(new OpportunityTarget(id, expectedVersion)) { Stage = stage, Note = note });

    public static Task<BulkAcceptResult> AcceptManyAsync(this OpportunityWorkflow workflow, Actor actor, IEnumerable<Guid> ids) =>
        workflow.AcceptManyAsync(actor, ids.Select(id => new OpportunityTarget(id)).ToList());

    public static Task SetDayAsync(this WorkCalendarEditor editor, Actor actor, DateOnly? date, CalendarDayKind kind, string? name) =>
        editor.SetDayAsync(actor, new SetCalendarDayInput { Date = date, Kind = kind, Name = name });
}
