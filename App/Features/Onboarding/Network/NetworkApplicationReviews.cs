using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features.Members;
using BlazorPartner.Platform.Live;
using BlazorPartner.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Onboarding.Network;

/// <summary>A reviewer came second: the application was already decided, by whom and when.</summary>
public sealed class NetworkAlreadyDecidedException(string number, string? decidedBy, DateTime? decidedAtUtc)
    : BusinessException(ErrorCodes.AlreadyProcessed, $"Application {number} was already decided by {decidedBy}.",
        "Network.AlreadyDecided", number, decidedBy ?? "", BeijingTime.Format(decidedAtUtc));

/// <summary>
/// The vendor operator's side of R5: the applications the automatic checks sent to manual review, each with the checks that
/// failed, its documents and history; approve (the partner is enrolled) or reject with a reason the applicant reads. Every
/// decision checks the vendor's permission and the version the reviewer saw: of two reviewers exactly one succeeds.
/// </summary>
public sealed class NetworkApplicationReviews(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    IMailSender mail,
    MemberInvitations invitations,
    IStringLocalizer<SharedResource> L,
    ChangeFeed changes,
    ILogger<NetworkApplicationReviews> logger)
{
    public async Task<NetworkApplicationPage> ListAsync(Actor actor, NetworkApplicationFilter filter, int skip, int take, CancellationToken ct = default)
    {
        Demand(actor);
        take = Math.Clamp(take, 1, OnboardingRules.MaxPageSize);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var rows = db.NetworkApplications.AsNoTracking();
        IQueryable<NetworkApplication> ordered;
        if (filter == NetworkApplicationFilter.ToReview)
        {
            rows = rows.Where(a => a.Status == NetworkApplicationStatus.ManualReview);
            ordered = rows.OrderBy(a => a.RoundSubmittedAtUtc).ThenBy(a => a.Id);
        }
        else
        {
            ordered = rows.OrderByDescending(a => a.UpdatedAtUtc).ThenByDescending(a => a.Id);
        }

        var total = await rows.CountAsync(ct);
        var page = await ordered.Skip(Math.Max(0, skip)).Take(take)
            .Select(a => new { a.Id, a.Number, a.CompanyName, a.CreditCode, a.Status, a.Round, a.FailedChecks, a.RoundSubmittedAtUtc, a.DecidedByName, a.Version })
            .ToListAsync(ct);
        return new NetworkApplicationPage(
            page.Select(a => new NetworkApplicationRow(a.Id, a.Number, a.CompanyName, a.CreditCode, a.Status, a.Round, NetworkChecks.Parse(a.FailedChecks), a.RoundSubmittedAtUtc, a.DecidedByName, a.Version)).ToList(),
            total);
    }

    public async Task<int> WaitingCountAsync(Actor actor, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.NetworkApplications.CountAsync(a => a.Status == NetworkApplicationStatus.ManualReview, ct);
    }

    public async Task<NetworkApplicationDetail> DetailAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await DetailAsync(db, id, ct) ?? throw new NotFoundException(nameof(NetworkApplication), id);
    }

    /// <summary>A document for the vendor's reviewers; null for anyone else or an unknown id (the endpoint answers 404).</summary>
    public async Task<OnboardingDocument?> DocumentAsync(Actor actor, Guid applicationId, Guid documentId, CancellationToken ct = default)
    {
        if (!CanReview(actor))
        {
            return null;
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.NetworkApplicationDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.ApplicationId == applicationId)
            .Select(d => new OnboardingDocument(d.FileName, d.ContentType, d.Content))
            .SingleOrDefaultAsync(ct);
    }

    public async Task<Guid> ApproveAsync(Actor actor, NetworkApplicationTarget target, string baseUri, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var application = await LoadAsync(db, target, ct);
        var now = Decide(application, actor, NetworkApplicationStatus.Approved);
        NetworkApplicationIntake.Record(db, application, NetworkEventKind.Approved, actor.DisplayName, null, now);
        var partner = await PartnerEnrollment.EnrollAsync(db, application, invitations, actor, actor.DisplayName, OnboardingAuditActions.Approve, baseUri, L, time, ct);
        await SaveOrReportWinnerAsync(db, application, ct);
        // Every vendor reviewer's queue loses it, not only the decider's.
        changes.Publish(LiveTopics.VendorReviewQueue);
        return partner.Id;
    }

    public async Task RejectAsync(Actor actor, RejectNetworkApplicationInput input, CancellationToken ct = default)
    {
        Demand(actor);
        var errors = new InputErrors();
        var reason = errors.Text(nameof(input.Reason), input.Reason, OnboardingRules.MaxReason);
        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var application = await LoadAsync(db, input.Target, ct);
        var now = Decide(application, actor, NetworkApplicationStatus.Rejected);
        application.RejectionReason = reason;
        // The company is free again until it resubmits.
        application.HeldCreditCode = null;
        NetworkApplicationIntake.Record(db, application, NetworkEventKind.Rejected, actor.DisplayName, null, now, reason);
        db.Audit(actor, new AuditChange(nameof(NetworkApplication), application.Id.ToString(), OnboardingAuditActions.Reject)
        {
            Before = new { Status = NetworkApplicationStatus.ManualReview },
            After = new { application.Status, application.Round },
            Reason = reason,
        }, time);
        NetworkApplicationIntake.SendToApplicant(db, mail, L, application, "NetworkApply.MailRejectedSubject", "NetworkApply.MailRejectedBody", [application.Number, reason], now);
        await SaveOrReportWinnerAsync(db, application, ct);
        // Every vendor reviewer's queue loses it, not only the decider's.
        changes.Publish(LiveTopics.VendorReviewQueue);
    }

    internal static async Task<NetworkApplicationDetail?> DetailAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var a = await db.NetworkApplications.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }

        var history = await db.NetworkApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Kind)
            .Select(e => new NetworkEventRow(e.Round, e.Kind, e.ActorName, e.Reason, e.Details, e.AtUtc)).ToListAsync(ct);
        var documents = await db.NetworkApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == id).OrderBy(d => d.Round).ThenBy(d => d.FileName)
            .Select(d => new NetworkDocumentRow(d.Id, d.Round, d.FileName, d.ContentType, d.SizeBytes)).ToListAsync(ct);
        return new NetworkApplicationDetail(a.Id, a.Number, a.CompanyName, a.CreditCode, a.RegisteredAddress, a.ContactName, a.ContactPhone, a.ContactEmail,
            a.Status, a.Round, NetworkChecks.Parse(a.FailedChecks), a.RejectionReason, a.DecidedByName, a.DecidedAtUtc, a.RoundSubmittedAtUtc, a.Version, history, documents);
    }

    internal static bool CanReview(Actor actor) => actor.IsVendor && actor.Can(OnboardingPermissions.ReviewApplications);

    private static void Demand(Actor actor)
    {
        if (!CanReview(actor))
        {
            throw new AccessDeniedException("review partner-network applications");
        }
    }

    private static async Task<NetworkApplication> LoadAsync(AppDbContext db, NetworkApplicationTarget target, CancellationToken ct)
    {
        var application = await db.NetworkApplications.SingleOrDefaultAsync(a => a.Id == target.Id, ct)
            ?? throw new NotFoundException(nameof(NetworkApplication), target.Id);
        if (application.Status != NetworkApplicationStatus.ManualReview)
        {
            throw new NetworkAlreadyDecidedException(application.Number, application.DecidedByName, application.DecidedAtUtc);
        }

        if (application.Version != target.ExpectedVersion)
        {
            throw ChangedElsewhere(application);
        }

        return application;
    }

    private DateTime Decide(NetworkApplication application, Actor actor, NetworkApplicationStatus status)
    {
        var now = time.GetUtcNow().UtcDateTime;
        application.Status = status;
        application.DecidedByName = actor.DisplayName;
        application.DecidedAtUtc = now;
        application.UpdatedAtUtc = now;
        return now;
    }

    private async Task SaveOrReportWinnerAsync(AppDbContext db, NetworkApplication application, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(error))
        {
            // Someone decided first (the version check), or two approvals raced for the same organization name.
            logger.LogInformation("Concurrent decision on partner-network application {Id} lost the race", application.Id);
            await using var fresh = await dbFactory.CreateSystemAsync(ct);
            var winner = await fresh.NetworkApplications.AsNoTracking().Where(a => a.Id == application.Id)
                .Select(a => new { a.Number, a.Status, a.DecidedByName, a.DecidedAtUtc }).SingleAsync(ct);
            throw winner.Status != NetworkApplicationStatus.ManualReview
                ? new NetworkAlreadyDecidedException(winner.Number, winner.DecidedByName, winner.DecidedAtUtc)
                : ChangedElsewhere(application);
        }
    }

    private static BusinessException ChangedElsewhere(NetworkApplication application) =>
        new(ErrorCodes.AlreadyProcessed, $"Application {application.Number} was changed by someone else.", "Network.ChangedElsewhere", application.Number);
}
