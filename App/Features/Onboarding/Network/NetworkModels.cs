namespace BlazorPartner.Features.Onboarding.Network;

/// <summary>What the applicant types on the public form (all optional here: the service says what is missing).</summary>
public sealed record NetworkApplicationInput
{
    public string? CompanyName { get; init; }
    public string? CreditCode { get; init; }
    public string? RegisteredAddress { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
}

/// <summary>What the applicant keeps after submitting: the number, the link (shown once, also mailed) and the outcome.</summary>
public sealed record SubmittedNetworkApplication(Guid Id, string Number, string Token, NetworkApplicationStatus Status, IReadOnlyList<NetworkCheck> FailedChecks);

public sealed record NetworkEventRow(int Round, NetworkEventKind Kind, string? ActorName, string? Reason, string? Details, DateTime AtUtc);

public sealed record NetworkDocumentRow(Guid Id, int Round, string FileName, string ContentType, long SizeBytes);

/// <summary>An application as the applicant and the vendor read it, with its whole history.</summary>
public sealed record NetworkApplicationDetail(
    Guid Id,
    string Number,
    string CompanyName,
    string CreditCode,
    string RegisteredAddress,
    string ContactName,
    string ContactPhone,
    string ContactEmail,
    NetworkApplicationStatus Status,
    int Round,
    IReadOnlyList<NetworkCheck> FailedChecks,
    string? RejectionReason,
    string? DecidedByName,
    DateTime? DecidedAtUtc,
    DateTime RoundSubmittedAtUtc,
    int Version,
    IReadOnlyList<NetworkEventRow> History,
    IReadOnlyList<NetworkDocumentRow> Documents)
{
    public bool CanResubmit => Status == NetworkApplicationStatus.Rejected;
}

public sealed record NetworkApplicationRow(
    Guid Id,
    string Number,
    string CompanyName,
    string CreditCode,
    NetworkApplicationStatus Status,
    int Round,
    IReadOnlyList<NetworkCheck> FailedChecks,
    DateTime RoundSubmittedAtUtc,
    string? DecidedByName,
    int Version);

public sealed record NetworkApplicationPage(IReadOnlyList<NetworkApplicationRow> Rows, int TotalCount);

public enum NetworkApplicationFilter
{
    ToReview = 0,
    All = 1,
}

/// <summary>An application a reviewer acts on, with the version the reviewer saw.</summary>
public sealed record NetworkApplicationTarget(Guid Id, int ExpectedVersion);

public sealed record RejectNetworkApplicationInput(NetworkApplicationTarget Target, string? Reason);
