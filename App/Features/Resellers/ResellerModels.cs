namespace BlazorPartner.Features.Resellers;

/// <summary>What the applicant types on the public form (all optional here: the service says what is missing).</summary>
public sealed record ResellerApplicationInput
{
    public string? CompanyName { get; init; }
    public string? CreditCode { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
    public Guid? DistributorId { get; init; }
}

public sealed record DistributorOption(Guid Id, string Name);

/// <summary>What the applicant keeps after submitting: the number to quote and the link (shown once, also mailed).</summary>
public sealed record SubmittedApplication(Guid Id, string Number, string Token);

public sealed record ApplicationEventRow(int Round, ResellerEventKind Kind, string? ActorName, string? Reason, string? Details, DateTime AtUtc);

public sealed record AttachmentRow(Guid Id, int Round, string FileName, string ContentType, long SizeBytes);

/// <summary>An application as the applicant, the vendor and the distributor read it, with its whole history.</summary>
public sealed record ApplicationDetail(
    Guid Id,
    string Number,
    string CompanyName,
    string CreditCode,
    string ContactName,
    string ContactPhone,
    string ContactEmail,
    Guid DistributorId,
    string DistributorName,
    ResellerApplicationStatus Status,
    int Round,
    ResellerReviewLevel? RejectedAt,
    string? RejectionReason,
    string? DecidedByName,
    DateTime? DecidedAtUtc,
    DateTime SubmittedAtUtc,
    DateTime RoundSubmittedAtUtc,
    int Version,
    IReadOnlyList<ApplicationEventRow> History,
    IReadOnlyList<AttachmentRow> Attachments)
{
    public bool CanResubmit => Status == ResellerApplicationStatus.Rejected;
}

/// <summary>A row of the reviewers' lists.</summary>
public sealed record ApplicationRow(
    Guid Id,
    string Number,
    string CompanyName,
    string CreditCode,
    string DistributorName,
    ResellerApplicationStatus Status,
    int Round,
    DateTime RoundSubmittedAtUtc,
    DateTime WaitingSinceUtc,
    string? DecidedByName,
    int Version);

/// <summary>An application a reviewer acts on, with the version the reviewer saw (so a stale click is told who was first).</summary>
public sealed record ApplicationTarget(Guid Id, int ExpectedVersion);

public sealed record RejectApplicationInput(ApplicationTarget Target, string? Reason);

/// <summary>One application's result in a batch: done, or the refusal's message key and arguments.</summary>
public sealed record BatchOutcome(Guid Id, string Number, string CompanyName, bool Succeeded, string? MessageKey, IReadOnlyList<object> Arguments);

/// <summary>Which applications a reviewer's list shows.</summary>
public enum ApplicationFilter
{
    /// <summary>Waiting for this reviewer's level.</summary>
    ToReview = 0,
    All = 1,
}

public sealed record ResellerRow(Guid Id, string Name, Guid? DistributorId, string? DistributorName, DateTime CreatedUtc);

public sealed record MoveResellerInput(Guid ResellerId, Guid? ExpectedDistributorId, Guid? NewDistributorId);
