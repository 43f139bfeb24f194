using System.Text;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Features.Onboarding.Certification;
using BlazorPartner.Features.Onboarding.Network;
using BlazorPartner.Platform.Notifications;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Platform.Uploads;
using BlazorPartner.Tests.Features.Resellers;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Onboarding;

/// <summary>Shortcuts for the onboarding tests (R5 partner-network applications, R6 business certification), on top of <see cref="TestWorld"/>.</summary>
internal static class OnboardingTestKit
{
    public const string BaseUri = "https://partner.test/";

    public const string Company = "Shenzhen Cloud Integration Co.";

    public const string ContactEmail = "li.na@integrator.example";

    /// <summary>Partner A's legal name as it certifies (R6); an account in this name is the company's own.</summary>
    public const string LegalNameA = "Shanghai Partner A Technology Co., Ltd.";

    public const string BankA = "Bank of Shanghai";

    /// <summary>As a person types it; the service keeps the digits.</summary>
    public const string AccountTyped = "6222 0202-0010 0000 001";

    public const string Account = "6222020200100000001";

    public static NetworkApplicationIntake NetworkIntake(this TestWorld world) => world.Get<NetworkApplicationIntake>();

    public static NetworkApplicationReviews NetworkReviews(this TestWorld world) => world.Get<NetworkApplicationReviews>();

    public static BusinessCertifications Certifications(this TestWorld world) => world.Get<BusinessCertifications>();

    public static BlazorPartner.Features.ReviewInbox.ReviewInbox Inbox(this TestWorld world) => world.Get<BlazorPartner.Features.ReviewInbox.ReviewInbox>();

    /// <summary>A valid credit code, one per <paramref name="number"/>.</summary>
    public static string Code(int number = 11) => CreditCode.WithCheckCharacter($"91440300MA5G{number:D5}");

    /// <summary><see cref="Code"/> with its check character changed: well-formed, but the checksum fails.</summary>
    public static string BadCode(int number = 11)
    {
        var code = Code(number);
        return code[..^1] + (code[^1] == '0' ? '1' : '0');
    }

    public static byte[] PdfBytes(string text = "licence") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");

    public static byte[] PngBytes() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

    public static DocumentUpload Upload(string fileName = "licence.pdf", byte[]? bytes = null)
    {
        bytes ??= PdfBytes();
        return new DocumentUpload(fileName, bytes.Length, bytes);
    }

    public static IReadOnlyList<DocumentUpload> Licence(string fileName = "licence.pdf", string text = "licence") => [Upload(fileName, PdfBytes(text))];

    /// <summary>An application every automatic check passes (with a licence attached).</summary>
    public static NetworkApplicationInput NetworkInput(int number = 11, string company = Company, string email = ContactEmail) => new()
    {
        CompanyName = company,
        CreditCode = Code(number),
        RegisteredAddress = "88 Keyuan Road, Nanshan District, Shenzhen",
        ContactName = "Li Na",
        ContactPhone = "13812345678",
        ContactEmail = email,
    };

    public static Task<SubmittedNetworkApplication> ApplyAsync(this TestWorld world, NetworkApplicationInput input, IReadOnlyList<DocumentUpload>? uploads = null) =>
        world.NetworkIntake().SubmitAsync(input, uploads ?? Licence(), BaseUri);

    /// <summary>A complete application without a licence: the Documents check fails and it waits for a vendor operator.</summary>
    public static async Task<SubmittedNetworkApplication> ManualReviewAsync(this TestWorld world, int number = 11, string company = Company, string email = ContactEmail)
    {
        var submitted = await world.NetworkIntake().SubmitAsync(NetworkInput(number, company, email), [], BaseUri);
        Assert.Equal(NetworkApplicationStatus.ManualReview, submitted.Status);
        return submitted;
    }

    public static async Task<NetworkApplication> LoadNetworkAsync(this TestWorld world, Guid id)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.NetworkApplications.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    /// <summary>The application with the version the database holds now: what a reviewer's fresh page would send.</summary>
    public static async Task<NetworkApplicationTarget> NetworkTargetAsync(this TestWorld world, Guid id) =>
        new(id, (await world.LoadNetworkAsync(id)).Version);

    public static async Task<List<NetworkApplicationEvent>> NetworkEventsAsync(this TestWorld world, Guid id)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return (await db.NetworkApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == id).ToListAsync())
            .OrderBy(e => e.Round).ThenBy(e => e.Kind).ToList();
    }

    /// <summary>Every row an application or certification command could write, to prove a refused one wrote none.</summary>
    public static async Task<OnboardingRows> CountOnboardingRowsAsync(this TestWorld world)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return new OnboardingRows(
            await db.NetworkApplications.CountAsync(), await db.NetworkApplicationEvents.CountAsync(), await db.NetworkApplicationDocuments.CountAsync(),
            await db.BusinessCertifications.CountAsync(), await db.CertificationEvents.CountAsync(), await db.CertificationDocuments.CountAsync(),
            await db.Organizations.CountAsync(), await db.Set<OutboxMessage>().CountAsync(), await db.Set<Notification>().CountAsync(), await db.AuditEntries.CountAsync());
    }

    public static async Task<List<AuditEntry>> AuditsAsync(this TestWorld world, Guid entityId)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        var key = entityId.ToString();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == key).OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<List<Notification>> NotificationsAsync(this TestWorld world, string kind)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.Set<Notification>().AsNoTracking().Where(n => n.Kind == kind).OrderBy(n => n.Id).ToListAsync();
    }

    public static async Task<List<OutboxMessage>> MailsToAsync(this TestWorld world, string recipient)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Recipient == recipient).OrderBy(m => m.CreatedAtUtc).ToListAsync();
    }

    // R6

    public static CertificationInput BusinessInfo(string code, int? expectedVersion = null, string legalName = LegalNameA, string bank = BankA, string account = AccountTyped, string? holder = null) => new()
    {
        LegalName = legalName,
        CreditCode = code,
        BankName = bank,
        BankAccount = account,
        AccountHolder = holder ?? legalName,
        ExpectedVersion = expectedVersion,
    };

    /// <summary>The vendor's supplier system knows the company with this bank account (R6).</summary>
    public static async Task SupplierAsync(this TestWorld world, string code, string bank, string account, string company = LegalNameA)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        db.SupplierRecords.Add(new SupplierRecord { CreditCode = code, CompanyName = company, BankName = bank, BankAccount = account, UpdatedAtUtc = world.Clock.GetUtcNow().UtcDateTime.AddDays(-100) });
        await db.SaveChangesAsync();
    }

    public static async Task<SupplierRecord> LoadSupplierAsync(this TestWorld world, string code)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.SupplierRecords.AsNoTracking().SingleAsync(s => s.CreditCode == code);
    }

    public static async Task<BusinessCertification> LoadCertificationAsync(this TestWorld world, Guid organizationId)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.BusinessCertifications.AsNoTracking().SingleAsync(c => c.OrganizationId == organizationId);
    }

    public static async Task<CertificationTarget> CertificationTargetAsync(this TestWorld world, Guid organizationId)
    {
        var certification = await world.LoadCertificationAsync(organizationId);
        return new CertificationTarget(certification.Id, certification.Version);
    }

    public static async Task<List<CertificationEvent>> CertificationEventsAsync(this TestWorld world, Guid certificationId)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return (await db.CertificationEvents.AsNoTracking().Where(e => e.CertificationId == certificationId).ToListAsync())
            .OrderBy(e => e.Round).ThenBy(e => e.AtUtc).ThenBy(e => e.Kind).ToList();
    }

    /// <summary>Partner A's admin submits and the vendor holds another account for the company: a bank letter is needed; then it is uploaded.</summary>
    public static async Task<CertificationView> BankLetterInReviewAsync(this TestWorld world, Actor admin, string code, string letterText = "bank letter")
    {
        await world.SupplierAsync(code, "Bank of Shanghai", "6222020200199999999");
        var view = await world.Certifications().SubmitAsync(admin, BusinessInfo(code));
        Assert.Equal(CertificationStatus.BankLetterRequired, view.Status);
        await world.Certifications().UploadBankLetterAsync(admin, view.Version, [Upload("bank-letter.pdf", PdfBytes(letterText))]);
        var mine = (await world.Certifications().MineAsync(admin))!;
        Assert.Equal(CertificationStatus.BankLetterReview, mine.Status);
        return mine;
    }

    /// <summary>A user holding <paramref name="role"/>, as sign-in would build it (see <see cref="ResellerTestKit.AddUserAsync"/>).</summary>
    public static Task<Actor> UserAsync(this TestWorld world, Guid organizationId, string login, string name, string role, string? email = null) =>
        ResellerTestKit.AddUserAsync(world, organizationId, login, name, role, email);

    /// <summary>A second vendor operator, to race the first.</summary>
    public static Task<Actor> SecondOperatorAsync(this TestWorld world) =>
        world.UserAsync(world.VendorOrg, "vendor-2", "Vendor Op Two", AppRoles.VendorOperator, "vendor-2@vendor.example");

    /// <summary>The actor with one more permission than its roles grant: a service must not trust the permission alone.</summary>
    public static Actor With(this Actor actor, string permission) =>
        actor with { Permissions = new HashSet<string>(actor.Permissions) { permission } };

    public static Task<Exception?> Outcome(Task task) => ResellerTestKit.Outcome(task);
}

internal sealed record OnboardingRows(
    int Applications, int ApplicationEvents, int ApplicationDocuments,
    int Certifications, int CertificationEvents, int CertificationDocuments,
    int Organizations, int Outbox, int Notifications, int Audits);
