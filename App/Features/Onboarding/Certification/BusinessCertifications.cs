using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Time;
using BlazorPartner.Core.Validation;
using BlazorPartner.Platform.Live;
using BlazorPartner.Platform.Notifications;
using BlazorPartner.Platform.Uploads;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Onboarding.Certification;

/// <summary>
/// A reviewer came second, or the partner's form was stale: who decided and when, or (a partner's own submission meanwhile,
/// which no one decided yet) only that it changed.
/// </summary>
public sealed class CertificationChangedException(string? decidedBy, DateTime? decidedAtUtc)
    : BusinessException(ErrorCodes.AlreadyProcessed, $"The certification was already changed by {decidedBy}.",
        decidedBy is null ? "Certification.ChangedMeanwhile" : "Certification.AlreadyChanged", decidedBy ?? "", BeijingTime.Format(decidedAtUtc));

/// <summary>
/// R6, business-information certification. The partner submits its legal name, credit code and the bank account incentives
/// are paid to; certification runs at once: the same bank account the vendor holds for the company as a supplier (or no
/// supplier record) and an account in the company's own name certify automatically. A different bank account fails and
/// asks for a bank letter, which a vendor reviewer processes; an account holder other than the company goes to a reviewer.
/// A rejection carries a reason and the partner submits again (a new round). Every step is in the history and the audit.
/// </summary>
public sealed class BusinessCertifications(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    Notifier notifier,
    ChangeFeed changes,
    ILogger<BusinessCertifications> logger)
{
    /// <summary>The partner's own certification; null before its first submission.</summary>
    public async Task<CertificationView?> MineAsync(Actor actor, CancellationToken ct = default)
    {
        DemandPartner(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var id = await db.BusinessCertifications.Where(c => c.OrganizationId == actor.OrganizationId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        return id is null ? null : await ViewAsync(db, id.Value, ct);
    }

    public async Task<CertificationView> SubmitAsync(Actor actor, CertificationInput input, CancellationToken ct = default)
    {
        DemandPartner(actor);
        var fields = Validate(input);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        // A company is certified by one partner: another's certification of the same credit code (not rejected) would let a
        // bank letter approved for one partner rewrite the supplier record the other is paid by.
        if (await db.BusinessCertifications.IgnoreQueryFilters()
                .AnyAsync(c => c.CreditCode == fields.CreditCode && c.OrganizationId != actor.OrganizationId && c.Status != CertificationStatus.Rejected, ct))
        {
            throw new ValidationException(nameof(CertificationInput.CreditCode), "Certification.CodeTaken");
        }

        var certification = await db.BusinessCertifications.SingleOrDefaultAsync(c => c.OrganizationId == actor.OrganizationId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (certification is null)
        {
            if (input.ExpectedVersion is not null)
            {
                throw new CertificationChangedException(null, null);
            }

            certification = db.BusinessCertifications.Add(new BusinessCertification { OrganizationId = actor.OrganizationId, Round = 1, SubmittedAtUtc = now }).Entity;
        }
        else
        {
            if (certification.Version != input.ExpectedVersion)
            {
                throw new CertificationChangedException(certification.DecidedByName, certification.DecidedAtUtc);
            }

            if (!IsOpenToPartner(certification.Status))
            {
                throw new BusinessException(ErrorCodes.IllegalOperation, "The certification is with a reviewer.", "Certification.UnderReview");
            }

            certification.Round++;
            certification.SubmittedAtUtc = now;
        }

        var before = db.Entry(certification).State == EntityState.Added ? null : (CertificationStatus?)certification.Status;
        certification.LegalName = fields.LegalName;
        certification.CreditCode = fields.CreditCode;
        certification.BankName = fields.BankName;
        certification.BankAccount = fields.BankAccount;
        certification.AccountHolder = fields.AccountHolder;
        certification.RejectionReason = null;
        certification.DecidedByName = null;
        certification.DecidedAtUtc = null;
        Record(db, certification, CertificationEventKind.Submitted, actor.DisplayName, null, now);

        // Automatic certification (R6).
        var supplier = await db.SupplierRecords.AsNoTracking().SingleOrDefaultAsync(s => s.CreditCode == fields.CreditCode, ct);
        NotificationBatch? bells = null;
        if (supplier is not null && (supplier.BankAccount != fields.BankAccount || OnboardingRules.ComparableName(supplier.BankName) != OnboardingRules.ComparableName(fields.BankName)))
        {
            Move(certification, CertificationStatus.BankLetterRequired, null, now);
            Record(db, certification, CertificationEventKind.BankMismatch, null, null, now);
        }
        else if (OnboardingRules.ComparableName(fields.AccountHolder) != OnboardingRules.ComparableName(fields.LegalName))
        {
            Move(certification, CertificationStatus.ManualReview, null, now);
            Record(db, certification, CertificationEventKind.SentToReview, null, null, now);
            bells = await NotifyReviewersAsync(db, certification, actor, ct);
        }
        else
        {
            Move(certification, CertificationStatus.Certified, AuditExtensions.SystemActorName, now);
            Record(db, certification, CertificationEventKind.AutoCertified, null, null, now);
        }

        db.Audit(actor, Change(certification, OnboardingAuditActions.CertificationSubmit) with
        {
            Before = new { Status = before },
            After = new { certification.Status, certification.Round, certification.LegalName, certification.BankName, BankAccount = OnboardingRules.MaskAccount(certification.BankAccount) },
        }, time);
        await SaveAsync(db, certification, ct);
        bells?.Ring();
        // A new round may enter the reviewers' queue or take the previous one out of it.
        changes.Publish(LiveTopics.VendorReviewQueue);
        return (await ViewAsync(db, certification.Id, ct))!;
    }

    /// <summary>After a bank mismatch: the bank letter goes to a vendor reviewer (3–5 working days).</summary>
    public async Task UploadBankLetterAsync(Actor actor, int expectedVersion, IReadOnlyList<DocumentUpload> uploads, CancellationToken ct = default)
    {
        DemandPartner(actor);
        var errors = new InputErrors();
        var files = DocumentUploads.Check(errors, "BankLetter", uploads, OnboardingRules.MaxDocuments, "Certification.BankLetterRequiredField");
        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var certification = await db.BusinessCertifications.SingleOrDefaultAsync(c => c.OrganizationId == actor.OrganizationId, ct)
            ?? throw new NotFoundException(nameof(BusinessCertification), actor.OrganizationId);
        if (certification.Version != expectedVersion)
        {
            throw new CertificationChangedException(certification.DecidedByName, certification.DecidedAtUtc);
        }

        if (certification.Status != CertificationStatus.BankLetterRequired)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"The certification is {certification.Status}.", "Certification.NoLetterNeeded");
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var file in files)
        {
            db.CertificationDocuments.Add(new CertificationDocument
            {
                CertificationId = certification.Id,
                OrganizationId = certification.OrganizationId,
                Round = certification.Round,
                FileName = file.FileName,
                ContentType = file.ContentType,
                SizeBytes = file.Content.Length,
                Content = file.Content,
                UploadedAtUtc = now,
            });
        }

        Move(certification, CertificationStatus.BankLetterReview, null, now);
        Record(db, certification, CertificationEventKind.BankLetterUploaded, actor.DisplayName, null, now);
        db.Audit(actor, Change(certification, OnboardingAuditActions.CertificationLetter) with
        {
            Before = new { Status = CertificationStatus.BankLetterRequired },
            After = new { certification.Status, Files = files.Select(f => f.FileName).ToList() },
        }, time);
        var bells = await NotifyReviewersAsync(db, certification, actor, ct);
        await SaveAsync(db, certification, ct);
        bells.Ring();
        // Every vendor reviewer's queue follows, not only the decider's (or, for a letter, the notified reviewers').
        changes.Publish(LiveTopics.VendorReviewQueue);
    }

    public async Task<CertificationPage> ListAsync(Actor actor, CertificationFilter filter, int skip, int take, CancellationToken ct = default)
    {
        DemandReviewer(actor);
        take = Math.Clamp(take, 1, OnboardingRules.MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var rows = db.BusinessCertifications.AsNoTracking();
        IQueryable<BusinessCertification> ordered;
        if (filter == CertificationFilter.ToReview)
        {
            rows = rows.Where(c => c.Status == CertificationStatus.ManualReview || c.Status == CertificationStatus.BankLetterReview);
            ordered = rows.OrderBy(c => c.WaitingSinceUtc).ThenBy(c => c.Id);
        }
        else
        {
            ordered = rows.OrderByDescending(c => c.UpdatedAtUtc).ThenByDescending(c => c.Id);
        }

        var total = await rows.CountAsync(ct);
        var page = await ordered.Skip(Math.Max(0, skip)).Take(take)
            .Select(c => new CertificationRow(c.Id, db.Organizations.Where(o => o.Id == c.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
                c.LegalName, c.Status, c.Round, c.WaitingSinceUtc, c.DecidedByName, c.Version))
            .ToListAsync(ct);
        return new CertificationPage(page, total);
    }

    public async Task<CertificationReview> ReviewAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        DemandReviewer(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var view = await ViewAsync(db, id, ct) ?? throw new NotFoundException(nameof(BusinessCertification), id);
        var supplier = await db.SupplierRecords.AsNoTracking().SingleOrDefaultAsync(s => s.CreditCode == view.CreditCode, ct);
        return new CertificationReview(view, supplier?.BankName, supplier?.BankAccount);
    }

    /// <summary>
    /// The reviewer certifies. For a bank letter, the letter proves the account: the vendor's supplier record takes the
    /// certified bank details, so the next certification of the company passes automatically.
    /// </summary>
    public async Task ApproveAsync(Actor actor, CertificationTarget target, CancellationToken ct = default)
    {
        DemandReviewer(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var certification = await LoadForDecisionAsync(db, target, ct);
        var before = certification.Status;
        var now = time.GetUtcNow().UtcDateTime;
        Move(certification, CertificationStatus.Certified, actor.DisplayName, now);
        Record(db, certification, CertificationEventKind.Approved, actor.DisplayName, null, now);
        if (before == CertificationStatus.BankLetterReview)
        {
            var supplier = await db.SupplierRecords.SingleOrDefaultAsync(s => s.CreditCode == certification.CreditCode, ct);
            if (supplier is not null)
            {
                supplier.BankName = certification.BankName;
                supplier.BankAccount = certification.BankAccount;
                supplier.UpdatedAtUtc = now;
            }
        }

        db.Audit(actor, Change(certification, OnboardingAuditActions.CertificationApprove) with
        {
            Before = new { Status = before },
            After = new { certification.Status, certification.Round },
        }, time);
        var bells = await NotifyPartnerAsync(db, certification, "Notification.CertificationCertified", [], ct);
        await SaveAsync(db, certification, ct);
        bells.Ring();
        // Every vendor reviewer's queue follows, not only the decider's (or, for a letter, the notified reviewers').
        changes.Publish(LiveTopics.VendorReviewQueue);
    }

    public async Task RejectAsync(Actor actor, RejectCertificationInput input, CancellationToken ct = default)
    {
        DemandReviewer(actor);
        var errors = new InputErrors();
        var reason = errors.Text(nameof(input.Reason), input.Reason, OnboardingRules.MaxReason);
        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var certification = await LoadForDecisionAsync(db, input.Target, ct);
        var before = certification.Status;
        var now = time.GetUtcNow().UtcDateTime;
        Move(certification, CertificationStatus.Rejected, actor.DisplayName, now);
        certification.RejectionReason = reason;
        Record(db, certification, CertificationEventKind.Rejected, actor.DisplayName, reason, now);
        db.Audit(actor, Change(certification, OnboardingAuditActions.CertificationReject) with
        {
            Before = new { Status = before },
            After = new { certification.Status, certification.Round },
            Reason = reason,
        }, time);
        var bells = await NotifyPartnerAsync(db, certification, "Notification.CertificationRejected", [reason], ct);
        await SaveAsync(db, certification, ct);
        bells.Ring();
        // Every vendor reviewer's queue follows, not only the decider's (or, for a letter, the notified reviewers').
        changes.Publish(LiveTopics.VendorReviewQueue);
    }

    /// <summary>A bank letter for the vendor's reviewers or the partner's own certifiers; null for anyone else (404).</summary>
    public async Task<OnboardingDocument?> DocumentAsync(Actor actor, Guid certificationId, Guid documentId, CancellationToken ct = default)
    {
        if (!CanReview(actor) && !(actor.Can(OnboardingPermissions.Certify) && !actor.IsVendor))
        {
            return null;
        }

        // The tenant filter keeps a partner to its own organization's letters.
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.CertificationDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.CertificationId == certificationId)
            .Select(d => new OnboardingDocument(d.FileName, d.ContentType, d.Content))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<int> WaitingCountAsync(Actor actor, CancellationToken ct = default)
    {
        DemandReviewer(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.BusinessCertifications.CountAsync(c => c.Status == CertificationStatus.ManualReview || c.Status == CertificationStatus.BankLetterReview, ct);
    }

    internal static bool CanReview(Actor actor) => actor.IsVendor && actor.Can(OnboardingPermissions.ReviewCertifications);

    private static bool IsOpenToPartner(CertificationStatus status) => status is not (CertificationStatus.ManualReview or CertificationStatus.BankLetterReview);

    private sealed record Fields(string LegalName, string CreditCode, string BankName, string BankAccount, string AccountHolder);

    private static Fields Validate(CertificationInput input)
    {
        var errors = new InputErrors();
        var legal = errors.Text(nameof(input.LegalName), input.LegalName, OnboardingRules.MaxCompanyName);
        var code = CreditCode.Normalize(input.CreditCode);
        if (code.Length == 0)
        {
            errors.Add(nameof(input.CreditCode), "Validation.Required");
        }
        else if (!CreditCode.IsValid(code))
        {
            errors.Add(nameof(input.CreditCode), "Registration.CreditCodeInvalid");
        }

        var bank = errors.Text(nameof(input.BankName), input.BankName, OnboardingRules.MaxBankName);
        var account = OnboardingRules.NormalizeBankAccount(input.BankAccount);
        if (string.IsNullOrWhiteSpace(input.BankAccount))
        {
            errors.Add(nameof(input.BankAccount), "Validation.Required");
        }
        else if (account is null)
        {
            errors.Add(nameof(input.BankAccount), "Certification.BankAccountInvalid");
        }

        var holder = errors.Text(nameof(input.AccountHolder), input.AccountHolder, OnboardingRules.MaxCompanyName);
        errors.ThrowIfAny();
        return new Fields(legal, code, bank, account!, holder);
    }

    private static void DemandPartner(Actor actor)
    {
        if (actor.OrganizationKind == OrganizationKind.Vendor || !actor.Can(OnboardingPermissions.Certify))
        {
            throw new AccessDeniedException(OnboardingPermissions.Certify);
        }
    }

    private static void DemandReviewer(Actor actor)
    {
        if (!CanReview(actor))
        {
            throw new AccessDeniedException(OnboardingPermissions.ReviewCertifications);
        }
    }

    private static async Task<BusinessCertification> LoadForDecisionAsync(AppDbContext db, CertificationTarget target, CancellationToken ct)
    {
        var certification = await db.BusinessCertifications.SingleOrDefaultAsync(c => c.Id == target.Id, ct)
            ?? throw new NotFoundException(nameof(BusinessCertification), target.Id);
        if (certification.Version != target.ExpectedVersion || !IsWithReviewer(certification.Status))
        {
            throw new CertificationChangedException(certification.DecidedByName, certification.DecidedAtUtc);
        }

        return certification;
    }

    private static bool IsWithReviewer(CertificationStatus status) => status is CertificationStatus.ManualReview or CertificationStatus.BankLetterReview;

    private static void Move(BusinessCertification certification, CertificationStatus status, string? decidedBy, DateTime now)
    {
        certification.Status = status;
        certification.WaitingSinceUtc = now;
        certification.UpdatedAtUtc = now;
        if (decidedBy is not null)
        {
            certification.DecidedByName = decidedBy;
            certification.DecidedAtUtc = now;
        }
    }

    private static void Record(AppDbContext db, BusinessCertification certification, CertificationEventKind kind, string? actorName, string? reason, DateTime now) =>
        db.CertificationEvents.Add(new CertificationEvent
        {
            CertificationId = certification.Id,
            OrganizationId = certification.OrganizationId,
            Round = certification.Round,
            Kind = kind,
            ActorName = actorName,
            Reason = reason,
            AtUtc = now,
        });

    private async Task<NotificationBatch> NotifyReviewersAsync(AppDbContext db, BusinessCertification certification, Actor actor, CancellationToken ct)
    {
        var reviewers = await Notifier.VendorHoldersAsync(db, OnboardingPermissions.ReviewCertifications, ct);
        var partner = await db.Organizations.Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        return await notifier.StageAsync(db, reviewers,
            new NotificationDraft(OnboardingNotifications.CertificationToReview, "Notification.CertificationToReview", [partner], OnboardingRoutes.VendorCertifications), ct);
    }

    private async Task<NotificationBatch> NotifyPartnerAsync(AppDbContext db, BusinessCertification certification, string messageKey, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var admins = await Notifier.PermissionHoldersAsync(db, certification.OrganizationId, OnboardingPermissions.Certify, ct);
        return await notifier.StageAsync(db, admins, new NotificationDraft(OnboardingNotifications.CertificationDecided, messageKey, arguments, OnboardingRoutes.Certification), ct);
    }

    private async Task SaveAsync(AppDbContext db, BusinessCertification certification, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(error))
        {
            // Another admin's submission or another reviewer's decision committed first.
            logger.LogInformation("Concurrent change of the certification of {Organization} lost the race", certification.OrganizationId);
            await using var fresh = await dbFactory.CreateSystemAsync(ct);
            var winner = await fresh.BusinessCertifications.AsNoTracking().Where(c => c.OrganizationId == certification.OrganizationId)
                .Select(c => new { c.DecidedByName, c.DecidedAtUtc }).SingleOrDefaultAsync(ct);
            throw new CertificationChangedException(winner?.DecidedByName, winner?.DecidedAtUtc);
        }
    }

    private static async Task<CertificationView?> ViewAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var c = await db.BusinessCertifications.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var partner = await db.Organizations.Where(o => o.Id == c.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var history = await db.CertificationEvents.AsNoTracking().Where(e => e.CertificationId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Kind)
            .Select(e => new CertificationEventRow(e.Round, e.Kind, e.ActorName, e.Reason, e.AtUtc)).ToListAsync(ct);
        var documents = await db.CertificationDocuments.AsNoTracking().Where(d => d.CertificationId == id).OrderBy(d => d.Round).ThenBy(d => d.FileName)
            .Select(d => new CertificationDocumentRow(d.Id, d.Round, d.FileName, d.SizeBytes, d.UploadedAtUtc)).ToListAsync(ct);
        return new CertificationView(c.Id, c.OrganizationId, partner, c.LegalName, c.CreditCode, c.BankName, c.BankAccount, c.AccountHolder, c.Status, c.Round,
            c.RejectionReason, c.DecidedByName, c.DecidedAtUtc, c.WaitingSinceUtc, c.Version, history, documents);
    }

    private static AuditChange Change(BusinessCertification certification, string action) =>
        new(nameof(BusinessCertification), certification.Id.ToString(), action) { OrganizationId = certification.OrganizationId };
}
