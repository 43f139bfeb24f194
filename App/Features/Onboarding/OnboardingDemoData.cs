using System.Text;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features.Onboarding.Certification;
using BlazorPartner.Features.Onboarding.Network;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Onboarding;

/// <summary>
/// Partner-network applications in every state (R5): two with a reviewer (one with a wrong credit-code check character, one
/// without a licence), one rejected (its applicant page is published below), Partner A's approved automatically and one
/// approved by the operator. Certifications (R6) in every state: Partner A certified automatically, Partner B's bank letter
/// waiting for a reviewer, Partner D (a distributor) with a reviewer because the account holder is not the company, and two
/// more solution providers admitted earlier, one asked for a bank letter and one rejected with a reason; Partner C has not
/// certified yet, and the vendor holds a supplier record of Partner C with another bank account.
/// </summary>
public sealed class OnboardingDemoData(Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext> dbFactory) : IDemoData
{
    public const string ChecksumCompany = "Shenzhen Cloud Integration Co.";
    public const string NoLicenceCompany = "Guangzhou Digital Services Co.";
    public const string RejectedCompany = "Tianjin Software Co.";

    /// <summary>Solution providers that exist for their certification's state only (no demo accounts sign in to them).</summary>
    public const string BankLetterRequiredCompany = "Hefei Cloud Partners Co.";
    public const string CertificationRejectedCompany = "Xiamen Data Partners Co.";

    /// <summary>The rejected application's applicant link, published on purpose (like the demo passwords) for tours and page audits.</summary>
    public const string DemoRejectedToken = "demo-partner-application-rejected-000000001";

    public static readonly string PartnerACode = CreditCode.WithCheckCharacter("91310000MA1K00101");
    public static readonly string PartnerBCode = CreditCode.WithCheckCharacter("91110000MA1K00202");
    public static readonly string PartnerCCode = CreditCode.WithCheckCharacter("91330100MA1K00303");

    /// <summary>The bank account the vendor's supplier system holds for Partner C: any other fails certification.</summary>
    public const string PartnerCSupplierAccount = "6222020200112233445";
    public const string PartnerCSupplierBank = "Bank of Hangzhou";

    public int Order => 98;

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var now = demo.NowUtc;
        var op = DemoAccounts.VendorOperatorName;
        await using var db = await dbFactory.CreateSystemAsync(ct);

        // A wrong check character: the automatic check sends it to a reviewer.
        var goodCode = CreditCode.WithCheckCharacter("91440300MA5F00111");
        var badCode = goodCode[..17] + (goodCode[^1] == '0' ? '1' : '0');
        Apply(db, ChecksumCompany, badCode, "apply.shenzhen@example.com", now.AddDays(-4), NetworkApplicationStatus.ManualReview, [NetworkCheck.CreditCode], withLicence: true, []);
        Apply(db, NoLicenceCompany, CreditCode.WithCheckCharacter("91440100MA5F00222"), "apply.guangzhou@example.com", now.AddHours(-20), NetworkApplicationStatus.ManualReview, [NetworkCheck.Documents], withLicence: false, []);
        Apply(db, RejectedCompany, CreditCode.WithCheckCharacter("91120000MA5F00333"), "apply.tianjin@example.com", now.AddDays(-8), NetworkApplicationStatus.Rejected, [NetworkCheck.RequiredFields], withLicence: true,
            [(NetworkEventKind.Rejected, op, "Give the registered address as it appears on the business licence.", now.AddDays(-7))], DemoRejectedToken);
        var partnerA = Apply(db, DemoAccounts.PartnerAName, PartnerACode, "apply.partner-a@example.com", now.AddDays(-120), NetworkApplicationStatus.Approved, [], withLicence: true,
            [(NetworkEventKind.AutoApproved, null, null, now.AddDays(-120))]);
        partnerA.PartnerOrganizationId = demo.PartnerA.Id;
        var partnerB = Apply(db, DemoAccounts.PartnerBName, PartnerBCode, "apply.partner-b@example.com", now.AddDays(-100), NetworkApplicationStatus.Approved, [NetworkCheck.NewCompany], withLicence: true,
            [(NetworkEventKind.Approved, op, null, now.AddDays(-99))]);
        partnerB.PartnerOrganizationId = demo.PartnerB.Id;

        db.SupplierRecords.AddRange(
            new SupplierRecord { CreditCode = PartnerACode, CompanyName = DemoAccounts.PartnerAName, BankName = "Bank of Shanghai", BankAccount = "6222020200100000001", UpdatedAtUtc = now.AddDays(-200) },
            new SupplierRecord { CreditCode = PartnerBCode, CompanyName = DemoAccounts.PartnerBName, BankName = "Bank of Beijing", BankAccount = "6222020200200000002", UpdatedAtUtc = now.AddDays(-200) },
            new SupplierRecord { CreditCode = PartnerCCode, CompanyName = DemoAccounts.PartnerCName, BankName = PartnerCSupplierBank, BankAccount = PartnerCSupplierAccount, UpdatedAtUtc = now.AddDays(-200) });

        var a = Certify(db, demo.PartnerA.Id, DemoAccounts.PartnerAName, PartnerACode, "Bank of Shanghai", "6222020200100000001", CertificationStatus.Certified, now.AddDays(-60));
        a.DecidedByName = Core.Auditing.AuditExtensions.SystemActorName;
        a.DecidedAtUtc = now.AddDays(-60);
        db.CertificationEvents.Add(Event(a, CertificationEventKind.Submitted, demo.User(DemoAccounts.PartnerAAdmin).DisplayName, now.AddDays(-60)));
        db.CertificationEvents.Add(Event(a, CertificationEventKind.AutoCertified, null, now.AddDays(-60)));

        var b = Certify(db, demo.PartnerB.Id, DemoAccounts.PartnerBName, PartnerBCode, "China Merchants Bank", "6214830100200000099", CertificationStatus.BankLetterReview, now.AddDays(-2));
        var bAdmin = demo.User(DemoAccounts.PartnerBAdmin).DisplayName;
        db.CertificationEvents.Add(Event(b, CertificationEventKind.Submitted, bAdmin, now.AddDays(-3)));
        db.CertificationEvents.Add(Event(b, CertificationEventKind.BankMismatch, null, now.AddDays(-3)));
        db.CertificationEvents.Add(Event(b, CertificationEventKind.BankLetterUploaded, bAdmin, now.AddDays(-2)));
        var partnerD = await db.Organizations.Where(o => o.Name == Resellers.ResellerDemoData.PartnerDName).Select(o => o.Id).SingleAsync(ct);
        var d = Certify(db, partnerD, Resellers.ResellerDemoData.PartnerDName, CreditCode.WithCheckCharacter("91310000MA1K00404"), "Bank of Communications", "6222600100400000004", CertificationStatus.ManualReview, now.AddHours(-28));
        d.AccountHolder = "Zhou Ping";
        db.CertificationEvents.Add(Event(d, CertificationEventKind.Submitted, "Partner D", now.AddHours(-28)));
        db.CertificationEvents.Add(Event(d, CertificationEventKind.SentToReview, null, now.AddHours(-28)));

        var hefei = new Organization { Name = BankLetterRequiredCompany, Kind = OrganizationKind.SolutionProvider, CreatedUtc = now.AddDays(-30) };
        var xiamen = new Organization { Name = CertificationRejectedCompany, Kind = OrganizationKind.SolutionProvider, CreatedUtc = now.AddDays(-45) };
        db.Organizations.AddRange(hefei, xiamen);
        var hefeiCode = CreditCode.WithCheckCharacter("91340100MA1K00505");
        db.SupplierRecords.Add(new SupplierRecord { CreditCode = hefeiCode, CompanyName = BankLetterRequiredCompany, BankName = "Huishang Bank", BankAccount = "6222020200500000005", UpdatedAtUtc = now.AddDays(-200) });
        var e = Certify(db, hefei.Id, BankLetterRequiredCompany, hefeiCode, "Bank of China", "6216600100500000099", CertificationStatus.BankLetterRequired, now.AddDays(-1));
        db.CertificationEvents.Add(Event(e, CertificationEventKind.Submitted, BankLetterRequiredCompany, now.AddDays(-1)));
        db.CertificationEvents.Add(Event(e, CertificationEventKind.BankMismatch, null, now.AddDays(-1)));

        var f = Certify(db, xiamen.Id, CertificationRejectedCompany, CreditCode.WithCheckCharacter("91350200MA1K00606"), "Xiamen Bank", "6222020200600000006", CertificationStatus.Rejected, now.AddDays(-6));
        f.AccountHolder = "Xiamen Data Services Co.";
        const string reason = "The account holder is another company; give an account in the partner's own name.";
        f.RejectionReason = reason;
        f.DecidedByName = op;
        f.DecidedAtUtc = now.AddDays(-5);
        db.CertificationEvents.Add(Event(f, CertificationEventKind.Submitted, CertificationRejectedCompany, now.AddDays(-6)));
        db.CertificationEvents.Add(Event(f, CertificationEventKind.SentToReview, null, now.AddDays(-6)));
        var rejected = Event(f, CertificationEventKind.Rejected, op, now.AddDays(-5));
        rejected.Reason = reason;
        db.CertificationEvents.Add(rejected);

        var letter = Encoding.ASCII.GetBytes("%PDF-1.4\n% Bank letter of Partner B (demo)\n%%EOF\n");
        db.CertificationDocuments.Add(new CertificationDocument
        {
            CertificationId = b.Id, OrganizationId = b.OrganizationId, Round = 1, FileName = "bank-letter.pdf", ContentType = "application/pdf",
            SizeBytes = letter.Length, Content = letter, UploadedAtUtc = now.AddDays(-2),
        });
        await db.SaveChangesAsync(ct);
    }

    private static NetworkApplication Apply(
        AppDbContext db, string company, string code, string email, DateTime submitted, NetworkApplicationStatus status, NetworkCheck[] failed, bool withLicence,
        (NetworkEventKind Kind, string? Actor, string? Reason, DateTime At)[] steps, string? token = null)
    {
        var application = new NetworkApplication
        {
            CompanyName = company,
            CreditCode = code,
            HeldCreditCode = status == NetworkApplicationStatus.Rejected ? null : code,
            RegisteredAddress = failed.Contains(NetworkCheck.RequiredFields) ? "" : "1 Demo Road, Demo District",
            ContactName = "Demo Contact",
            ContactPhone = "+86 138 0000 5678",
            ContactEmail = email,
            Status = status,
            FailedChecks = NetworkChecks.Format(failed),
            TokenHash = LinkTokens.Hash(token ?? LinkTokens.NewToken()),
            SubmittedAtUtc = submitted,
            RoundSubmittedAtUtc = submitted,
            UpdatedAtUtc = steps.Length > 0 ? steps[^1].At : submitted,
        };
        application.Number = OnboardingRules.NumberFor(application.Id);
        db.NetworkApplications.Add(application);
        db.NetworkApplicationEvents.Add(new NetworkApplicationEvent { ApplicationId = application.Id, Round = 1, Kind = NetworkEventKind.Submitted, Details = $"{company} · {code}", AtUtc = submitted });
        if (failed.Length > 0)
        {
            db.NetworkApplicationEvents.Add(new NetworkApplicationEvent { ApplicationId = application.Id, Round = 1, Kind = NetworkEventKind.SentToReview, Details = application.FailedChecks, AtUtc = submitted });
        }

        foreach (var (kind, actor, reason, at) in steps)
        {
            db.NetworkApplicationEvents.Add(new NetworkApplicationEvent { ApplicationId = application.Id, Round = 1, Kind = kind, ActorName = actor, Reason = reason, AtUtc = at });
            if (kind is NetworkEventKind.Approved or NetworkEventKind.Rejected or NetworkEventKind.AutoApproved)
            {
                application.DecidedByName = actor ?? Core.Auditing.AuditExtensions.SystemActorName;
                application.DecidedAtUtc = at;
                application.RejectionReason = reason;
            }
        }

        if (withLicence)
        {
            var licence = Encoding.ASCII.GetBytes($"%PDF-1.4\n% Business licence of {company} (demo)\n%%EOF\n");
            db.NetworkApplicationDocuments.Add(new NetworkApplicationDocument
            {
                ApplicationId = application.Id, Round = 1, FileName = "business-licence.pdf", ContentType = "application/pdf",
                SizeBytes = licence.Length, Content = licence, UploadedAtUtc = submitted,
            });
        }

        return application;
    }

    private static BusinessCertification Certify(AppDbContext db, Guid organizationId, string name, string code, string bank, string account, CertificationStatus status, DateTime at)
    {
        var certification = new BusinessCertification
        {
            OrganizationId = organizationId,
            LegalName = name,
            CreditCode = code,
            BankName = bank,
            BankAccount = account,
            AccountHolder = name,
            Status = status,
            SubmittedAtUtc = at,
            WaitingSinceUtc = at,
            UpdatedAtUtc = at,
        };
        db.BusinessCertifications.Add(certification);
        return certification;
    }

    private static CertificationEvent Event(BusinessCertification c, CertificationEventKind kind, string? actor, DateTime at) =>
        new() { CertificationId = c.Id, OrganizationId = c.OrganizationId, Round = 1, Kind = kind, ActorName = actor, AtUtc = at };
}
