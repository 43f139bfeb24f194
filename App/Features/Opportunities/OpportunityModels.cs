using BlazorPartner.Core.Currency;

namespace BlazorPartner.Features.Opportunities;

public enum OpportunitySort
{
    Deadline,
    SharedAt,
    Customer,
    Amount,
    ExpectedClose,
    Status,
    Number,
    Partner,
}

/// <summary>The grid's filter, sort and page. Export uses the same filter with no page, so it matches what the user sees.</summary>
public sealed record OpportunityQuery
{
    public OpportunityStatus? Status { get; init; }

    /// <summary>Matches number, customer name or city (contains).</summary>
    public string? Search { get; init; }

    public string? Industry { get; init; }
    public string? Region { get; init; }
    public Guid? PartnerOrganizationId { get; init; }
    public string? AssignedToUserId { get; init; }
    public OpportunitySort Sort { get; init; } = OpportunitySort.Deadline;
    public bool Descending { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = DefaultPageSize;

    /// <summary>
    /// Ten rows, as Huawei Cloud's consoles show by default (20, 50, 100 a click away). Each grid row keeps its own
    /// render-tree buffers on the server for as long as the tab is open, so the default decides most of a list page's
    /// memory per circuit (README, "Server memory per circuit").
    /// </summary>
    public const int DefaultPageSize = 10;
}

public sealed record OpportunityRow(
    Guid Id,
    string Number,
    Guid PartnerOrganizationId,
    string PartnerName,
    string CustomerName,
    string Industry,
    string Region,
    string City,
    string CloudServices,
    Money EstimatedAmount,
    DateOnly ExpectedCloseDate,
    OpportunityStatus Status,
    ProgressStage? Stage,
    string? AssignedToUserId,
    string? AssignedToName,
    DateTime SharedAtUtc,
    DateTime DeadlineUtc,
    string ContactName,
    string ContactPhone,
    int Version)
{
    /// <summary>Working days left before auto-rejection; only meaningful while pending (-1 = past due).</summary>
    public int WorkingDaysLeft { get; init; }

    /// <summary>Whether the current user may accept or reject this row now (set by the query service).</summary>
    public bool CanRespond { get; init; }
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>A timeline entry: the user's note, or a system note as a resource key.</summary>
public sealed record ProgressView(ProgressStage Stage, string Note, string? NoteKey, string ByName, DateTime AtUtc);

public sealed record OpportunityDetail(
    OpportunityRow Summary,
    string Description,
    string? RespondedByName,
    DateTime? RespondedAtUtc,
    RejectionReason? RejectionReason,
    string? RejectionNote,
    IReadOnlyList<ProgressView> Timeline,
    IReadOnlyList<Core.Auditing.AuditView> History,
    OpportunityActions Actions);

/// <summary>What the current user may do with this opportunity now; computed by the service so the UI holds no rules.</summary>
public sealed record OpportunityActions(bool CanRespond, bool CanAssign, bool CanUpdateProgress, IReadOnlyList<ProgressStage> NextStages);

public sealed record AssignableUser(string UserId, string DisplayName);

public sealed record BulkAcceptResult(IReadOnlyList<string> AcceptedNumbers, IReadOnlyList<BulkAcceptFailure> Failures);

public sealed record BulkAcceptFailure(Guid Id, Core.Errors.BusinessException Error);

/// <summary>Input of <see cref="OpportunitySharing.ShareAsync"/>; the share form binds to it, so field errors match by name.</summary>
public sealed record ShareOpportunityInput
{
    public Guid? PartnerOrganizationId { get; set; }
    public string CustomerName { get; set; } = "";
    public string Industry { get; set; } = "";
    public string Region { get; set; } = "";
    public string City { get; set; } = "";
    public IEnumerable<string> CloudServices { get; set; } = [];

    /// <summary>In yuan as typed; the service turns it into <see cref="Money"/> or a coded field error.</summary>
    public decimal? EstimatedAmount { get; set; }

    public DateOnly? ExpectedCloseDate { get; set; }
    public string Description { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
}

/// <summary>
/// Which opportunity a command acts on, and the version the user saw. With a version, a row that changed meanwhile is
/// refused (and the user told who was first) instead of acted on blindly.
/// </summary>
public sealed record OpportunityTarget(Guid Id, int? ExpectedVersion = null);

public sealed record RejectOpportunityInput(OpportunityTarget Target)
{
    public RejectionReason? Reason { get; set; }
    public string? Note { get; set; }
}

public sealed record AssignOpportunityInput(OpportunityTarget Target)
{
    /// <summary>User id of the account manager (or supervisor) who takes the opportunity.</summary>
    public string? AssignedTo { get; set; }
}

public sealed record UpdateProgressInput(OpportunityTarget Target)
{
    public ProgressStage? Stage { get; set; }
    public string? Note { get; set; }
}

public sealed record PartnerOption(Guid Id, string Name);
