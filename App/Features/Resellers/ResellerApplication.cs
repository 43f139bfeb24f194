using BlazorPartner.Core.Data;
using BlazorPartner.Core.Tenancy;

namespace BlazorPartner.Features.Resellers;

/// <summary>Where a reseller application stands (R40): the vendor reviews first, then the distributor it names.</summary>
public enum ResellerApplicationStatus
{
    VendorReview = 0,
    DistributorReview = 1,

    /// <summary>Rejected at either level; the applicant may correct and resubmit through its link (a new round).</summary>
    Rejected = 2,

    /// <summary>The reseller organization exists under the distributor and its admin was invited.</summary>
    Approved = 3,
}

public enum ResellerReviewLevel
{
    Vendor = 0,
    Distributor = 1,
}

/// <summary>What happened to an application, one row per step, so every round's history stays readable.</summary>
public enum ResellerEventKind
{
    Submitted = 0,
    Resubmitted = 1,
    VendorApproved = 2,
    VendorRejected = 3,
    DistributorApproved = 4,
    DistributorRejected = 5,
}

/// <summary>
/// A company's application to become a reseller under the distributor it names (R40). The row belongs to that distributor
/// (its <see cref="OrganizationId"/>), so the tenant filter shows a distributor its own applications only; the vendor sees
/// all. The applicant has no account yet: the link token (stored only as a hash) is its credential to follow and resubmit.
/// </summary>
public class ResellerApplication : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The distributor the company wants (R40).</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>What the applicant quotes: "RA-" and 16 hex digits of the id (<see cref="ResellerRules.NumberFor"/>).</summary>
    public string Number { get; set; } = "";

    public string CompanyName { get; set; } = "";

    /// <summary>Unified social credit code, normalized (upper case).</summary>
    public string CreditCode { get; set; } = "";

    /// <summary>
    /// The credit code while this application holds it (under review or approved); null once rejected. Unique: one open
    /// application per company, and an approved reseller cannot apply again (R42).
    /// </summary>
    public string? HeldCreditCode { get; set; }

    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";

    /// <summary>Where the reseller admin's invitation goes on approval: a new account (R41, R42).</summary>
    public string ContactEmail { get; set; } = "";

    public ResellerApplicationStatus Status { get; set; }

    /// <summary>1 for the first submission, +1 for each resubmission after a rejection.</summary>
    public int Round { get; set; } = 1;

    public ResellerReviewLevel? RejectedAt { get; set; }
    public string? RejectionReason { get; set; }

    /// <summary>Who took the last decision, and when: what a reviewer who came second is told.</summary>
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>Lower-case hex SHA-256 of the applicant's link token.</summary>
    public string TokenHash { get; set; } = "";

    public DateTime SubmittedAtUtc { get; set; }

    /// <summary>When the current round was submitted (what the applicant did; shown in the lists and the history).</summary>
    public DateTime RoundSubmittedAtUtc { get; set; }

    /// <summary>
    /// Since when the application waits for the level that decides it now: the round's submission at the vendor, the vendor's
    /// approval at the distributor. Each level's age, order and lateness count from it (R40), so the distributor's 3 working
    /// days do not include the time the application spent at the vendor.
    /// </summary>
    public DateTime WaitingSinceUtc { get; set; }

    /// <summary>
    /// The language the applicant used on the form (a supported culture, e.g. zh-CN), renewed on each resubmission: every mail
    /// to the applicant is written in it, whoever's action sends it.
    /// </summary>
    public string ApplicantCulture { get; set; } = Platform.Localization.Cultures.English;

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The reseller organization created on approval.</summary>
    public Guid? ResellerOrganizationId { get; set; }

    public int Version { get; set; }
}

/// <summary>One step of an application's history. The submitted fields are kept per round, so a resubmission shows what changed.</summary>
public class ResellerApplicationEvent : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ApplicationId { get; set; }
    public Guid OrganizationId { get; set; }
    public int Round { get; set; }
    public ResellerEventKind Kind { get; set; }

    /// <summary>The reviewer's name; null for the applicant's own steps.</summary>
    public string? ActorName { get; set; }

    public string? Reason { get; set; }

    /// <summary>For a submission: company, credit code and contact as submitted in that round.</summary>
    public string? Details { get; set; }

    public DateTime AtUtc { get; set; }
}

/// <summary>A document the applicant uploaded (the business licence), checked for type and size, kept with its round.</summary>
public class ResellerApplicationAttachment : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ApplicationId { get; set; }
    public Guid OrganizationId { get; set; }
    public int Round { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedAtUtc { get; set; }
}
