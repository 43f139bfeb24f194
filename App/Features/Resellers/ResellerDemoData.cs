using System.Text;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Validation;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Resellers;

/// <summary>
/// Reseller applications in every state (R40), all naming Partner B: waiting for the vendor, waiting for Partner B (two, for
/// a batch), rejected by the vendor, rejected by Partner B, and Partner C's own, approved in its second round. Plus Partner D,
/// a second distributor a reseller can be moved to (R43).
/// </summary>
public sealed class ResellerDemoData(IDbContextFactory<AppDbContext> dbFactory) : IDemoData
{
    public const string PartnerDName = "Partner D";

    public const string VendorQueueCompany = "Suzhou Cloud Reseller Co.";
    public const string DistributorQueueCompany = "Nanjing Smart Office Co.";
    public const string DistributorQueueCompany2 = "Chengdu Cloud Partner Co.";
    public const string VendorRejectedCompany = "Wuhan Data Services Co.";
    public const string DistributorRejectedCompany = "Xi'an Network Co.";

    /// <summary>
    /// The applicant link of <see cref="VendorRejectedCompany"/>'s application. Published on purpose, like the demo passwords,
    /// so a tour and the page audits can open the applicant's page; every real token is 32 random bytes kept as a hash.
    /// </summary>
    public const string DemoRejectedToken = "demo-reseller-application-rejected-00000001";

    /// <summary>A minimal PDF: what the demo's business licences are.</summary>
    public static byte[] DemoLicence(string company) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% Business licence of {company} (demo)\n%%EOF\n");

    public int Order => 97;

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var now = demo.NowUtc;
        var reviewer = demo.User(DemoAccounts.PartnerBReviewer).DisplayName;
        await using var db = await dbFactory.CreateSystemAsync(ct);
        db.Organizations.Add(new Organization { Name = PartnerDName, Kind = OrganizationKind.Distributor, CreatedUtc = now });

        Add(db, demo, VendorQueueCompany, "91320500MA1R00011", "Xu Ming", "apply.suzhou@example.com", now.AddHours(-30), ResellerApplicationStatus.VendorReview, []);
        Add(db, demo, DistributorQueueCompany, "91320100MA1R00022", "Ma Lin", "apply.nanjing@example.com", now.AddDays(-4), ResellerApplicationStatus.DistributorReview,
            [(ResellerEventKind.VendorApproved, DemoAccounts.VendorOperatorName, null, now.AddDays(-3))]);
        Add(db, demo, DistributorQueueCompany2, "91510100MA1R00033", "He Jun", "apply.chengdu@example.com", now.AddDays(-2), ResellerApplicationStatus.DistributorReview,
            [(ResellerEventKind.VendorApproved, DemoAccounts.VendorOperatorName, null, now.AddDays(-1))]);
        Add(db, demo, VendorRejectedCompany, "91420100MA1R00044", "Luo Qing", "apply.wuhan@example.com", now.AddDays(-6), ResellerApplicationStatus.Rejected,
            [(ResellerEventKind.VendorRejected, DemoAccounts.VendorOperatorName, "The business licence is unreadable; upload a clearer scan.", now.AddDays(-5))],
            DemoRejectedToken);
        Add(db, demo, DistributorRejectedCompany, "91610100MA1R00055", "Tang Wen", "apply.xian@example.com", now.AddDays(-10), ResellerApplicationStatus.Rejected,
            [(ResellerEventKind.VendorApproved, DemoAccounts.VendorOperatorName, null, now.AddDays(-9)),
            (ResellerEventKind.DistributorRejected, reviewer, "We do not cover the north-west region.", now.AddDays(-8))]);

        // Partner C joined this way: rejected once by the vendor, corrected, then approved at both levels.
        var partnerC = Add(db, demo, DemoAccounts.PartnerCName, "91330100MA1R00066", "Huang Hui", "apply.partner-c@example.com", now.AddDays(-40), ResellerApplicationStatus.Approved,
            [(ResellerEventKind.VendorRejected, DemoAccounts.VendorOperatorName, "The contact phone number is missing a digit.", now.AddDays(-39)),
            (ResellerEventKind.Resubmitted, null, null, now.AddDays(-38)),
            (ResellerEventKind.VendorApproved, DemoAccounts.VendorOperatorName, null, now.AddDays(-37)),
            (ResellerEventKind.DistributorApproved, reviewer, null, now.AddDays(-36))]);
        partnerC.ResellerOrganizationId = demo.PartnerC.Id;
        await db.SaveChangesAsync(ct);
    }

    private static ResellerApplication Add(
        AppDbContext db, DemoSeedContext demo, string company, string creditBody, string contact, string email, DateTime submitted,
        ResellerApplicationStatus status, (ResellerEventKind Kind, string? Actor, string? Reason, DateTime At)[] steps, string? token = null)
    {
        var code = CreditCode.WithCheckCharacter(creditBody[..17]);
        var application = new ResellerApplication
        {
            OrganizationId = demo.PartnerB.Id,
            CompanyName = company,
            CreditCode = code,
            HeldCreditCode = status == ResellerApplicationStatus.Rejected ? null : code,
            ContactName = contact,
            ContactPhone = "+86 138 0000 1234",
            ContactEmail = email,
            Status = status,
            Round = 1 + steps.Count(s => s.Kind == ResellerEventKind.Resubmitted),
            TokenHash = LinkTokens.Hash(token ?? LinkTokens.NewToken()),
            SubmittedAtUtc = submitted,
            RoundSubmittedAtUtc = steps.Where(s => s.Kind == ResellerEventKind.Resubmitted).Select(s => (DateTime?)s.At).LastOrDefault() ?? submitted,
            // The last step is what the current level has been answering since (the round's submission or the vendor's approval).
            WaitingSinceUtc = steps.Length == 0 ? submitted : steps[^1].At,
            UpdatedAtUtc = steps.Length == 0 ? submitted : steps[^1].At,
        };
        application.Number = ResellerRules.NumberFor(application.Id);
        var last = steps.LastOrDefault(s => s.Actor is not null);
        if (status != ResellerApplicationStatus.VendorReview && last.Actor is not null)
        {
            application.DecidedByName = last.Actor;
            application.DecidedAtUtc = last.At;
        }

        if (status == ResellerApplicationStatus.Rejected)
        {
            var rejection = steps[^1];
            application.RejectedAt = rejection.Kind == ResellerEventKind.VendorRejected ? ResellerReviewLevel.Vendor : ResellerReviewLevel.Distributor;
            application.RejectionReason = rejection.Reason;
        }

        db.ResellerApplications.Add(application);
        var details = $"{company} · {code} · {contact} · {application.ContactPhone} · {email}";
        db.ResellerApplicationEvents.Add(Event(application, 1, ResellerEventKind.Submitted, null, null, details, submitted));
        var round = 1;
        foreach (var (kind, actor, reason, at) in steps)
        {
            round += kind == ResellerEventKind.Resubmitted ? 1 : 0;
            db.ResellerApplicationEvents.Add(Event(application, round, kind, actor, reason, kind == ResellerEventKind.Resubmitted ? details : null, at));
        }

        db.ResellerApplicationAttachments.Add(new ResellerApplicationAttachment
        {
            ApplicationId = application.Id,
            OrganizationId = application.OrganizationId,
            Round = 1,
            FileName = "business-licence.pdf",
            ContentType = "application/pdf",
            Content = DemoLicence(company),
            SizeBytes = DemoLicence(company).Length,
            UploadedAtUtc = submitted,
        });
        return application;
    }

    private static ResellerApplicationEvent Event(ResellerApplication application, int round, ResellerEventKind kind, string? actor, string? reason, string? details, DateTime at) => new()
    {
        ApplicationId = application.Id,
        OrganizationId = application.OrganizationId,
        Round = round,
        Kind = kind,
        ActorName = actor,
        Reason = reason,
        Details = details,
        AtUtc = at,
    };
}
