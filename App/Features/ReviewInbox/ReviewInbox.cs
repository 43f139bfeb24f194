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
using BlazorPartner.Platform.Live;
using BlazorPartner.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.ReviewInbox;

/// <summary>
/// A reviewer's "To do" (issue 8 §5): every pending item of every kind this reviewer may decide, oldest first, with its age
/// against the service level in working days (work calendar), filters, assignment to a reviewer of the same organization,
/// and batch approval with each item's outcome. The items stay owned by their slices: the inbox reads their pending rows
/// and hands each decision to the slice's own service, which checks permission, tenant and version again. What it changes
/// (assignments, its batch's decisions) it publishes to the review queues every affected reviewer's screens watch.
/// </summary>
public sealed class ReviewInbox(
    IDbContextFactory<AppDbContext> dbFactory,
    WorkCalendarService calendar,
    TimeProvider time,
    ResellerReviews resellers,
    RegistrationService registrations,
    NetworkApplicationReviews networkApplications,
    BusinessCertifications certifications,
    Notifier notifier,
    ChangeFeed changes,
    ILogger<ReviewInbox> logger) : IMenuCount
{
    /// <summary>Every service level some item has, so one scan of the calendar finds each one's cutoff.</summary>
    private static readonly int[] ServiceLevels = Enum.GetValues<ReviewItemKind>()
        .Select(k => ReviewInboxRules.ServiceLevelWorkingDays(k)).Append(ReviewInboxRules.BankLetterWorkingDays).Distinct().ToArray();

    /// <summary>The menu re-counts when anything in this reviewer's queue changes, not only when they are notified.</summary>
    public IEnumerable<string> Topics(Actor actor) => IsReviewer(actor) ? [LiveTopics.ReviewQueueOf(actor)] : [];

    public async Task<TodoList> ListAsync(Actor actor, TodoFilter filter, int skip, int take, CancellationToken ct = default)
    {
        DemandReviewer(actor);
        take = Math.Clamp(take, 1, ReviewInboxRules.PageSize * 5);
        skip = Math.Max(0, skip);
        var overdueBefore = await OverdueBeforeAsync(ct);
        DateTime LateBefore(int days) => filter.OverdueOnly ? BeijingTime.StartOfDayUtc(overdueBefore[days]) : DateTime.MaxValue;
        await using var db = await dbFactory.CreateForAsync(actor, ct);

        // Each source is read already ordered and cut at skip + take, then merged: the page never loads a whole queue.
        var merged = new List<TodoItem>();
        var total = 0;
        foreach (var source in Sources(db, actor, filter, LateBefore))
        {
            total += await source.CountAsync(ct);
            merged.AddRange(await source.OldestAsync(skip + take, ct));
        }

        var page = merged.OrderBy(i => i.SubmittedAtUtc).ThenBy(i => i.Id).Skip(skip).Take(take)
            .Select(i => i with
            {
                Late = BeijingTime.DateOf(i.SubmittedAtUtc) < overdueBefore[i.ServiceLevelWorkingDays],
                // A registration is opened by its credit code in the vendor's inbox (it has no page of its own); the other
                // kinds' lists open the item's dialog from the query.
                Link = i.Kind == ReviewItemKind.CustomerRegistration ? i.Link : $"{i.Link}?open={i.Id:D}",
            })
            .ToList();
        return new TodoList(page, total);
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
        foreach (var source in Sources(db, actor, new TodoFilter(), _ => DateTime.MaxValue))
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

    /// <summary>
    /// Assigns the items to one reviewer (or to nobody), each on its own with its own outcome: an item no longer pending, or
    /// whose assignment another reviewer changed since this one looked, is reported with who was first, and stops no other.
    /// The assignee hears of it (bell and mail) unless they assigned themselves.
    /// </summary>
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

        Dictionary<(ReviewItemKind, Guid), PendingItem> pending;
        await using (var db = await dbFactory.CreateForAsync(actor, ct))
        {
            pending = await PendingAsync(db, actor, targets, ct);
        }

        var outcomes = new List<TodoOutcome>();
        var assigned = new List<TodoOutcome>();
        foreach (var target in targets.DistinctBy(t => (t.Kind, t.Id)))
        {
            if (!pending.TryGetValue((target.Kind, target.Id), out var item))
            {
                outcomes.Add(new TodoOutcome(target.Kind, target.Id, "", false, "Todo.NoLongerPending", []));
                continue;
            }

            var (outcome, changed) = await AssignOneAsync(actor, target, item.Title, assignee, ct);
            outcomes.Add(outcome);
            if (changed)
            {
                assigned.Add(outcome);
            }
        }

        // Only what changed: an item already theirs tells nobody again.
        if (assigned.Count > 0)
        {
            changes.Publish(LiveTopics.ReviewQueueOf(actor));
            if (assignee is not null && assignee.UserId != actor.UserId)
            {
                try
                {
                    await NotifyAssigneeAsync(actor, assignee, assigned, ct);
                }
                catch (DbUpdateException failed)
                {
                    // The assignments are committed: the reviewer's outcomes stand even if the heads-up could not be recorded.
                    logger.LogWarning(failed, "Telling {Assignee} of {Count} assigned review items failed", assignee.UserId, assigned.Count);
                }
            }
        }

        return outcomes;
    }

    /// <returns>The item's outcome, and whether its assignment changed (not when it already was the chosen one's).</returns>
    private async Task<(TodoOutcome Outcome, bool Changed)> AssignOneAsync(Actor actor, TodoTarget target, string title, ReviewerOption? assignee, CancellationToken ct)
    {
        var done = new TodoOutcome(target.Kind, target.Id, title, true, null, []);
        try
        {
            await using var db = await dbFactory.CreateForAsync(actor, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = db.ReviewAssignments.Where(a => a.OrganizationId == actor.OrganizationId && a.Kind == target.Kind && a.ItemId == target.Id);
            var existing = await row.AsNoTracking().SingleOrDefaultAsync(ct);
            if (existing?.AssigneeUserId == assignee?.UserId)
            {
                return (done, false);
            }

            if (existing?.AssigneeUserId != target.SeenAssigneeUserId)
            {
                // Another reviewer assigned it since this one looked: theirs stands, and this one is told who.
                return (await FirstAsync(actor, target, title, ct), false);
            }

            var now = time.GetUtcNow().UtcDateTime;
            if (existing is null)
            {
                // Two reviewers assigning the same unassigned item at once: the primary key takes one, the other is told who.
                db.ReviewAssignments.Add(new ReviewAssignment
                {
                    Kind = target.Kind,
                    ItemId = target.Id,
                    OrganizationId = actor.OrganizationId,
                    AssigneeUserId = assignee!.UserId,
                    AssigneeName = assignee.Name,
                    AssignedByName = actor.DisplayName,
                    AssignedAtUtc = now,
                });
            }
            else
            {
                // Only the assignment this reviewer read: one changed meanwhile is reported, not overwritten.
                var seen = row.Where(a => a.AssigneeUserId == existing.AssigneeUserId && a.AssignedAtUtc == existing.AssignedAtUtc);
                var changed = assignee is null
                    ? await seen.ExecuteDeleteAsync(ct)
                    : await seen.ExecuteUpdateAsync(s => s
                        .SetProperty(a => a.AssigneeUserId, assignee.UserId)
                        .SetProperty(a => a.AssigneeName, assignee.Name)
                        .SetProperty(a => a.AssignedByName, actor.DisplayName)
                        .SetProperty(a => a.AssignedAtUtc, now), ct);
                if (changed == 0)
                {
                    await transaction.RollbackAsync(ct);
                    return (await FirstAsync(actor, target, title, ct), false);
                }
            }

            db.Audit(actor, new AuditChange(target.Kind.ToString(), target.Id.ToString(), ReviewInboxAuditActions.Assign)
            {
                OrganizationId = actor.OrganizationId,
                Before = new { Assignee = existing?.AssigneeName },
                After = new { Assignee = assignee?.Name },
            }, time);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (done, true);
        }
        catch (DbUpdateException error) when (DbErrors.IsUniqueViolation(error))
        {
            logger.LogInformation("Assignment of {Kind} {Id} lost the race", target.Kind, target.Id);
            return (await FirstAsync(actor, target, title, ct), false);
        }
    }

    /// <summary>Who assigned the item while this reviewer was assigning it.</summary>
    private async Task<TodoOutcome> FirstAsync(Actor actor, TodoTarget target, string title, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var winner = await db.ReviewAssignments.AsNoTracking()
            .Where(a => a.OrganizationId == actor.OrganizationId && a.Kind == target.Kind && a.ItemId == target.Id)
            .Select(a => new { a.AssignedByName, a.AssigneeName }).SingleOrDefaultAsync(ct);
        return winner is null
            ? new TodoOutcome(target.Kind, target.Id, title, false, "Todo.AssignmentChanged", [])
            : new TodoOutcome(target.Kind, target.Id, title, false, "Todo.AssignedFirst", [winner.AssignedByName, winner.AssigneeName]);
    }

    /// <summary>One notification per batch, after the assignments committed: a batch of 50 is one mail, not 50.</summary>
    private async Task NotifyAssigneeAsync(Actor actor, ReviewerOption assignee, IReadOnlyList<TodoOutcome> assigned, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var draft = assigned.Count == 1
            ? new NotificationDraft(ReviewInboxNotifications.Assigned, "Notification.TodoAssignedOne", [actor.DisplayName, assigned[0].Title], ReviewInboxRoutes.Todo)
            : new NotificationDraft(ReviewInboxNotifications.Assigned, "Notification.TodoAssignedMany",
                [actor.DisplayName, assigned.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)], ReviewInboxRoutes.Todo);
        var bells = await notifier.StageAsync(db, [assignee.UserId], draft, ct);
        await db.SaveChangesAsync(ct);
        bells.Ring();
    }

    /// <summary>
    /// Approves each item through its own slice, each in its own transaction, and reports every outcome. A bank letter is
    /// never approved unseen (R6: a reviewer processes the letter): it is left for its own page.
    /// </summary>
    public async Task<IReadOnlyList<TodoOutcome>> ApproveAsync(Actor actor, IReadOnlyList<TodoTarget> targets, string baseUri, CancellationToken ct = default)
    {
        DemandReviewer(actor);
        DemandBatch(targets);
        Dictionary<(ReviewItemKind, Guid), PendingItem> pending;
        await using (var db = await dbFactory.CreateForAsync(actor, ct))
        {
            pending = await PendingAsync(db, actor, targets, ct);
        }

        // Each kind's service tells the screens of its queues (both levels' for a reseller application) after its commit.
        var outcomes = new List<TodoOutcome>();
        foreach (var target in targets.DistinctBy(t => (t.Kind, t.Id)))
        {
            var item = pending.GetValueOrDefault((target.Kind, target.Id));
            var title = item?.Title ?? "";
            if (item is { BankLetter: true })
            {
                outcomes.Add(new TodoOutcome(target.Kind, target.Id, title, false, "Todo.OpenBankLetter", []));
                continue;
            }

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
    /// Per service level, the first submission date that is not yet late: an item submitted before it has waited more than
    /// the level's working days (the k-th working day back from today, counting today when it is one).
    /// </summary>
    private async Task<IReadOnlyDictionary<int, DateOnly>> OverdueBeforeAsync(CancellationToken ct)
    {
        var days = await calendar.GetCalendarAsync(ct);
        var date = BeijingTime.DateOf(time.GetUtcNow().UtcDateTime);
        var result = new Dictionary<int, DateOnly>();
        var found = 0;
        for (var scanned = 0; scanned < 3660 && result.Count < ServiceLevels.Length; scanned++, date = date.AddDays(-1))
        {
            if (days.IsWorkingDay(date) && ServiceLevels.Contains(found++))
            {
                // The (level + 1)-th working day back: submitted before it, an item has waited more than the level.
                result[found - 1] = date;
            }
        }

        foreach (var level in ServiceLevels)
        {
            result.TryAdd(level, date);
        }

        return result;
    }

    /// <summary>One kind's pending rows for this reviewer, filtered: counted, and read oldest first up to a limit.</summary>
    private sealed record Source(Func<CancellationToken, Task<int>> CountAsync, Func<int, CancellationToken, Task<List<TodoItem>>> OldestAsync);

    /// <summary>The pending rows this reviewer's level decides, one query per kind, already filtered.</summary>
    private static bool DecidesApplications(Actor actor) => actor.IsVendor ? actor.Can(ResellerPermissions.Review)
        : actor.Can(ResellerPermissions.Decide) && actor.OrganizationKind == Core.Tenancy.OrganizationKind.Distributor;

    /// <summary>The kinds of item this reviewer's To do holds (the same conditions as its queries): its filter and service levels list no others.</summary>
    public static IReadOnlyList<ReviewItemKind> KindsFor(Actor actor) =>
        Enum.GetValues<ReviewItemKind>().Where(kind => kind switch
        {
            ReviewItemKind.ResellerApplication => DecidesApplications(actor),
            ReviewItemKind.CustomerRegistration => actor.IsVendor && actor.Can(CustomerPermissions.ReviewRegistrations),
            ReviewItemKind.NetworkApplication => actor.IsVendor && actor.Can(OnboardingPermissions.ReviewApplications),
            ReviewItemKind.Certification => actor.IsVendor && actor.Can(OnboardingPermissions.ReviewCertifications),
            _ => false,
        }).ToList();

    /// <param name="lateBefore">Per service level, the submission time before which an item is late (no limit unless filtering).</param>
    private static IEnumerable<Source> Sources(AppDbContext db, Actor actor, TodoFilter filter, Func<int, DateTime> lateBefore)
    {
        var assignments = db.ReviewAssignments.Where(a => a.OrganizationId == actor.OrganizationId);
        var late = lateBefore(ReviewInboxRules.ServiceLevelWorkingDays(ReviewItemKind.ResellerApplication));
        var decidesApplications = DecidesApplications(actor);
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
                    link)
                {
                    AssigneeUserId = assignments.Where(x => x.Kind == kind && x.ItemId == a.Id).Select(x => x.AssigneeUserId).FirstOrDefault(),
                })
                .ToListAsync(ct));
        }

        if (filter.Kind is null or ReviewItemKind.CustomerRegistration && actor.IsVendor && actor.Can(CustomerPermissions.ReviewRegistrations))
        {
            const ReviewItemKind kind = ReviewItemKind.CustomerRegistration;
            var lateRegistration = lateBefore(ReviewInboxRules.ServiceLevelWorkingDays(kind));
            var rows = db.CustomerRegistrations.AsNoTracking().Where(r => r.Status == RegistrationStatus.Pending && r.RegisteredAtUtc < lateRegistration);
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
                    RegistrationRoutes.VendorInbox + "?search=" + r.CreditCode)
                {
                    AssigneeUserId = assignments.Where(x => x.Kind == kind && x.ItemId == r.Id).Select(x => x.AssigneeUserId).FirstOrDefault(),
                })
                .ToListAsync(ct));
        }

        if (filter.Kind is null or ReviewItemKind.NetworkApplication && actor.IsVendor && actor.Can(OnboardingPermissions.ReviewApplications))
        {
            const ReviewItemKind kind = ReviewItemKind.NetworkApplication;
            var lateApplication = lateBefore(ReviewInboxRules.ServiceLevelWorkingDays(kind));
            var rows = db.NetworkApplications.AsNoTracking().Where(a => a.Status == NetworkApplicationStatus.ManualReview && a.RoundSubmittedAtUtc < lateApplication);
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
                    OnboardingRoutes.VendorApplications)
                {
                    AssigneeUserId = assignments.Where(x => x.Kind == kind && x.ItemId == a.Id).Select(x => x.AssigneeUserId).FirstOrDefault(),
                })
                .ToListAsync(ct));
        }

        if (filter.Kind is null or ReviewItemKind.Certification && actor.IsVendor && actor.Can(OnboardingPermissions.ReviewCertifications))
        {
            const ReviewItemKind kind = ReviewItemKind.Certification;
            var lateManual = lateBefore(ReviewInboxRules.ServiceLevelWorkingDays(kind));
            var lateLetter = lateBefore(ReviewInboxRules.ServiceLevelWorkingDays(kind, bankLetter: true));
            var rows = db.BusinessCertifications.AsNoTracking()
                .Where(c => (c.Status == CertificationStatus.ManualReview && c.WaitingSinceUtc < lateManual)
                    || (c.Status == CertificationStatus.BankLetterReview && c.WaitingSinceUtc < lateLetter));
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
                    OnboardingRoutes.VendorCertifications)
                {
                    BankLetter = c.Status == CertificationStatus.BankLetterReview,
                    AssigneeUserId = assignments.Where(x => x.Kind == kind && x.ItemId == c.Id).Select(x => x.AssigneeUserId).FirstOrDefault(),
                })
                .ToListAsync(ct));
        }
    }

    /// <summary>An item still waiting for this reviewer's level: its title, whether it is a bank letter, and its owner.</summary>
    private sealed record PendingItem(string Title, bool BankLetter, Guid OrganizationId);

    private static async Task<Dictionary<(ReviewItemKind, Guid), PendingItem>> PendingAsync(AppDbContext db, Actor actor, IReadOnlyList<TodoTarget> targets, CancellationToken ct)
    {
        var result = new Dictionary<(ReviewItemKind, Guid), PendingItem>();
        var applicationIds = targets.Where(t => t.Kind == ReviewItemKind.ResellerApplication).Select(t => t.Id).ToList();
        var registrationIds = targets.Where(t => t.Kind == ReviewItemKind.CustomerRegistration).Select(t => t.Id).ToList();
        var status = ResellerRules.WaitingFor(actor.IsVendor ? ResellerReviewLevel.Vendor : ResellerReviewLevel.Distributor);
        foreach (var a in await db.ResellerApplications.Where(a => applicationIds.Contains(a.Id) && a.Status == status).Select(a => new { a.Id, a.CompanyName, a.OrganizationId }).ToListAsync(ct))
        {
            result[(ReviewItemKind.ResellerApplication, a.Id)] = new(a.CompanyName, false, a.OrganizationId);
        }

        if (actor.IsVendor)
        {
            var networkIds = targets.Where(t => t.Kind == ReviewItemKind.NetworkApplication).Select(t => t.Id).ToList();
            foreach (var a in await db.NetworkApplications.Where(a => networkIds.Contains(a.Id) && a.Status == NetworkApplicationStatus.ManualReview).Select(a => new { a.Id, a.CompanyName }).ToListAsync(ct))
            {
                result[(ReviewItemKind.NetworkApplication, a.Id)] = new(a.CompanyName, false, actor.OrganizationId);
            }

            var certificationIds = targets.Where(t => t.Kind == ReviewItemKind.Certification).Select(t => t.Id).ToList();
            foreach (var c in await db.BusinessCertifications
                .Where(c => certificationIds.Contains(c.Id) && (c.Status == CertificationStatus.ManualReview || c.Status == CertificationStatus.BankLetterReview))
                .Select(c => new { c.Id, c.LegalName, c.Status, c.OrganizationId }).ToListAsync(ct))
            {
                result[(ReviewItemKind.Certification, c.Id)] = new(c.LegalName, c.Status == CertificationStatus.BankLetterReview, c.OrganizationId);
            }

            foreach (var r in await db.CustomerRegistrations.Where(r => registrationIds.Contains(r.Id) && r.Status == RegistrationStatus.Pending).Select(r => new { r.Id, r.CompanyName, r.OrganizationId }).ToListAsync(ct))
            {
                result[(ReviewItemKind.CustomerRegistration, r.Id)] = new(r.CompanyName, false, r.OrganizationId);
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
