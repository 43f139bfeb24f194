using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Time;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features.Members;
using BlazorPartner.Platform.Localization;
using BlazorPartner.Platform.Notifications;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Platform.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Resellers;

/// <summary>A reviewer came second: the application was already decided, by whom and when.</summary>
public sealed class ResellerAlreadyDecidedException(string number, string? decidedBy, DateTime? decidedAtUtc)
    : BusinessException(ErrorCodes.AlreadyProcessed, $"Application {number} was already decided by {decidedBy}.",
        "Reseller.AlreadyDecided", number, decidedBy ?? "", BeijingTime.Format(decidedAtUtc));

/// <summary>
/// R40's two levels: the vendor operator approves (on to the distributor) or rejects with a reason; then the named
/// distributor's reviewer approves (the reseller organization is created under it and its admin invited) or rejects with a
/// reason, one at a time or in a batch that reports each application's outcome. Every decision checks level, tenant and
/// the version the reviewer saw: of two reviewers acting at once exactly one succeeds and the other is told who was first.
/// </summary>
public sealed class ResellerReviews(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    IMailSender mail,
    Notifier notifier,
    MemberInvitations invitations,
    ChangeFeed changes,
    IStringLocalizer<SharedResource> L,
    ILogger<ResellerReviews> logger)
{
    public const int MaxBatch = ResellerQueries.MaxPageSize;

    public async Task VendorApproveAsync(Actor actor, ApplicationTarget target, CancellationToken ct = default)
    {
        Demand(actor, ResellerReviewLevel.Vendor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var application = await LoadAsync(db, target, ResellerApplicationStatus.VendorReview, ct);
        var now = Decide(application, actor, ResellerApplicationStatus.DistributorReview);
        // The distributor's wait (and its service level) starts now, not at the submission the vendor already answered.
        application.WaitingSinceUtc = now;
        Record(db, application, ResellerEventKind.VendorApproved, actor, reason: null, now);
        db.Audit(actor, Change(application, ResellerAuditActions.VendorApprove) with
        {
            Before = new { Status = ResellerApplicationStatus.VendorReview },
            After = new { application.Status, application.Round },
        }, time);
        var reviewers = await Notifier.PermissionHoldersAsync(db, application.OrganizationId, ResellerPermissions.Decide, ct);
        var bells = await notifier.StageAsync(db, reviewers,
            new NotificationDraft(ResellerNotifications.ForDistributor, "Notification.ResellerForDistributor", [application.CompanyName, application.Number], ResellerRoutes.DistributorApplications), ct);
        var distributor = await db.Organizations.Where(o => o.Id == application.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        ResellerApplicationIntake.SendToApplicant(db, mail, L, application, "ResellerApply.MailVendorApprovedSubject", "ResellerApply.MailVendorApprovedBody",
            [application.Number, distributor], now);
        await SaveOrReportWinnerAsync(db, application, ResellerApplicationStatus.VendorReview, ct);
        bells.Ring();
    }

    public Task VendorRejectAsync(Actor actor, RejectApplicationInput input, CancellationToken ct = default) =>
        RejectAsync(actor, input, ResellerReviewLevel.Vendor, ct);

    public Task DistributorRejectAsync(Actor actor, RejectApplicationInput input, CancellationToken ct = default) =>
        RejectAsync(actor, input, ResellerReviewLevel.Distributor, ct);

    /// <summary>The second level's approval: the reseller organization under this distributor, and its admin's invitation.</summary>
    public async Task<Guid> DistributorApproveAsync(Actor actor, ApplicationTarget target, string baseUri, CancellationToken ct = default)
    {
        Demand(actor, ResellerReviewLevel.Distributor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var application = await LoadAsync(db, target, ResellerApplicationStatus.DistributorReview, ct);

        // R41, R42: the reseller's admin is a new account. An address that gained an account since submission cannot be invited.
        var email = application.ContactEmail.ToUpperInvariant();
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedEmail == email, ct))
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"{application.ContactEmail} already has an account.", "Reseller.EmailTakenSince", application.Number);
        }

        var now = Decide(application, actor, ResellerApplicationStatus.Approved);
        var reseller = new Organization
        {
            Name = await ResellerNameAsync(db, application, ct),
            Kind = OrganizationKind.Reseller,
            ParentOrganizationId = actor.OrganizationId,
            CreatedUtc = now,
        };
        db.Organizations.Add(reseller);
        application.ResellerOrganizationId = reseller.Id;
        Record(db, application, ResellerEventKind.DistributorApproved, actor, reason: null, now);
        db.Audit(actor, Change(application, ResellerAuditActions.DistributorApprove) with
        {
            Before = new { Status = ResellerApplicationStatus.DistributorReview },
            After = new { application.Status, Reseller = reseller.Name },
        }, time);
        // The applicant learns of the approval from its admin invitation, in the language it applied in.
        var distributor = await db.Organizations.Where(o => o.Id == application.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        using (Cultures.Use(application.ApplicantCulture))
        {
            var approval = new InvitationPreface(L["ResellerApply.MailApprovedSubject", application.Number, reseller.Name].Value,
                L["ResellerApply.MailApprovedLead", application.Number, distributor, reseller.Name].Value);
            invitations.StageFirstAdmin(db, actor, actor.DisplayName, reseller.Id, reseller.Name, application.ContactEmail, baseUri, now, approval);
        }

        await SaveOrReportWinnerAsync(db, application, ResellerApplicationStatus.DistributorReview, ct);
        return reseller.Id;
    }

    /// <summary>
    /// The new organization's name: the company's, unless an organization already has it or one that looks the same
    /// (<see cref="OrganizationNames"/>; R41: a solution provider may become a reseller with another account, and organization
    /// names are unique because people sign in by them); then the company name with the application number, which is unique
    /// and language-neutral.
    /// </summary>
    private static async Task<string> ResellerNameAsync(AppDbContext db, ResellerApplication application, CancellationToken ct) =>
        await OrganizationNames.LookAlikeExistsAsync(db, application.CompanyName, ct)
            ? Organization.NameWithSuffix(application.CompanyName, application.Number)
            : application.CompanyName;

    /// <summary>Approves each application in its own transaction, so one refusal (e.g. someone was first) stops no other.</summary>
    public async Task<IReadOnlyList<BatchOutcome>> DistributorApproveManyAsync(Actor actor, IReadOnlyList<ApplicationTarget> targets, string baseUri, CancellationToken ct = default)
    {
        Demand(actor, ResellerReviewLevel.Distributor);
        if (targets.Count == 0 || targets.Count > MaxBatch)
        {
            throw new ValidationException("Selection", "Reseller.BatchSize", MaxBatch);
        }

        var names = await NamesAsync(actor, targets.Select(t => t.Id).ToList(), ct);
        var outcomes = new List<BatchOutcome>();
        foreach (var target in targets.DistinctBy(t => t.Id))
        {
            var (number, company) = names.GetValueOrDefault(target.Id, ("", ""));
            try
            {
                await DistributorApproveAsync(actor, target, baseUri, ct);
                outcomes.Add(new BatchOutcome(target.Id, number, company, true, null, []));
            }
            catch (BusinessException refused)
            {
                logger.LogInformation("Batch approval of reseller application {Id} refused: {Code}", target.Id, refused.Code);
                outcomes.Add(new BatchOutcome(target.Id, number, company, false, refused.ResourceKey, refused.Arguments));
            }
            catch (DbUpdateException failed)
            {
                // One item's failure must not hide the outcome of the others (R40: each application's outcome is reported).
                logger.LogWarning(failed, "Batch approval of reseller application {Id} failed", target.Id);
                outcomes.Add(new BatchOutcome(target.Id, number, company, false, "Reseller.BatchItemFailed", []));
            }
        }

        return outcomes;
    }

    private async Task RejectAsync(Actor actor, RejectApplicationInput input, ResellerReviewLevel level, CancellationToken ct)
    {
        Demand(actor, level);
        var errors = new InputErrors();
        var reason = errors.Text(nameof(input.Reason), input.Reason, ResellerRules.MaxReason);
        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var expected = ResellerRules.WaitingFor(level);
        var application = await LoadAsync(db, input.Target, expected, ct);
        var now = Decide(application, actor, ResellerApplicationStatus.Rejected);
        application.RejectedAt = level;
        application.RejectionReason = reason;
        // The company is free again until it resubmits (another application of it may now go in).
        application.HeldCreditCode = null;
        Record(db, application, level == ResellerReviewLevel.Vendor ? ResellerEventKind.VendorRejected : ResellerEventKind.DistributorRejected, actor, reason, now);
        db.Audit(actor, Change(application, level == ResellerReviewLevel.Vendor ? ResellerAuditActions.VendorReject : ResellerAuditActions.DistributorReject) with
        {
            Before = new { Status = expected },
            After = new { application.Status },
            Reason = reason,
        }, time);
        ResellerApplicationIntake.SendToApplicant(db, mail, L, application, "ResellerApply.MailRejectedSubject", "ResellerApply.MailRejectedBody", [application.Number, reason], now);
        await SaveOrReportWinnerAsync(db, application, expected, ct);
    }

    private static void Demand(Actor actor, ResellerReviewLevel level)
    {
        if (ResellerQueries.LevelOf(actor) != level)
        {
            throw new AccessDeniedException(level == ResellerReviewLevel.Vendor ? "review reseller applications for the vendor" : "decide reseller applications for a distributor");
        }
    }

    private static async Task<ResellerApplication> LoadAsync(AppDbContext db, ApplicationTarget target, ResellerApplicationStatus expected, CancellationToken ct)
    {
        // The tenant filter limits a distributor to the applications that name it; another's is simply not found.
        var application = await db.ResellerApplications.SingleOrDefaultAsync(a => a.Id == target.Id, ct)
            ?? throw new NotFoundException(nameof(ResellerApplication), target.Id);
        if (expected == ResellerApplicationStatus.DistributorReview && application.Status == ResellerApplicationStatus.VendorReview)
        {
            // Not yet the distributor's to see.
            throw new NotFoundException(nameof(ResellerApplication), target.Id);
        }

        if (application.Status != expected)
        {
            throw new ResellerAlreadyDecidedException(application.Number, application.DecidedByName, application.DecidedAtUtc);
        }

        if (application.Version != target.ExpectedVersion)
        {
            throw ChangedElsewhere(application);
        }

        return application;
    }

    private DateTime Decide(ResellerApplication application, Actor actor, ResellerApplicationStatus status)
    {
        var now = time.GetUtcNow().UtcDateTime;
        application.Status = status;
        application.DecidedByName = actor.DisplayName;
        application.DecidedAtUtc = now;
        application.UpdatedAtUtc = now;
        return now;
    }

    private static void Record(AppDbContext db, ResellerApplication application, ResellerEventKind kind, Actor actor, string? reason, DateTime now) =>
        db.ResellerApplicationEvents.Add(new ResellerApplicationEvent
        {
            ApplicationId = application.Id,
            OrganizationId = application.OrganizationId,
            Round = application.Round,
            Kind = kind,
            ActorName = actor.DisplayName,
            Reason = reason,
            AtUtc = now,
        });

    /// <param name="before">The status this decision started from: if the application left it meanwhile, someone decided first.</param>
    private async Task SaveOrReportWinnerAsync(AppDbContext db, ResellerApplication application, ResellerApplicationStatus before, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            // Both levels' lists, To do pages and menu counts show the application moved (on every instance); a refused
            // decision changed nothing and publishes nothing.
            changes.Publish(LiveTopics.VendorReviewQueue, LiveTopics.ReviewQueue(application.OrganizationId));
        }
        catch (DbUpdateException error) when (error is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(error))
        {
            // A concurrent decision got there first: the version check, or (two approvals creating the same reseller name at
            // once) the organization's unique name, refused this one. Re-read who decided.
            logger.LogInformation("Concurrent decision on reseller application {Id} lost the race", application.Id);
            await using var fresh = await dbFactory.CreateSystemAsync(ct);
            var winner = await fresh.ResellerApplications.AsNoTracking().Where(a => a.Id == application.Id)
                .Select(a => new { a.Number, a.Status, a.DecidedByName, a.DecidedAtUtc }).SingleAsync(ct);
            throw winner.Status != before
                ? new ResellerAlreadyDecidedException(winner.Number, winner.DecidedByName, winner.DecidedAtUtc)
                : ChangedElsewhere(application);
        }
    }

    private async Task<Dictionary<Guid, (string Number, string Company)>> NamesAsync(Actor actor, List<Guid> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.ResellerApplications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => (a.Number, a.CompanyName), ct);
    }

    private static BusinessException ChangedElsewhere(ResellerApplication application) =>
        new(ErrorCodes.AlreadyProcessed, $"Application {application.Number} was changed by someone else.", "Reseller.ChangedElsewhere", application.Number);

    internal static AuditChange Change(ResellerApplication application, string action) =>
        new(nameof(ResellerApplication), application.Id.ToString(), action) { OrganizationId = application.OrganizationId };
}
