using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Resellers;

/// <summary>
/// The reviewers' reads: the vendor's queue (every application) and a distributor's "reseller cooperation applications" tab
/// (only those naming it, through the tenant filter, and only once the vendor let them through). Paged in the database.
/// </summary>
public sealed class ResellerQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxPageSize = 100;

    public async Task<PagedResult<ApplicationRow>> ListAsync(Actor actor, ApplicationFilter filter, int skip, int take, CancellationToken ct = default)
    {
        var level = LevelOf(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var applications = VisibleTo(db, actor, level);
        if (filter == ApplicationFilter.ToReview)
        {
            var waiting = ResellerRules.WaitingFor(level);
            applications = applications.Where(a => a.Status == waiting);
        }

        var total = await applications.CountAsync(ct);
        var ordered = filter == ApplicationFilter.ToReview
            ? applications.OrderBy(a => a.WaitingSinceUtc).ThenBy(a => a.Id)
            : applications.OrderByDescending(a => a.UpdatedAtUtc).ThenByDescending(a => a.Id);
        var rows = await ordered
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(take, 1, MaxPageSize))
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new ApplicationRow(
                a.Id, a.Number, a.CompanyName, a.CreditCode, o.Name, a.Status, a.Round, a.RoundSubmittedAtUtc, a.WaitingSinceUtc, a.DecidedByName, a.Version))
            .ToListAsync(ct);
        return new PagedResult<ApplicationRow>(rows, total);
    }

    /// <summary>How many wait for this reviewer's level: the tab's count.</summary>
    public async Task<int> WaitingCountAsync(Actor actor, CancellationToken ct = default)
    {
        var level = LevelOf(actor);
        var waiting = ResellerRules.WaitingFor(level);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await VisibleTo(db, actor, level).CountAsync(a => a.Status == waiting, ct);
    }

    public async Task<ApplicationDetail> DetailAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var level = LevelOf(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var visible = await VisibleTo(db, actor, level).AnyAsync(a => a.Id == id, ct);
        return (visible ? await DetailAsync(db, id, ct) : null) ?? throw new NotFoundException(nameof(ResellerApplication), id);
    }

    /// <summary>One uploaded document for a reviewer who may read the application; null (404) otherwise.</summary>
    public async Task<ResellerApplicationAttachment?> AttachmentAsync(Actor actor, Guid applicationId, Guid attachmentId, CancellationToken ct = default)
    {
        ResellerReviewLevel level;
        try
        {
            level = LevelOf(actor);
        }
        catch (AccessDeniedException)
        {
            return null;
        }

        // One context, one visibility rule: the document of an application this reviewer may read, or nothing.
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var readable = VisibleTo(db, actor, level).Where(a => a.Id == applicationId);
        return await db.ResellerApplicationAttachments.AsNoTracking()
            .Where(f => f.Id == attachmentId && f.ApplicationId == applicationId && readable.Any())
            .SingleOrDefaultAsync(ct);
    }

    internal static async Task<ApplicationDetail?> DetailAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var application = await db.ResellerApplications.AsNoTracking()
            .Where(a => a.Id == id)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a, Distributor = o.Name })
            .SingleOrDefaultAsync(ct);
        if (application is null)
        {
            return null;
        }

        var history = (await db.ResellerApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == id)
            .Select(e => new ApplicationEventRow(e.Round, e.Kind, e.ActorName, e.Reason, e.Details, e.AtUtc))
            .ToListAsync(ct))
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Kind)
            .ToList();
        var attachments = await db.ResellerApplicationAttachments.AsNoTracking().Where(f => f.ApplicationId == id)
            .OrderBy(f => f.Round).ThenBy(f => f.FileName)
            .Select(f => new AttachmentRow(f.Id, f.Round, f.FileName, f.ContentType, f.SizeBytes))
            .ToListAsync(ct);
        var a = application.a;
        return new ApplicationDetail(a.Id, a.Number, a.CompanyName, a.CreditCode, a.ContactName, a.ContactPhone, a.ContactEmail,
            a.OrganizationId, application.Distributor, a.Status, a.Round, a.RejectedAt, a.RejectionReason, a.DecidedByName, a.DecidedAtUtc,
            a.SubmittedAtUtc, a.RoundSubmittedAtUtc, a.Version, history, attachments);
    }

    /// <summary>
    /// What a level may read: the vendor every application; a distributor only those naming it (also the tenant filter's rule,
    /// stated so the database seeks the distributor's index) and never what the vendor has not let through: neither the
    /// vendor's queue nor its rejections.
    /// </summary>
    private static IQueryable<ResellerApplication> VisibleTo(AppDbContext db, Actor actor, ResellerReviewLevel level)
    {
        var applications = db.ResellerApplications.AsNoTracking();
        return level == ResellerReviewLevel.Vendor
            ? applications
            : applications.Where(a => a.OrganizationId == actor.OrganizationId
                && a.Status != ResellerApplicationStatus.VendorReview
                && !(a.Status == ResellerApplicationStatus.Rejected && a.RejectedAt == ResellerReviewLevel.Vendor));
    }

    /// <summary>The vendor reviews the first level; a distributor's reviewer the second. Anyone else reads nothing.</summary>
    internal static ResellerReviewLevel LevelOf(Actor actor)
    {
        if (actor.IsVendor && actor.Can(ResellerPermissions.Review))
        {
            return ResellerReviewLevel.Vendor;
        }

        if (actor.OrganizationKind == OrganizationKind.Distributor && actor.Can(ResellerPermissions.Decide))
        {
            return ResellerReviewLevel.Distributor;
        }

        throw new AccessDeniedException("review reseller applications");
    }
}
