using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Tenancy;

namespace BlazorPartner.Features.Opportunities;

public enum OpportunityStatus
{
    PendingAcceptance = 0,
    InProgress = 1,
    Delivered = 2,
    Lost = 3,
    Rejected = 4,
    AutoRejected = 5,
}

/// <summary>Progress stages after acceptance (R11). Delivered and Lost are terminal.</summary>
public enum ProgressStage
{
    Contacting = 0,
    Solution = 1,
    Bidding = 2,
    Contract = 3,
    Delivering = 4,
    Delivered = 5,
    Lost = 6,
}

public enum RejectionReason
{
    NotOurRegion = 0,
    NoCapacity = 1,
    CustomerUnreachable = 2,
    Duplicate = 3,
    Other = 4,

    /// <summary>Set by the system only (R10), never chosen in the reject dialog.</summary>
    DeadlinePassed = 5,
}

/// <summary>An opportunity (机会点) the vendor shared with one partner (R9–R11).</summary>
public class Opportunity : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Human-readable number: OPP-yyMMdd (Beijing share date) plus a unique suffix, e.g. OPP-261121-3F9A2C71.</summary>
    public string Number { get; set; } = "";

    /// <summary>The partner the opportunity is shared with (the tenant).</summary>
    public Guid OrganizationId { get; set; }

    public string CustomerName { get; set; } = "";
    public string Industry { get; set; } = "";
    public string Region { get; set; } = "";
    public string City { get; set; } = "";

    /// <summary>Cloud services of interest, stored as a ';'-separated list of service codes.</summary>
    public string CloudServices { get; set; } = "";

    public long EstimatedAmountFen { get; set; }
    public DateOnly ExpectedCloseDate { get; set; }
    public string Description { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";

    public OpportunityStatus Status { get; set; }
    public ProgressStage? Stage { get; set; }

    public string? AssignedToUserId { get; set; }

    public string SharedByUserId { get; set; } = "";
    public DateTime SharedAtUtc { get; set; }

    /// <summary>End of the 3rd working day after sharing, by the work calendar (R10). Fixed when shared.</summary>
    public DateTime DeadlineUtc { get; set; }

    public string? RespondedByUserId { get; set; }
    public string? RespondedByName { get; set; }
    public DateTime? RespondedAtUtc { get; set; }
    public RejectionReason? RejectionReason { get; set; }
    public string? RejectionNote { get; set; }

    /// <summary>Which auto-reject pass claimed this row; lets two app instances share one database safely.</summary>
    public Guid? AutoRejectRunId { get; set; }

    public DateTime? ClosedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public int Version { get; set; }

    /// <summary>Marks a pending opportunity accepted by <paramref name="by"/> (R9) and opens its progress at "contacting".</summary>
    public OpportunityProgressEntry Accept(string byUserId, string byName, DateTime nowUtc)
    {
        Status = OpportunityStatus.InProgress;
        Stage = ProgressStage.Contacting;
        MarkResponded(byUserId, byName, nowUtc);
        return new OpportunityProgressEntry
        {
            OpportunityId = Id,
            OrganizationId = OrganizationId,
            Stage = ProgressStage.Contacting,
            NoteKey = AcceptedNoteKey,
            ByUserId = byUserId,
            ByName = byName,
            AtUtc = nowUtc,
        };
    }

    /// <summary>Rejects a pending opportunity with a coded reason (R9).</summary>
    public void Reject(string? byUserId, string byName, RejectionReason reason, string? note, DateTime nowUtc)
    {
        Status = reason == Opportunities.RejectionReason.DeadlinePassed ? OpportunityStatus.AutoRejected : OpportunityStatus.Rejected;
        RejectionReason = reason;
        RejectionNote = string.IsNullOrEmpty(note) ? null : note;
        MarkResponded(byUserId, byName, nowUtc);
        ClosedAtUtc = nowUtc;
    }

    /// <summary>Records the next stage (R11) and closes the opportunity when that stage is terminal.</summary>
    public OpportunityProgressEntry MoveTo(ProgressStage next, string note, string byUserId, string byName, DateTime nowUtc)
    {
        Stage = next;
        Status = OpportunityRules.StatusFor(next);
        UpdatedAtUtc = nowUtc;
        if (OpportunityRules.IsTerminal(Status))
        {
            ClosedAtUtc = nowUtc;
        }

        return new OpportunityProgressEntry
        {
            OpportunityId = Id,
            OrganizationId = OrganizationId,
            Stage = next,
            Note = note,
            ByUserId = byUserId,
            ByName = byName,
            AtUtc = nowUtc,
        };
    }

    /// <summary>Resource key of the timeline note the acceptance writes.</summary>
    public const string AcceptedNoteKey = "Opportunity.AcceptedNote";

    private void MarkResponded(string? byUserId, string byName, DateTime nowUtc)
    {
        RespondedByUserId = byUserId;
        RespondedByName = byName;
        RespondedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }
}

public class OpportunityProgressEntry : ITenantOwned
{
    public long Id { get; set; }
    public Guid OpportunityId { get; set; }
    public Guid OrganizationId { get; set; }
    public ProgressStage Stage { get; set; }

    /// <summary>What the user wrote; empty for entries the system writes.</summary>
    public string Note { get; set; } = "";

    /// <summary>A system note as a resource key (e.g. the acceptance entry), shown in the reader's language.</summary>
    public string? NoteKey { get; set; }

    public string ByUserId { get; set; } = "";
    public string ByName { get; set; } = "";
    public DateTime AtUtc { get; set; }
}
