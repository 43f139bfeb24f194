using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Onboarding.Certification;
using BlazorPartner.Features.Onboarding.Network;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Onboarding;

/// <summary>The onboarding tables, reached through extension properties: the shared DbContext knows no feature.</summary>
public static class OnboardingData
{
    extension(AppDbContext db)
    {
        public DbSet<NetworkApplication> NetworkApplications => db.Set<NetworkApplication>();

        public DbSet<NetworkApplicationEvent> NetworkApplicationEvents => db.Set<NetworkApplicationEvent>();

        public DbSet<NetworkApplicationDocument> NetworkApplicationDocuments => db.Set<NetworkApplicationDocument>();

        public DbSet<BusinessCertification> BusinessCertifications => db.Set<BusinessCertification>();

        public DbSet<CertificationEvent> CertificationEvents => db.Set<CertificationEvent>();

        public DbSet<CertificationDocument> CertificationDocuments => db.Set<CertificationDocument>();

        public DbSet<SupplierRecord> SupplierRecords => db.Set<SupplierRecord>();
    }
}

public static class OnboardingRoutes
{
    /// <summary>The public application to join the partner network (anonymous).</summary>
    public const string Apply = "/apply/partner";

    public const string Follow = "/apply/partner/{Token}";

    public const string VendorApplications = "/vendor/partner-applications";

    public const string VendorCertifications = "/vendor/certifications";

    /// <summary>The partner's own business-information certification.</summary>
    public const string Certification = "/organization/certification";

    public static string FollowLink(string baseUri, string token) => $"{baseUri.TrimEnd('/')}/apply/partner/{token}";

    public static string ApplicationDocument(Guid applicationId, Guid documentId) => $"/partner-applications/{applicationId}/documents/{documentId}";

    public static string CertificationDocument(Guid certificationId, Guid documentId) => $"/certifications/{certificationId}/documents/{documentId}";
}

/// <summary>What the onboarding slice lets roles do. Page policies and service checks both use these names.</summary>
public static class OnboardingPermissions
{
    public const string Group = "Onboarding";

    /// <summary>The vendor's manual review of partner-network applications (R5).</summary>
    public const string ReviewApplications = "onboarding.review-applications";

    /// <summary>The vendor's review of certifications and bank letters (R6).</summary>
    public const string ReviewCertifications = "onboarding.review-certifications";

    /// <summary>A partner submits its business information and bank letter (R6).</summary>
    public const string Certify = "onboarding.certify";

    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        new(ReviewApplications, Group, [AppRoles.VendorOperator]),
        new(ReviewCertifications, Group, [AppRoles.VendorOperator]),
        new(Certify, Group, [AppRoles.PartnerAdmin]),
    ];
}

public static class OnboardingAuditActions
{
    public const string AutoApprove = "network.auto-approve";
    public const string Approve = "network.approve";
    public const string Reject = "network.reject";
    public const string CertificationSubmit = "certification.submit";
    public const string CertificationLetter = "certification.bank-letter";
    public const string CertificationApprove = "certification.approve";
    public const string CertificationReject = "certification.reject";
}

public static class OnboardingNotifications
{
    public const string ApplicationToReview = "network.to-review";
    public const string CertificationToReview = "certification.to-review";
    public const string CertificationDecided = "certification.decided";
}

public static class OnboardingErrorCodes
{
    /// <summary>The applicant's link is unknown: CBC.0154 token invalid or expired.</summary>
    public const string LinkInvalid = "CBC.0154";
}

public static class OnboardingRules
{
    public const int MaxCompanyName = 200;
    public const int MaxAddress = 300;
    public const int MaxContactName = 100;
    public const int MaxBankName = 100;
    public const int MaxReason = 500;
    public const int MaxDocuments = 3;

    /// <summary>The service level a reviewer aims at (working days, work calendar); bank letters take 3–5.</summary>
    public const int ReviewWorkingDays = 3;
    public const int PageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>"PN-" and 64 bits of the id in two groups: short enough to quote, long enough never to collide.</summary>
    public static string NumberFor(Guid id)
    {
        var hex = id.ToString("N").ToUpperInvariant();
        return $"PN-{hex[..8]}-{hex[8..16]}";
    }

    /// <summary>A bank account as people may type it (spaces, hyphens), reduced to its digits; null if it is not 8–30 digits.</summary>
    public static string? NormalizeBankAccount(string? value)
    {
        var text = (value ?? "").Trim();
        if (text.Any(c => !char.IsAsciiDigit(c) && c is not ' ' and not '-'))
        {
            return null;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return digits.Length is >= 8 and <= 30 ? digits : null;
    }

    /// <summary>R4: only the last four digits are shown unless the viewer reveals them.</summary>
    public static string MaskAccount(string digits) => digits.Length <= 4 ? digits : $"•••• {digits[^4..]}";

    /// <summary>Names compared as people write them: case, spaces and full-width brackets do not make two companies.</summary>
    public static string ComparableName(string name) =>
        new string(name.Replace('（', '(').Replace('）', ')').Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
}

/// <summary>An uploaded document as the download endpoints serve it.</summary>
public sealed record OnboardingDocument(string FileName, string ContentType, byte[] Content);
