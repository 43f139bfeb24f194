using BlazorPartner.Core.Data;

namespace BlazorPartner.Features.Onboarding.Network;

/// <summary>Where an application to join the partner network stands (R5).</summary>
public enum NetworkApplicationStatus
{
    /// <summary>An automatic check failed: a vendor operator decides.</summary>
    ManualReview = 0,

    /// <summary>Rejected with a reason; the applicant corrects and resubmits through its link (a new round).</summary>
    Rejected = 1,

    /// <summary>The partner organization exists and its admin was invited (automatically or by a reviewer).</summary>
    Approved = 2,
}

/// <summary>The automatic checks every submission runs (R5). All pass: approved at once; any fails: manual review.</summary>
public enum NetworkCheck
{
    /// <summary>An 18-character unified social credit code whose check character is right.</summary>
    CreditCode = 0,

    /// <summary>The registered address and a contact phone are given.</summary>
    RequiredFields = 1,

    /// <summary>At least one business licence document is attached (in this round or an earlier one).</summary>
    Documents = 2,

    /// <summary>
    /// No organization already has this name or one that looks the same (<see cref="Core.Tenancy.OrganizationNames"/>): a
    /// reviewer decides whether it is the same company.
    /// </summary>
    NewCompany = 3,
}

public enum NetworkEventKind
{
    Submitted = 0,
    Resubmitted = 1,

    /// <summary>Every automatic check passed; the system approved.</summary>
    AutoApproved = 2,

    /// <summary>A check failed; the details name which.</summary>
    SentToReview = 3,
    Approved = 4,
    Rejected = 5,
}

/// <summary>
/// A company's application to join the partner network as a solution provider (R5). The applicant has no account yet: the
/// link's token (stored only as a hash) is its credential to follow and resubmit. Only the vendor reviews these, so the row
/// belongs to no tenant; the services check the vendor's permission themselves.
/// </summary>
public class NetworkApplication : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>"PN-" and 16 hex digits of the id.</summary>
    public string Number { get; set; } = "";

    public string CompanyName { get; set; } = "";

    /// <summary>As typed (upper case); the checksum is an automatic check, not a form error.</summary>
    public string CreditCode { get; set; } = "";

    /// <summary>The credit code while this application holds it (under review or approved); unique: one open application per company.</summary>
    public string? HeldCreditCode { get; set; }

    public string RegisteredAddress { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";

    /// <summary>Where the partner admin's invitation goes on approval: a new account (R41).</summary>
    public string ContactEmail { get; set; } = "";

    public NetworkApplicationStatus Status { get; set; }

    public int Round { get; set; } = 1;

    /// <summary>The checks this round failed, comma-separated <see cref="NetworkCheck"/> names; empty when all passed.</summary>
    public string FailedChecks { get; set; } = "";

    public string? RejectionReason { get; set; }

    /// <summary>Who took the last decision ("System" for an automatic approval), and when: what a reviewer who came second is told.</summary>
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAtUtc { get; set; }

    public string TokenHash { get; set; } = "";

    public DateTime SubmittedAtUtc { get; set; }

    /// <summary>When the current round was submitted: the reviewers' age of the item.</summary>
    public DateTime RoundSubmittedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>
    /// The language the applicant used on the form (a supported culture, e.g. zh-CN), renewed on each resubmission: every mail
    /// to the applicant is written in it, whoever's action sends it.
    /// </summary>
    public string ApplicantCulture { get; set; } = Platform.Localization.Cultures.English;

    public Guid? PartnerOrganizationId { get; set; }

    public int Version { get; set; }
}

/// <summary>One step of an application's history, kept per round.</summary>
public class NetworkApplicationEvent
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ApplicationId { get; set; }
    public int Round { get; set; }
    public NetworkEventKind Kind { get; set; }
    public string? ActorName { get; set; }
    public string? Reason { get; set; }

    /// <summary>For a submission the fields as submitted; for a check result the failed checks.</summary>
    public string? Details { get; set; }

    public DateTime AtUtc { get; set; }
}

/// <summary>A business licence the applicant uploaded, checked for type and size, kept with its round.</summary>
public class NetworkApplicationDocument
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ApplicationId { get; set; }
    public int Round { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedAtUtc { get; set; }
}
