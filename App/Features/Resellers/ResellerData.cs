using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Uploads;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Resellers;

/// <summary>The reseller tables, reached through extension properties: the shared DbContext knows no feature.</summary>
public static class ResellerData
{
    extension(AppDbContext db)
    {
        public DbSet<ResellerApplication> ResellerApplications => db.Set<ResellerApplication>();

        public DbSet<ResellerApplicationEvent> ResellerApplicationEvents => db.Set<ResellerApplicationEvent>();

        public DbSet<ResellerApplicationAttachment> ResellerApplicationAttachments => db.Set<ResellerApplicationAttachment>();
    }
}

public static class ResellerRoutes
{
    /// <summary>The public application form (anonymous).</summary>
    public const string Apply = "/apply/reseller";

    /// <summary>The applicant's own page: status, history, resubmission. The token is the credential.</summary>
    public const string Follow = "/apply/reseller/{Token}";

    public const string VendorApplications = "/vendor/reseller-applications";

    public const string VendorResellers = "/vendor/resellers";

    /// <summary>R40's "reseller cooperation applications" tab, at the distributor.</summary>
    public const string DistributorApplications = "/organization/reseller-applications";

    public static string FollowLink(string baseUri, string token) => $"{baseUri.TrimEnd('/')}/apply/reseller/{token}";

    public static string Attachment(Guid applicationId, Guid attachmentId) => $"/reseller-applications/{applicationId}/attachments/{attachmentId}";
}

/// <summary>What the reseller slice lets roles do. Page policies and service checks both use these names.</summary>
public static class ResellerPermissions
{
    public const string Group = "Resellers";

    /// <summary>The vendor's first-level review (R40).</summary>
    public const string Review = "resellers.review";

    /// <summary>The vendor's channel manager moves a reseller to another distributor (R43).</summary>
    public const string Move = "resellers.move";

    /// <summary>The distributor's second-level decision (R40), held by the distributor reviewer role.</summary>
    public const string Decide = "resellers.decide";

    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        new(Review, Group, [AppRoles.VendorOperator]),
        new(Move, Group, [AppRoles.VendorOperator]),
        new(Decide, Group, [AppRoles.DistributorReviewer]),
    ];
}

/// <summary>Audit action codes; each has an <c>AuditAction.{code}</c> resource.</summary>
public static class ResellerAuditActions
{
    public const string VendorApprove = "reseller.vendor-approve";
    public const string VendorReject = "reseller.vendor-reject";
    public const string DistributorApprove = "reseller.distributor-approve";
    public const string DistributorReject = "reseller.distributor-reject";
    public const string Move = "reseller.move";
}

/// <summary>Notification kinds of this slice.</summary>
public static class ResellerNotifications
{
    public const string Submitted = "reseller.submitted";
    public const string ForDistributor = "reseller.for-distributor";

    /// <summary>The vendor moved a reseller to another distributor (R43).</summary>
    public const string Moved = "reseller.moved";
}

public static class ResellerErrorCodes
{
    /// <summary>The applicant's link is unknown: CBC.0154 token invalid or expired.</summary>
    public const string LinkInvalid = "CBC.0154";
}

/// <summary>R40's limits: lengths, attachments (type by content, size, count) and the page size of the lists.</summary>
public static class ResellerRules
{
    public const int MaxCompanyName = 200;
    public const int MaxContactName = 100;
    public const int MaxReason = 500;

    public const long MaxAttachmentBytes = DocumentUploads.MaxBytes;
    public const int MaxAttachments = 3;

    /// <summary>The service level each review level aims at: decided within this many working days (work calendar).</summary>
    public const int ReviewWorkingDays = 3;

    public const int PageSize = 20;

    /// <summary>
    /// "RA-" and 64 bits of the id in two groups of 8 hex digits: short enough to quote on the phone, long enough never to
    /// collide (8 digits alone, 32 bits, collide after some 10^5 applications; the benchmark's 200,000 hit it).
    /// </summary>
    public static string NumberFor(Guid id)
    {
        var hex = id.ToString("N").ToUpperInvariant();
        return $"RA-{hex[..8]}-{hex[8..16]}";
    }

    /// <summary>The status an application waits in for <paramref name="level"/>'s decision (R40: the vendor first, then the distributor).</summary>
    public static ResellerApplicationStatus WaitingFor(ResellerReviewLevel level) =>
        level == ResellerReviewLevel.Vendor ? ResellerApplicationStatus.VendorReview : ResellerApplicationStatus.DistributorReview;
}
