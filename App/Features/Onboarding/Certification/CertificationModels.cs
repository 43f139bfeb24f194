namespace BlazorPartner.Features.Onboarding.Certification;

/// <summary>The business information a partner submits (all optional here: the service says what is missing).</summary>
public sealed record CertificationInput
{
    public string? LegalName { get; init; }
    public string? CreditCode { get; init; }
    public string? BankName { get; init; }
    public string? BankAccount { get; init; }
    public string? AccountHolder { get; init; }

    /// <summary>The version the partner saw (null for a first submission): a stale form is told, not applied.</summary>
    public int? ExpectedVersion { get; init; }
}

public sealed record CertificationEventRow(int Round, CertificationEventKind Kind, string? ActorName, string? Reason, DateTime AtUtc);

public sealed record CertificationDocumentRow(Guid Id, int Round, string FileName, long SizeBytes, DateTime UploadedAtUtc);

/// <summary>A certification as its partner and the vendor's reviewers read it.</summary>
public sealed record CertificationView(
    Guid Id,
    Guid OrganizationId,
    string PartnerName,
    string LegalName,
    string CreditCode,
    string BankName,
    string BankAccount,
    string AccountHolder,
    CertificationStatus Status,
    int Round,
    string? RejectionReason,
    string? DecidedByName,
    DateTime? DecidedAtUtc,
    DateTime WaitingSinceUtc,
    int Version,
    IReadOnlyList<CertificationEventRow> History,
    IReadOnlyList<CertificationDocumentRow> Documents)
{
    /// <summary>While a reviewer has it, the partner waits; otherwise it may submit (again).</summary>
    public bool CanSubmit => Status is not (CertificationStatus.ManualReview or CertificationStatus.BankLetterReview);

    public bool NeedsBankLetter => Status == CertificationStatus.BankLetterRequired;
}

/// <summary>What the vendor's reviewer compares: the partner's submission and the supplier record the vendor holds.</summary>
public sealed record CertificationReview(CertificationView Certification, string? SupplierBankName, string? SupplierBankAccount);

public sealed record CertificationRow(Guid Id, string PartnerName, string LegalName, CertificationStatus Status, int Round, DateTime WaitingSinceUtc, string? DecidedByName, int Version);

public sealed record CertificationPage(IReadOnlyList<CertificationRow> Rows, int TotalCount);

public enum CertificationFilter
{
    ToReview = 0,
    All = 1,
}

public sealed record CertificationTarget(Guid Id, int ExpectedVersion);

public sealed record RejectCertificationInput(CertificationTarget Target, string? Reason);
