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

namespace BlazorPartner.Features.Onboarding.Network;

/// <summary>The applicant's link is unknown (or malformed): the public page says so and shows nothing else.</summary>
public sealed class NetworkLinkInvalidException()
    : BusinessException(OnboardingErrorCodes.LinkInvalid, "Partner-network application link is unknown.", "NetworkApply.LinkInvalid");

/// <summary>
/// The public side of R5: a company applies to join the partner network, the automatic checks run at once, and the
/// application is either approved on the spot (the partner organization is created and its admin invited) or sent to a
/// vendor operator with the checks that failed. After a rejection the applicant corrects and resubmits through its link;
/// each round runs the checks again. Each submission commits the application, its history, documents, mails and the
/// reviewers' notifications together.
/// </summary>
public sealed class NetworkApplicationIntake(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    IMailSender mail,
    Notifier notifier,
    MemberInvitations invitations,
    IStringLocalizer<SharedResource> L)
{
    public const string MailKind = "network-application";

    public async Task<SubmittedNetworkApplication> SubmitAsync(NetworkApplicationInput input, IReadOnlyList<DocumentUpload> uploads, string baseUri, CancellationToken ct = default)
    {
        var (fields, files) = Validate(input, uploads);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateSystemAsync(ct);
        await DemandAvailableAsync(db, fields, exceptId: null, now, ct);

        var token = LinkTokens.NewToken();
        var application = new NetworkApplication { TokenHash = LinkTokens.Hash(token), SubmittedAtUtc = now };
        application.Number = OnboardingRules.NumberFor(application.Id);
        Apply(application, fields, now);
        db.NetworkApplications.Add(application);
        Record(db, application, NetworkEventKind.Submitted, null, Describe(application), now);
        AddFiles(db, application, files, now);
        Mail(db, application, "NetworkApply.MailReceivedSubject", "NetworkApply.MailReceivedBody", [application.Number, OnboardingRoutes.FollowLink(baseUri, token)], now);
        var bells = await CheckAsync(db, application, hasDocuments: files.Count > 0, baseUri, now, ct);
        await SaveAsync(db, ct);
        bells?.Ring();
        return new SubmittedNetworkApplication(application.Id, application.Number, token, application.Status, NetworkChecks.Parse(application.FailedChecks));
    }

    public async Task<NetworkApplicationDetail> OpenAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var id = await FindAsync(db, token, ct);
        return await NetworkApplicationReviews.DetailAsync(db, id, ct) ?? throw new NetworkLinkInvalidException();
    }

    /// <summary>A rejected application corrected and sent again: a new round, checked again. Documents are optional (earlier rounds' count).</summary>
    public async Task ResubmitAsync(string? token, NetworkApplicationInput input, IReadOnlyList<DocumentUpload> uploads, string baseUri, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var id = await FindAsync(db, token, ct);
        var (fields, files) = Validate(input, uploads);
        var now = time.GetUtcNow().UtcDateTime;

        // The row is claimed before anything else is written: a second tab sending the same link waits here for the first
        // one's commit and then finds the application no longer rejected (one round, not two). Without the claim the two
        // would race for the new organization's name and PostgreSQL could end it in a deadlock instead of an answer.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.NetworkApplications.Where(a => a.Id == id && a.Status == NetworkApplicationStatus.Rejected)
            .ExecuteUpdateAsync(update => update.SetProperty(a => a.UpdatedAtUtc, now), ct);
        var application = await db.NetworkApplications.SingleAsync(a => a.Id == id, ct);
        if (claimed == 0)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"Application {application.Number} is {application.Status}.", "NetworkApply.NotRejected", application.Number);
        }

        await DemandAvailableAsync(db, fields, application.Id, now, ct);
        var hadDocuments = await db.NetworkApplicationDocuments.AnyAsync(d => d.ApplicationId == application.Id, ct);
        application.Round++;
        application.RejectionReason = null;
        application.DecidedByName = null;
        application.DecidedAtUtc = null;
        Apply(application, fields, now);
        Record(db, application, NetworkEventKind.Resubmitted, null, Describe(application), now);
        AddFiles(db, application, files, now);
        Mail(db, application, "NetworkApply.MailResubmittedSubject", "NetworkApply.MailResubmittedBody", [application.Number, application.Round.ToString(CultureInfo.CurrentCulture)], now);
        var bells = await CheckAsync(db, application, hadDocuments || files.Count > 0, baseUri, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException error) when (error is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(error))
        {
            // The same link submitted twice at once (two tabs) makes one round, not two: the other tab's round (and, when it
            // passed the checks, its organization) won. Otherwise another application of the company committed meanwhile.
            await using var fresh = await dbFactory.CreateSystemAsync(ct);
            var round = await fresh.NetworkApplications.Where(a => a.Id == application.Id).Select(a => a.Round).SingleAsync(ct);
            if (round >= application.Round)
            {
                throw new BusinessException(ErrorCodes.AlreadyProcessed, $"Application {application.Number} was resubmitted meanwhile.", "NetworkApply.AlreadyResubmitted", application.Number);
            }

            throw new ValidationException(nameof(NetworkApplicationInput.CreditCode), "NetworkApply.CompanyApplied");
        }

        bells?.Ring();
    }

    /// <summary>
    /// R5: runs the automatic checks on the staged round. All pass: the application is approved by the system and the partner
    /// enrolled. Otherwise it waits for a vendor operator, who is notified.
    /// </summary>
    private async Task<NotificationBatch?> CheckAsync(AppDbContext db, NetworkApplication application, bool hasDocuments, string baseUri, DateTime now, CancellationToken ct)
    {
        var nameTaken = await OrganizationNames.LookAlikeExistsAsync(db, application.CompanyName, ct);
        var failed = NetworkChecks.Failed(application, hasDocuments, nameTaken);
        application.FailedChecks = NetworkChecks.Format(failed);
        if (failed.Count == 0)
        {
            application.Status = NetworkApplicationStatus.Approved;
            application.DecidedByName = Core.Auditing.AuditExtensions.SystemActorName;
            application.DecidedAtUtc = now;
            Record(db, application, NetworkEventKind.AutoApproved, null, null, now);
            await PartnerEnrollment.EnrollAsync(db, application, invitations, null, SystemInviter(application), OnboardingAuditActions.AutoApprove, baseUri, L, time, ct);
            return null;
        }

        application.Status = NetworkApplicationStatus.ManualReview;
        Record(db, application, NetworkEventKind.SentToReview, null, application.FailedChecks, now);
        var reviewers = await Notifier.VendorHoldersAsync(db, OnboardingPermissions.ReviewApplications, ct);
        return await notifier.StageAsync(db, reviewers,
            new NotificationDraft(OnboardingNotifications.ApplicationToReview, "Notification.NetworkToReview", [application.CompanyName, application.Number], OnboardingRoutes.VendorApplications), ct);
    }

    /// <summary>Who the invitation says invited the admin of an automatic approval, in the applicant's language.</summary>
    private string SystemInviter(NetworkApplication application)
    {
        using var language = Cultures.Use(application.ApplicantCulture);
        return L["NetworkApply.SystemInviter"].Value;
    }

    internal static async Task<Guid> FindAsync(AppDbContext db, string? token, CancellationToken ct)
    {
        if (!LinkTokens.IsWellFormed(token))
        {
            throw new NetworkLinkInvalidException();
        }

        var hash = LinkTokens.Hash(token!);
        var id = await db.NetworkApplications.Where(a => a.TokenHash == hash).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
        return id ?? throw new NetworkLinkInvalidException();
    }

    private sealed record Fields(string CompanyName, string CreditCode, string RegisteredAddress, string ContactName, string ContactPhone, string ContactEmail);

    /// <summary>
    /// Refuses only what no reviewer could act on: no company or contact, an address that cannot be mailed, malformed text or
    /// files. A missing address, phone or licence, or a credit code with a wrong check character, is the automatic checks'
    /// business: it sends the application to a reviewer rather than back to the applicant.
    /// </summary>
    private static (Fields Fields, IReadOnlyList<CheckedDocument> Files) Validate(NetworkApplicationInput input, IReadOnlyList<DocumentUpload> uploads)
    {
        var errors = new InputErrors();
        var company = errors.Text(nameof(input.CompanyName), input.CompanyName, OnboardingRules.MaxCompanyName);
        var code = CreditCode.Normalize(input.CreditCode);
        if (code.Length > 0 && (code.Length != CreditCode.Length || !code.All(char.IsAsciiLetterOrDigit)))
        {
            errors.Add(nameof(input.CreditCode), "NetworkApply.CreditCodeFormat", CreditCode.Length);
        }

        var address = errors.Text(nameof(input.RegisteredAddress), input.RegisteredAddress, OnboardingRules.MaxAddress, required: false);
        var contact = errors.Text(nameof(input.ContactName), input.ContactName, OnboardingRules.MaxContactName);
        var phone = errors.Phone(nameof(input.ContactPhone), input.ContactPhone, required: false);
        var email = errors.Email(nameof(input.ContactEmail), input.ContactEmail);
        var files = DocumentUploads.Check(errors, "Attachments", uploads, OnboardingRules.MaxDocuments, requiredKey: null);
        errors.ThrowIfAny();
        return (new Fields(company, code, address, contact, phone, email), files);
    }

    /// <summary>
    /// R41, R42: the partner's admin gets a new account, so the address must not sign in anywhere yet nor be about to (an open
    /// invitation, e.g. the admin invitation of a reseller just approved: a reseller joins another program only with a new
    /// account); and one open or approved application per company.
    /// </summary>
    private static async Task DemandAvailableAsync(AppDbContext db, Fields fields, Guid? exceptId, DateTime now, CancellationToken ct)
    {
        var errors = new InputErrors();
        switch (await MemberAddresses.UseAsync(db, fields.ContactEmail.ToUpperInvariant(), now, ct))
        {
            case AddressUse.HasAccount:
                errors.Add(nameof(NetworkApplicationInput.ContactEmail), "NetworkApply.EmailHasAccount");
                break;
            case AddressUse.Invited:
                errors.Add(nameof(NetworkApplicationInput.ContactEmail), "NetworkApply.EmailInvited");
                break;
        }

        if (fields.CreditCode.Length > 0 && await db.NetworkApplications.AnyAsync(a => a.HeldCreditCode == fields.CreditCode && a.Id != exceptId, ct))
        {
            errors.Add(nameof(NetworkApplicationInput.CreditCode), "NetworkApply.CompanyApplied");
        }

        errors.ThrowIfAny();
    }

    private static void Apply(NetworkApplication application, Fields fields, DateTime now)
    {
        application.CompanyName = fields.CompanyName;
        application.CreditCode = fields.CreditCode;
        application.HeldCreditCode = fields.CreditCode.Length > 0 ? fields.CreditCode : null;
        application.RegisteredAddress = fields.RegisteredAddress;
        application.ContactName = fields.ContactName;
        application.ContactPhone = fields.ContactPhone;
        application.ContactEmail = fields.ContactEmail;
        application.RoundSubmittedAtUtc = now;
        // The form's language is the request's; an unsupported one (never set by the app's own pages) falls back to the default.
        application.ApplicantCulture = Cultures.SupportedOrDefault(CultureInfo.CurrentUICulture.Name);
        application.UpdatedAtUtc = now;
    }

    private static string Describe(NetworkApplication a) =>
        string.Join(" · ", new[] { a.CompanyName, a.CreditCode, a.RegisteredAddress, a.ContactName, a.ContactPhone, a.ContactEmail }.Where(v => v.Length > 0));

    internal static void Record(AppDbContext db, NetworkApplication application, NetworkEventKind kind, string? actorName, string? details, DateTime now, string? reason = null) =>
        db.NetworkApplicationEvents.Add(new NetworkApplicationEvent
        {
            ApplicationId = application.Id,
            Round = application.Round,
            Kind = kind,
            ActorName = actorName,
            Reason = reason,
            Details = details,
            AtUtc = now,
        });

    private static void AddFiles(AppDbContext db, NetworkApplication application, IReadOnlyList<CheckedDocument> files, DateTime now)
    {
        foreach (var file in files)
        {
            db.NetworkApplicationDocuments.Add(new NetworkApplicationDocument
            {
                ApplicationId = application.Id,
                Round = application.Round,
                FileName = file.FileName,
                ContentType = file.ContentType,
                SizeBytes = file.Content.Length,
                Content = file.Content,
                UploadedAtUtc = now,
            });
        }
    }

    private void Mail(AppDbContext db, NetworkApplication application, string subjectKey, string bodyKey, object[] arguments, DateTime now) =>
        SendToApplicant(db, mail, L, application, subjectKey, bodyKey, arguments, now);

    /// <summary>A mail to the applicant, written in the language it applied in (not the language of whoever's action sends it).</summary>
    internal static void SendToApplicant(AppDbContext db, IMailSender mail, IStringLocalizer<SharedResource> L, NetworkApplication application,
        string subjectKey, string bodyKey, object[] arguments, DateTime now)
    {
        using var language = Cultures.Use(application.ApplicantCulture);
        mail.Send(db, new OutgoingMail(application.ContactEmail, L[subjectKey, application.Number].Value,
            string.Format(CultureInfo.CurrentCulture, L[bodyKey].Value, arguments), MailKind, null), now);
    }

    private static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            // Another application of the same company (or an organization of the same name) committed meanwhile.
            throw new ValidationException(nameof(NetworkApplicationInput.CreditCode), "NetworkApply.CompanyApplied");
        }
    }
}
