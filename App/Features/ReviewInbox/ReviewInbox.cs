using BlazorPartner.Components.Navigation;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Customers.Registrations;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Features.Onboarding.Certification;
using BlazorPartner.Features.Onboarding.Network;
using BlazorPartner.Features.Resellers;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.ReviewInbox;

/// <summary>
/// A reviewer's "To do" (issue 8 §5): every pending item of every kind this reviewer may decide, oldest first, with its age
/// against the service level in working days (work calendar), filters, assignment to a reviewer of the same organization,
/// and batch approval with each item's outcome. The items stay owned by their slices: the inbox reads their pending rows
/// and hands each decision to the slice's own service, which checks permission, tenant and version again.
/// </summary>
public sealed class ReviewInbox(
    IDbContextFactory<AppDbContext> dbFactory,
    WorkCalendarService calendar,
    TimeProvider time,
    ResellerReviews resellers,
    RegistrationService registrations,
    NetworkApplicationReviews networkApplications,
    BusinessCertifications certifications,
    ILogger<ReviewInbox> logger) : IMenuCount
{
    public async Task<TodoList> ListAsync(Actor actor, TodoFilter filter, int skip, int take, CancellationToken ct = default)
    {
        DemandReviewer(actor);
        take = Math.Clamp(take, 1, ReviewInboxRules.PageSize * 5);
        skip = Math.Max(0, skip);
        var overdueBefore = await OverdueBeforeAsync(ct);
        var cutoffUtc = BeijingTime.StartOfDayUtc(overdueBefore);
        await using var db = await dbFactory.CreateForAsync(actor, ct);

        // Each source is read already ordered and cut at skip + take, then merged: the page never loads a whole queue.
        var merged = new List<TodoItem>();
        var total = 0;
        foreach (var source in Sources(db, actor, filter, cutoffUtc))
        {
            total += await source.CountAsync(ct);
            merged.AddRange(await source.OldestAsync(skip + take, ct));
        }

        var page = merged.OrderBy(i => i.SubmittedAtUtc).ThenBy(i => i.Id).Skip(skip).Take(take).ToList();
        return new TodoList(page, total, overdueBefore);
    }

    /// <summary>How many items wait for this reviewer's organization: the menu's count (0 for anyone who reviews nothing).</summary>
    public async Task<int> CountAsync(Actor actor, CancellationToken ct)
    {
        if (!IsReviewer(actor))
        {
            return 0;
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var total = 0;
        foreach (var source in Sources(db, actor, new TodoFilter(), cutoffUtc: DateTime.MaxValue))
        {
            total += await source.CountAsync(ct);
        }

        return total;
    }

    /// <summary>The reviewers an item can be assigned to: bound members of the actor's organization who may decide something.</summary>
    public async Task<IReadOnlyList<ReviewerOption>> ReviewersAsync(Actor actor, CancellationToken ct = default)
    {
        DemandReviewer(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var permissions = ReviewPermissionsOf(actor).ToList();
        return await db.Users.AsNoTracking()
            .Where(u => u.OrganizationId == actor.OrganizationId && u.UnboundAtUtc == null
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.RoleClaims.Any(c => c.RoleId == ur.RoleId && c.ClaimType == Permissions.ClaimType && permissions.Contains(c.ClaimValue!))))
            .OrderBy(u => u.DisplayName)
            .Select(u => new ReviewerOption(u.Id, u.DisplayName))
            .ToListAsync(ct);
    }

    /// <summary>Assigns the items to one reviewer (or to nobody), each on its own; an item no longer pending is reported, not assigned.</summary>
    public async Task<IReadOnlyList<TodoOutcome>> AssignAsync(Actor actor, IReadOnlyList<TodoTarget> targets, string? assigneeUserId, CancellationToken ct = default)
    {
        DemandReviewer(actor);
        DemandBatch(targets);
        ReviewerOption? assignee = null;
        if (assigneeUserId is not null)
        {
            assignee = (await ReviewersAsync(actor, ct)).SingleOrDefault(r => r.UserId == assigneeUserId)
                ?? throw new ValidationException("Assignee", "Todo.AssigneeUnknown");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var pending = await PendingAsync(db, actor, targets, ct);
        var ids = targets.Select(t => t.Id).ToList();
        var assigned = await db.ReviewAssignments.Where(a => a.OrganizationId == actor.OrganizationId && ids.Contains(a.ItemId)).ToDictionaryAsync(a => (a.Kind, a.ItemId), ct);
        var outcomes = new List<TodoOutcome>();
        foreach (var target in targets.DistinctBy(t => (t.Kind, t.Id)))
        {
            if (!pending.TryGetValue((target.Kind, target.Id), out var title))
            {
                outcomes.Add(new TodoOutcome(target.Kind, target.Id, "", false, "Todo.NoLongerPending", []));
                continue;
            }

            var existing = assigned.GetValueOrDefault((target.Kind, target.Id));
            var before = existing?.AssigneeName;
            if (assignee is null)
            {
                if (existing is not null)
                {
                    db.ReviewAssignments.Remove(existing);
                }
            }
            else
            {
                existing ??= db.ReviewAssignments.Add(new ReviewAssignment { Kind = target.Kind, ItemId = target.Id, OrganizationId = actor.OrganizationId }).Entity;
                existing.AssigneeUserId = assignee.UserId;
                existing.AssigneeName = assignee.Name;
                existing.AssignedByName = actor.DisplayName;
                existing.AssignedAtUtc = now;
            }

            db.Audit(actor, new AuditChange(target.Kind.ToString(), target.Id.ToString(), ReviewInboxAuditActions.Assign)
            {
                OrganizationId = actor.OrganizationId,
                Before = new { Assignee = before },
                After = new { Assignee = assignee?.Name },
            }, time);
            outcomes.Add(new TodoOutcome(target.Kind, target.Id, title, true, null, []));
        }

        await db.SaveChangesAsync(ct);
        return outcomes;
    }

    /// <summary>Approves each item through its own slice, each in its own transaction, and reports every outcome.</summary>
    public async Task<IReadOnlyList<TodoOutcome>> ApproveAsync(Actor actor, IReadOnlyList<TodoTarget> targets, string baseUri, CancellationToken ct = default)
    {
        DemandReviewer(actor);
        DemandBatch(targets);
        Dictionary<(ReviewItemKind, Guid), string> titles;
        await using (var db = await dbFactory.CreateForAsync(actor, ct))
        {
            titles = await PendingAsync(db, actor, targets, ct);
        }

        var outcomes = new List<TodoOutcome>();
        foreach (var target in targets.DistinctBy(t => (t.Kind, t.Id)))
        {
            var title = titles.GetValueOrDefault((target.Kind, target.Id), "");
            try
            {
                Task decision = (target.Kind, actor.IsVendor) switch
                {
                    (ReviewItemKind.CustomerRegistration, _) => registrations.ApproveAsync(actor, new RegistrationTarget(target.Id, target.Version), ct),
                    (ReviewItemKind.NetworkApplication, _) => networkApplications.ApproveAsync(actor, new NetworkApplicationTarget(target.Id, target.Version), baseUri, ct),
                    (ReviewItemKind.Certification, _) => certifications.ApproveAsync(actor, new CertificationTarget(target.Id, target.Version), ct),
                    (ReviewItemKind.ResellerApplication, true) => resellers.VendorApproveAsync(actor, new ApplicationTarget(target.Id, target.Version), ct),
                    _ => resellers.DistributorApproveAsync(actor, new ApplicationTarget(target.Id, target.Version), baseUri, ct),
                };
                await decision;
                outcomes.Add(new TodoOutcome(target.Kind, target.Id, title, true, null, []));
            }
            catch (BusinessException refused)
            {
                logger.LogInformation("Batch approval of {Kind} {Id} refused: {Code}", target.Kind, target.Id, refused.Code);
                outcomes.Add(new TodoOutcome(target.Kind, target.Id, title, false, refused.ResourceKey, refused.Arguments));
            }
            catch (DbUpdateException failed)
            {
                logger.LogWarning(failed, "Batch approval of {Kind} {Id} failed", target.Kind, target.Id);
                outcomes.Add(new TodoOutcome(target.Kind, target.Id, title, false, "Reseller.BatchItemFailed", []));
            }
        }

        return outcomes;
    }

    /// <summary>
    /// The first submission date that is not yet late: an item submitted before it has waited more than the service level's
    /// working days (the k-th working day back from today, counting today when it is one).
    /// </summary>
    private async Task<DateOnly> OverdueBeforeAsync(CancellationToken ct)
    {
        var days = await calendar.GetCalendarAsync(ct);
        var date = BeijingTime.DateOf(time.GetUtcNow().UtcDateTime);
        var found = 0;
        for (var scanned = 0; scanned < 3660; scanned++, date = date.AddDays(-1))
        {
            if (days.IsWorkingDay(date) && ++found == ReviewInboxRules.ServiceLevelWorkingDays + 1)
            {
                return date;
            }
        }

        return date;
    }

    /// <summary>One kind's pending rows for this reviewer, filtered: counted, and read oldest first up to a limit.</summary>
    private sealed record Source(Func<CancellationToken, Task<int>> CountAsync, Func<int, CancellationToken, Task<List<TodoItem>>> OldestAsync);

    /// <summary>The pending rows this reviewer's level decides, one query per kind, already filtered.</summary>
    private static IEnumerable<Source> Sources(AppDbContext db, Actor actor, TodoFilter filter, DateTime cutoffUtc)
    {
        var assignments = db.ReviewAssignments.Where(a => a.OrganizationId == actor.OrganizationId);
        var late = filter.OverdueOnly ? cutoffUtc : DateTime.MaxValue;
        var decidesApplications = actor.IsVendor ? actor.Can(ResellerPermissions.Review)
            : actor.Can(ResellerPermissions.Decide) && actor.OrganizationKind == Core.Tenancy.OrganizationKind.Distributor;
        if (filter.Kind is null or ReviewItemKind.ResellerApplication && decidesApplications)
        {
            const ReviewItemKind kind = ReviewItemKind.ResellerApplication;
            var status = ResellerRules.WaitingFor(actor.IsVendor ? ResellerReviewLevel.Vendor : ResellerReviewLevel.Distributor);
            var link = actor.IsVendor ? ResellerRoutes.VendorApplications : ResellerRoutes.DistributorApplications;
            // Age, order and lateness count from when this level's wait began (the vendor's approval, at the distributor).
            var rows = db.ResellerApplications.AsNoTracking().Where(a => a.Status == status && a.WaitingSinceUtc < late);
            if (!actor.IsVendor)
            {
                // Also what the tenant filter enforces; stated so the database seeks the distributor's index.
                rows = rows.Where(a => a.OrganizationId == actor.OrganizationId);
            }

            rows = filter.Assignment switch
            {
                TodoAssignment.Mine => rows.Where(a => assignments.Any(x => x.Kind == kind && x.ItemId == a.Id && x.AssigneeUserId == actor.UserId)),
                TodoAssignment.Nobody => rows.Where(a => !assignments.Any(x => x.Kind == kind && x.ItemId == a.Id)),
                _ => rows,
            };
            yield return new Source(ct => rows.CountAsync(ct), (limit, ct) => rows
                .OrderBy(a => a.WaitingSinceUtc).ThenBy(a => a.Id).Take(limit)
                .Select(a => new TodoItem(kind, a.Id, a.CompanyName,
                    db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
                    a.WaitingSinceUtc, a.Version,
                    assignments.Where(x => x.Kind == kind && x.ItemId == a.Id).Select(x => x.AssigneeName).FirstOrDefault(),
                    link))
                .ToListAsync(ct));
        }

        if (filter.Kind is null or ReviewItemKind.CustomerRegistration && actor.IsVendor && actor.Can(CustomerPermissions.ReviewRegistrations))
        {
            const ReviewItemKind kind = ReviewItemKind.CustomerRegistration;
            var rows = db.CustomerRegistrations.AsNoTracking().Where(r => r.Status == RegistrationStatus.Pending && r.RegisteredAtUtc < late);
            rows = filter.Assignment switch
            {
                TodoAssignment.Mine => rows.Where(r => assignments.Any(x => x.Kind == kind && x.ItemId == r.Id && x.AssigneeUserId == actor.UserId)),
                TodoAssignment.Nobody => rows.Where(r => !assignments.Any(x => x.Kind == kind && x.ItemId == r.Id)),
                _ => rows,
            };
            yield return new Source(ct => rows.CountAsync(ct), (limit, ct) => rows
                .OrderBy(r => r.RegisteredAtUtc).ThenBy(r => r.Id).Take(limit)
                .Select(r => new TodoItem(kind, r.Id, r.CompanyName,
                    db.Organizations.Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
                    r.RegisteredAtUtc, r.Version,
                    assignments.Where(x => x.Kind == kind && x.ItemId == r.Id).Select(x => x.AssigneeName).FirstOrDefault(),
                    RegistrationRoutes.VendorInbox))
                .ToListAsync(ct));
        }

        if (filter.Kind is null or ReviewItemKind.NetworkApplication && actor.IsVendor && actor.Can(OnboardingPermissions.ReviewApplications))
        {
            const ReviewItemKind kind = ReviewItemKind.NetworkApplication;
            var rows = db.NetworkApplications.AsNoTracking().Where(a => a.Status == NetworkApplicationStatus.ManualReview && a.RoundSubmittedAtUtc < late);
            rows = filter.Assignment switch
            {
                TodoAssignment.Mine => rows.Where(a => assignments.Any(x => x.Kind == kind && x.ItemId == a.Id && x.AssigneeUserId == actor.UserId)),
                TodoAssignment.Nobody => rows.Where(a => !assignments.Any(x => x.Kind == kind && x.ItemId == a.Id)),
                _ => rows,
            };
            yield return new Source(ct => rows.CountAsync(ct), (limit, ct) => rows
                .OrderBy(a => a.RoundSubmittedAtUtc).ThenBy(a => a.Id).Take(limit)
                .Select(a => new TodoItem(kind, a.Id, a.CompanyName, a.Number, a.RoundSubmittedAtUtc, a.Version,
                    assignments.Where(x => x.Kind == kind && x.ItemId == a.Id).Select(x => x.AssigneeName).FirstOrDefault(),
                    OnboardingRoutes.VendorApplications))
                .ToListAsync(ct));
        }

        if (filter.Kind is null or ReviewItemKind.Certification && actor.IsVendor && actor.Can(OnboardingPermissions.ReviewCertifications))
        {
            const ReviewItemKind kind = ReviewItemKind.Certification;
            var rows = db.BusinessCertifications.AsNoTracking()
                .Where(c => (c.Status == CertificationStatus.ManualReview || c.Status == CertificationStatus.BankLetterReview) && c.WaitingSinceUtc < late);
            rows = filter.Assignment switch
            {
                TodoAssignment.Mine => rows.Where(c => assignments.Any(x => x.Kind == kind && x.ItemId == c.Id && x.AssigneeUserId == actor.UserId)),
                TodoAssignment.Nobody => rows.Where(c => !assignments.Any(x => x.Kind == kind && x.ItemId == c.Id)),
                _ => rows,
            };
            yield return new Source(ct => rows.CountAsync(ct), (limit, ct) => rows
                .OrderBy(c => c.WaitingSinceUtc).ThenBy(c => c.Id).Take(limit)
                .Select(c => new TodoItem(kind, c.Id, c.LegalName,
                    db.Organizations.Where(o => o.Id == c.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "",
                    c.WaitingSinceUtc, c.Version,
                    assignments.Where(x => x.Kind == kind && x.ItemId == c.Id).Select(x => x.AssigneeName).FirstOrDefault(),
                    OnboardingRoutes.VendorCertifications))
                .ToListAsync(ct));
        }
    }

    private static async Task<Dictionary<(ReviewItemKind, Guid), string>> PendingAsync(AppDbContext db, Actor actor, IReadOnlyList<TodoTarget> targets, CancellationToken ct)
    {
        var result = new Dictionary<(ReviewItemKind, Guid), string>();
        var applicationIds = targets.Where(t => t.Kind == ReviewItemKind.ResellerApplication).Select(t => t.Id).ToList();
        var registrationIds = targets.Where(t => t.Kind == ReviewItemKind.CustomerRegistration).Select(t => t.Id).ToList();
        var status = ResellerRules.WaitingFor(actor.IsVendor ? ResellerReviewLevel.Vendor : ResellerReviewLevel.Distributor);
        foreach (var a in await db.ResellerApplications.Where(a => applicationIds.Contains(a.Id) && a.Status == status).Select(a => new { a.Id, a.CompanyName }).ToListAsync(ct))
        {
            result[(ReviewItemKind.ResellerApplication, a.Id)] = a.CompanyName;
        }

        if (actor.IsVendor)
        {
            var networkIds = targets.Where(t => t.Kind == ReviewItemKind.NetworkApplication).Select(t => t.Id).ToList();
            foreach (var a in await db.NetworkApplications.Where(a => networkIds.Contains(a.Id) && a.Status == NetworkApplicationStatus.ManualReview).Select(a => new { a.Id, a.CompanyName }).ToListAsync(ct))
            {
                result[(ReviewItemKind.NetworkApplication, a.Id)] = a.CompanyName;
            }

            var certificationIds = targets.Where(t => t.Kind == ReviewItemKind.Certification).Select(t => t.Id).ToList();
            foreach (var c in await db.BusinessCertifications
                .Where(c => certificationIds.Contains(c.Id) && (c.Status == CertificationStatus.ManualReview || c.Status == CertificationStatus.BankLetterReview))
                .Select(c => new { c.Id, c.LegalName }).ToListAsync(ct))
            {
                result[(ReviewItemKind.Certification, c.Id)] = c.LegalName;
            }

            foreach (var r in await db.CustomerRegistrations.Where(r => registrationIds.Contains(r.Id) && r.Status == RegistrationStatus.Pending).Select(r => new { r.Id, r.CompanyName }).ToListAsync(ct))
            {
                result[(ReviewItemKind.CustomerRegistration, r.Id)] = r.CompanyName;
            }
        }

        return result;
    }

    private static bool IsReviewer(Actor actor) => ReviewPermissionsOf(actor).Any();

    private static IEnumerable<string> ReviewPermissionsOf(Actor actor) =>
        ReviewInboxPolicies.ReviewPermissions.Where(p => actor.Can(p)
            && (p == ResellerPermissions.Decide ? actor.OrganizationKind == Core.Tenancy.OrganizationKind.Distributor : actor.IsVendor));

    private static void DemandReviewer(Actor actor)
    {
        if (!IsReviewer(actor))
        {
            throw new AccessDeniedException("review items");
        }
    }

    private static void DemandBatch(IReadOnlyList<TodoTarget> targets)
    {
        if (targets.Count is 0 or > ReviewInboxRules.MaxBatch)
        {
            throw new ValidationException("Selection", "Reseller.BatchSize", ReviewInboxRules.MaxBatch);
        }
    }
}
