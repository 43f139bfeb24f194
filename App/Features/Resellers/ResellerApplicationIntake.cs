using System.Globalization;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features.Members;
using BlazorPartner.Platform.Localization;
using BlazorPartner.Platform.Notifications;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Platform.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Resellers;

/// <summary>The applicant's link is unknown (or malformed): the public page says so and shows nothing else.</summary>
public sealed class ResellerLinkInvalidException()
    : BusinessException(ResellerErrorCodes.LinkInvalid, "Reseller application link is unknown.", "ResellerApply.LinkInvalid");

/// <summary>
/// The public side of R40: a company applies to be a reseller under the distributor it names, follows its application through
/// its link, and after a rejection corrects and resubmits (a new round; earlier rounds stay in the history). The applicant
/// has no account: the link's token is its credential, stored only as a hash. Each submission writes the application, its
/// history row, its documents, the applicant's mail and the vendor reviewers' notifications in one transaction.
/// </summary>
public sealed class ResellerApplicationIntake(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    IMailSender mail,
    Notifier notifier,
    IStringLocalizer<SharedResource> L)
{
    public const string MailKind = "reseller-application";

    /// <summary>The distributors a company may name (R40), by name.</summary>
    public async Task<IReadOnlyList<DistributorOption>> DistributorsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        return await DistributorsQuery(db).ToListAsync(ct);
    }

    internal static IQueryable<DistributorOption> DistributorsQuery(AppDbContext db) =>
        db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Distributor).OrderBy(o => o.Name).Select(o => new DistributorOption(o.Id, o.Name));

    public async Task<SubmittedApplication> SubmitAsync(ResellerApplicationInput input, IReadOnlyList<DocumentUpload> uploads, string baseUri, CancellationToken ct = default)
    {
        var (fields, files) = Validate(input, uploads, attachmentRequired: true);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateSystemAsync(ct);
        await DemandAvailableAsync(db, fields, exceptId: null, now, ct);
        var distributor = await DistributorNameAsync(db, fields.DistributorId, ct);

        var token = LinkTokens.NewToken();
        var application = new ResellerApplication
        {
            OrganizationId = fields.DistributorId,
            Status = ResellerApplicationStatus.VendorReview,
            Round = 1,
            TokenHash = LinkTokens.Hash(token),
            SubmittedAtUtc = now,
        };
        application.Number = ResellerRules.NumberFor(application.Id);
        Apply(application, fields, now);
        db.ResellerApplications.Add(application);
        Record(db, application, ResellerEventKind.Submitted, now);
        AddFiles(db, application, files, now);
        Mail(db, application, "ResellerApply.MailReceivedSubject", "ResellerApply.MailReceivedBody", [application.Number, distributor, ResellerRoutes.FollowLink(baseUri, token)], now);
        var bells = await NotifyVendorAsync(db, application, ct);
        await SaveAsync(db, ct);
        bells.Ring();
        return new SubmittedApplication(application.Id, application.Number, token);
    }

    /// <summary>The applicant's view of its application through its link.</summary>
    public async Task<ApplicationDetail> OpenAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var id = await FindAsync(db, token, ct);
        return await ResellerQueries.DetailAsync(db, id, ct) ?? throw new ResellerLinkInvalidException();
    }

    /// <summary>
    /// A rejected application corrected and sent again: a new round that starts at the vendor's review. The distributor stays
    /// the one first named (a company that wants another distributor applies anew). Documents are optional: without new ones
    /// the reviewers read the earlier rounds'.
    /// </summary>
    public async Task ResubmitAsync(string? token, ResellerApplicationInput input, IReadOnlyList<DocumentUpload> uploads, string baseUri, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var id = await FindAsync(db, token, ct);
        var application = await db.ResellerApplications.SingleAsync(a => a.Id == id, ct);
        var (fields, files) = Validate(input with { DistributorId = application.OrganizationId }, uploads, attachmentRequired: false);
        if (application.Status != ResellerApplicationStatus.Rejected)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"Application {application.Number} is {application.Status}.", "ResellerApply.NotRejected", application.Number);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await DemandAvailableAsync(db, fields, application.Id, now, ct);
        var distributor = await DistributorNameAsync(db, application.OrganizationId, ct);
        application.Round++;
        application.Status = ResellerApplicationStatus.VendorReview;
        application.RejectedAt = null;
        application.RejectionReason = null;
        application.DecidedByName = null;
        application.DecidedAtUtc = null;
        Apply(application, fields, now);
        Record(db, application, ResellerEventKind.Resubmitted, now);
        AddFiles(db, application, files, now);
        Mail(db, application, "ResellerApply.MailResubmittedSubject", "ResellerApply.MailResubmittedBody", [application.Number, distributor, application.Round.ToString(CultureInfo.CurrentCulture)], now);
        var bells = await NotifyVendorAsync(db, application, ct);
        try
        {
            await SaveAsync(db, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same link submitted twice at once (two tabs): one round, not two.
            throw new BusinessException(ErrorCodes.AlreadyProcessed, $"Application {application.Number} was resubmitted meanwhile.", "ResellerApply.AlreadyResubmitted", application.Number);
        }

        bells.Ring();
    }

    internal static async Task<Guid> FindAsync(AppDbContext db, string? token, CancellationToken ct)
    {
        if (!LinkTokens.IsWellFormed(token))
        {
            throw new ResellerLinkInvalidException();
        }

        var hash = LinkTokens.Hash(token!);
        var id = await db.ResellerApplications.Where(a => a.TokenHash == hash).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
        return id ?? throw new ResellerLinkInvalidException();
    }

    private sealed record Fields(string CompanyName, string CreditCode, string ContactName, string ContactPhone, string ContactEmail, Guid DistributorId);

    private static (Fields Fields, IReadOnlyList<CheckedDocument> Files) Validate(ResellerApplicationInput input, IReadOnlyList<DocumentUpload> uploads, bool attachmentRequired)
    {
        var errors = new InputErrors();
        var company = errors.Text(nameof(input.CompanyName), input.CompanyName, ResellerRules.MaxCompanyName);
        var code = CreditCode.Normalize(input.CreditCode);
        if (code.Length == 0)
        {
            errors.Add(nameof(input.CreditCode), "Validation.Required");
        }
        else if (!CreditCode.IsValid(code))
        {
            errors.Add(nameof(input.CreditCode), "Registration.CreditCodeInvalid");
        }

        var contact = errors.Text(nameof(input.ContactName), input.ContactName, ResellerRules.MaxContactName);
        var phone = errors.Phone(nameof(input.ContactPhone), input.ContactPhone);
        var email = errors.Email(nameof(input.ContactEmail), input.ContactEmail);
        if (input.DistributorId is null || input.DistributorId == Guid.Empty)
        {
            errors.Add(nameof(input.DistributorId), "ResellerApply.DistributorRequired");
        }

        var files = DocumentUploads.Check(errors, "Attachments", uploads, ResellerRules.MaxAttachments, attachmentRequired ? "ResellerApply.LicenceRequired" : null);
        errors.ThrowIfAny();
        return (new Fields(company, code, contact, phone, email, input.DistributorId!.Value), files);
    }

    /// <summary>
    /// R41, R42, R44: the reseller's admin gets a new account, so the contact's address must not already sign in anywhere (a
    /// solution provider's staff apply with another address) nor be about to (an open invitation, e.g. the admin invitation
    /// of a partner just admitted to the network); and one open or approved application per company.
    /// </summary>
    private static async Task DemandAvailableAsync(AppDbContext db, Fields fields, Guid? exceptId, DateTime now, CancellationToken ct)
    {
        var errors = new InputErrors();
        switch (await MemberAddresses.UseAsync(db, fields.ContactEmail.ToUpperInvariant(), now, ct))
        {
            case AddressUse.HasAccount:
                errors.Add(nameof(ResellerApplicationInput.ContactEmail), "ResellerApply.EmailHasAccount");
                break;
            case AddressUse.Invited:
                errors.Add(nameof(ResellerApplicationInput.ContactEmail), "ResellerApply.EmailInvited");
                break;
        }

        if (await db.ResellerApplications.AnyAsync(a => a.HeldCreditCode == fields.CreditCode && a.Id != exceptId, ct))
        {
            errors.Add(nameof(ResellerApplicationInput.CreditCode), "ResellerApply.CompanyApplied");
        }

        errors.ThrowIfAny();
    }

    private static async Task<string> DistributorNameAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Organizations.Where(o => o.Id == id && o.Kind == OrganizationKind.Distributor).Select(o => o.Name).SingleOrDefaultAsync(ct)
        ?? throw new ValidationException(nameof(ResellerApplicationInput.DistributorId), "ResellerApply.DistributorUnknown");

    private static void Apply(ResellerApplication application, Fields fields, DateTime now)
    {
        application.CompanyName = fields.CompanyName;
        application.CreditCode = fields.CreditCode;
        application.HeldCreditCode = fields.CreditCode;
        application.ContactName = fields.ContactName;
        application.ContactPhone = fields.ContactPhone;
        application.ContactEmail = fields.ContactEmail;
        application.RoundSubmittedAtUtc = now;
        // Every round starts at the vendor, so the wait starts again.
        application.WaitingSinceUtc = now;
        // The form's language is the request's; an unsupported one (never set by the app's own pages) falls back to the default.
        application.ApplicantCulture = Cultures.SupportedOrDefault(CultureInfo.CurrentUICulture.Name);
        application.UpdatedAtUtc = now;
    }

    private static void Record(AppDbContext db, ResellerApplication application, ResellerEventKind kind, DateTime now) =>
        db.ResellerApplicationEvents.Add(new ResellerApplicationEvent
        {
            ApplicationId = application.Id,
            OrganizationId = application.OrganizationId,
            Round = application.Round,
            Kind = kind,
            Details = $"{application.CompanyName} · {application.CreditCode} · {application.ContactName} · {application.ContactPhone} · {application.ContactEmail}",
            AtUtc = now,
        });

    private static void AddFiles(AppDbContext db, ResellerApplication application, IReadOnlyList<CheckedDocument> files, DateTime now)
    {
        foreach (var file in files)
        {
            db.ResellerApplicationAttachments.Add(new ResellerApplicationAttachment
            {
                ApplicationId = application.Id,
                OrganizationId = application.OrganizationId,
                Round = application.Round,
                FileName = file.FileName,
                ContentType = file.ContentType,
                SizeBytes = file.Content.Length,
                Content = file.Content,
                UploadedAtUtc = now,
            });
        }
    }

    private void Mail(AppDbContext db, ResellerApplication application, string subjectKey, string bodyKey, object[] arguments, DateTime now) =>
        SendToApplicant(db, mail, L, application, subjectKey, bodyKey, arguments, now);

    /// <summary>A mail to the applicant, written in the language it applied in (not the language of whoever's action sends it).</summary>
    internal static void SendToApplicant(AppDbContext db, IMailSender mail, IStringLocalizer<SharedResource> L, ResellerApplication application,
        string subjectKey, string bodyKey, object[] arguments, DateTime now)
    {
        using var language = Cultures.Use(application.ApplicantCulture);
        mail.Send(db, new OutgoingMail(application.ContactEmail, L[subjectKey, application.Number].Value,
            string.Format(CultureInfo.CurrentCulture, L[bodyKey].Value, arguments), MailKind, application.OrganizationId), now);
    }

    private async Task<NotificationBatch> NotifyVendorAsync(AppDbContext db, ResellerApplication application, CancellationToken ct)
    {
        var reviewers = await Notifier.VendorHoldersAsync(db, ResellerPermissions.Review, ct);
        return await notifier.StageAsync(db, reviewers,
            new NotificationDraft(ResellerNotifications.Submitted, "Notification.ResellerSubmitted", [application.CompanyName, application.Number], ResellerRoutes.VendorApplications), ct);
    }

    private static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            // Another application of the same company committed between the check and this insert.
            throw new ValidationException(nameof(ResellerApplicationInput.CreditCode), "ResellerApply.CompanyApplied");
        }
    }
}
