using BlazorPartner.Core.Data;
using BlazorPartner.Core.Tenancy;

namespace BlazorPartner.Features.Onboarding.Certification;

/// <summary>Where a partner's business-information certification stands (R6).</summary>
public enum CertificationStatus
{
    /// <summary>Automatic certification could not decide (the account holder is not the company): a vendor reviewer does.</summary>
    ManualReview = 0,

    /// <summary>The bank details differ from those the vendor holds for the company as a supplier: upload a bank letter.</summary>
    BankLetterRequired = 1,

    /// <summary>A bank letter is uploaded; a vendor reviewer processes it (3–5 working days).</summary>
    BankLetterReview = 2,

    /// <summary>Rejected with a reason; the partner corrects and submits again.</summary>
    Rejected = 3,

    Certified = 4,
}

public enum CertificationEventKind
{
    Submitted = 0,

    /// <summary>Automatic certification passed.</summary>
    AutoCertified = 1,

    SentToReview = 2,
    BankMismatch = 3,
    BankLetterUploaded = 4,
    Approved = 5,
    Rejected = 6,
}

/// <summary>
/// A partner's business information as it submitted it for certification (R6): its legal name and credit code, and the bank
/// account incentives are paid to. One row per partner; each submission is a new round and the history keeps every step.
/// </summary>
public class BusinessCertification : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }

    public string LegalName { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public string BankName { get; set; } = "";

    /// <summary>Digits only; shown masked (R4).</summary>
    public string BankAccount { get; set; } = "";

    public string AccountHolder { get; set; } = "";

    public CertificationStatus Status { get; set; }

    public int Round { get; set; } = 1;

    public string? RejectionReason { get; set; }

    public string? DecidedByName { get; set; }
    public DateTime? DecidedAtUtc { get; set; }

    public DateTime SubmittedAtUtc { get; set; }

    /// <summary>Since when it waits in its current status: the reviewers' age of the item.</summary>
    public DateTime WaitingSinceUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public int Version { get; set; }
}

public class CertificationEvent : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CertificationId { get; set; }
    public Guid OrganizationId { get; set; }
    public int Round { get; set; }
    public CertificationEventKind Kind { get; set; }
    public string? ActorName { get; set; }
    public string? Reason { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>A bank letter the partner uploaded for a reviewer, kept with its round.</summary>
public class CertificationDocument : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CertificationId { get; set; }
    public Guid OrganizationId { get; set; }
    public int Round { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>
/// A company the vendor already buys from, with the bank account its supplier system holds (R6): the vendor's data, not a
/// tenant's. Certification compares a partner's bank details with it.
/// </summary>
public class SupplierRecord
{
    public string CreditCode { get; set; } = "";
    public string CompanyName { get; set; } = "";
    public string BankName { get; set; } = "";
    public string BankAccount { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
}
