using System.Linq.Expressions;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Opportunities;

/// <summary>Reads for the opportunity console: the grid page, tab counts, detail, and the rows an export streams.</summary>
public sealed class OpportunityQueries(IDbContextFactory<AppDbContext> dbFactory, WorkCalendarService calendar, TimeProvider time)
{
    public const int MaxPageSize = 200;

    public async Task<PagedResult<OpportunityRow>> ListAsync(Actor actor, OpportunityQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var matching = Matching(db, actor, query);
        var total = await matching.CountAsync(ct);
        var page = await Sort(Join(db, matching), query)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .Select(RowProjection)
            .ToListAsync(ct);
        var decorate = await RowDecoratorAsync(actor, ct);
        return new PagedResult<OpportunityRow>(page.Select(decorate).ToList(), total);
    }

    /// <summary>Counts per status for the tabs, under the same search filters (the status itself ignored).</summary>
    public async Task<IReadOnlyDictionary<OpportunityStatus, int>> CountByStatusAsync(Actor actor, OpportunityQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var counts = await Matching(db, actor, query with { Status = null }).GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    /// <summary>Every row matching the filter, streamed in sort order (no paging): what an export writes.</summary>
    public async IAsyncEnumerable<OpportunityRow> StreamAsync(Actor actor, OpportunityQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        actor.Demand(OpportunityPermissions.Export);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var rows = Sort(Join(db, Matching(db, actor, query)), query).Select(RowProjection);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    public async Task<int> CountAsync(Actor actor, OpportunityQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await Matching(db, actor, query).CountAsync(ct);
    }

    public async Task<OpportunityDetail> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        // Another partner's id looks exactly like a missing one: existence is not disclosed.
        var joined = await Join(db, db.Opportunities.AsNoTracking().VisibleTo(db, actor).Where(o => o.Id == id)).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(nameof(Opportunity), id);
        var opportunity = joined.Opportunity;
        var timeline = await db.OpportunityProgress.AsNoTracking()
            .Where(p => p.OpportunityId == id)
            .OrderBy(p => p.AtUtc).ThenBy(p => p.Id)
            .Select(p => new ProgressView(p.Stage, p.Note, p.NoteKey, p.ByName, p.AtUtc))
            .ToListAsync(ct);
        var history = await db.HistoryOfAsync(nameof(Opportunity), id.ToString(), ct);

        var summary = (await RowDecoratorAsync(actor, ct))(ToRow(joined));
        var canProgress = opportunity.Status == OpportunityStatus.InProgress && OpportunityVisibility.CanAct(actor, opportunity, OpportunityPermissions.Progress);
        var actions = new OpportunityActions(
            CanRespond: summary.CanRespond,
            CanAssign: !OpportunityRules.IsTerminal(opportunity.Status) && !actor.IsVendor && actor.Can(OpportunityPermissions.Assign),
            CanUpdateProgress: canProgress,
            NextStages: canProgress && opportunity.Stage is { } stage ? OpportunityRules.NextStages(stage).ToList() : []);

        return new OpportunityDetail(
            summary,
            opportunity.Description,
            opportunity.RespondedByName,
            opportunity.RespondedAtUtc,
            opportunity.RejectionReason,
            opportunity.RejectionNote,
            timeline,
            history,
            actions);
    }

    /// <summary>Account managers and supervisors of the actor's organization, for the assign dropdown.</summary>
    public async Task<IReadOnlyList<AssignableUser>> GetAssignableUsersAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(OpportunityPermissions.Assign);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var roleIds = db.Roles.Where(r => r.Name == AppRoles.AccountManager || r.Name == AppRoles.AccountManagerSupervisor).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => u.OrganizationId == actor.OrganizationId && userIds.Contains(u.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new AssignableUser(u.Id, u.DisplayName))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<PartnerOption>> GetPartnersAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(OpportunityPermissions.Share);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.Organizations.AsNoTracking()
            .Where(o => o.Kind != OrganizationKind.Vendor)
            .OrderBy(o => o.Name)
            .Select(o => new PartnerOption(o.Id, o.Name))
            .ToListAsync(ct);
    }

    private static IQueryable<Opportunity> Filter(IQueryable<Opportunity> source, OpportunityQuery query)
    {
        if (query.Status is { } status)
        {
            source = source.Where(o => o.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            source = source.Where(o => o.Number.Contains(term) || o.CustomerName.Contains(term) || o.City.Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(query.Industry))
        {
            source = source.Where(o => o.Industry == query.Industry);
        }

        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            source = source.Where(o => o.Region == query.Region);
        }

        if (query.PartnerOrganizationId is { } partner)
        {
            source = source.Where(o => o.OrganizationId == partner);
        }

        if (!string.IsNullOrWhiteSpace(query.AssignedToUserId))
        {
            source = source.Where(o => o.AssignedToUserId == query.AssignedToUserId);
        }

        return source;
    }

    private static IQueryable<Opportunity> Matching(AppDbContext db, Actor actor, OpportunityQuery query) =>
        Filter(db.Opportunities.AsNoTracking().VisibleTo(db, actor), query);

    /// <summary>Adds partner and assignee names; sorting happens on this shape (entity columns translate on every provider).</summary>
    private static IQueryable<JoinedOpportunity> Join(AppDbContext db, IQueryable<Opportunity> source) =>
        from o in source
        join org in db.Organizations on o.OrganizationId equals org.Id
        join user in db.Users on o.AssignedToUserId equals user.Id into assigned
        from user in assigned.DefaultIfEmpty()
        select new JoinedOpportunity { Opportunity = o, PartnerName = org.Name, AssignedToName = user == null ? null : user.DisplayName };

    /// <summary>The row shape, as an expression so SQL selects only these columns; compiled once for rows already in memory.</summary>
    private static readonly Expression<Func<JoinedOpportunity, OpportunityRow>> RowProjection = j => new OpportunityRow(
        j.Opportunity.Id, j.Opportunity.Number, j.Opportunity.OrganizationId, j.PartnerName, j.Opportunity.CustomerName,
        j.Opportunity.Industry, j.Opportunity.Region, j.Opportunity.City, j.Opportunity.CloudServices,
        new Money(j.Opportunity.EstimatedAmountFen), j.Opportunity.ExpectedCloseDate, j.Opportunity.Status, j.Opportunity.Stage,
        j.Opportunity.AssignedToUserId, j.AssignedToName, j.Opportunity.SharedAtUtc, j.Opportunity.DeadlineUtc,
        j.Opportunity.ContactName, j.Opportunity.ContactPhone, j.Opportunity.Version);

    private static readonly Func<JoinedOpportunity, OpportunityRow> ToRow = RowProjection.Compile();

    /// <summary>What is derived per row for this user and moment: the R10 countdown and whether they may answer it now.</summary>
    private async Task<Func<OpportunityRow, OpportunityRow>> RowDecoratorAsync(Actor actor, CancellationToken ct)
    {
        var workCalendar = await calendar.GetCalendarAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return row => row.Status == OpportunityStatus.PendingAcceptance
            ? row with
            {
                WorkingDaysLeft = OpportunityRules.WorkingDaysLeft(row.DeadlineUtc, now, workCalendar),
                CanRespond = OpportunityVisibility.CanAct(actor, row.PartnerOrganizationId, row.AssignedToUserId, OpportunityPermissions.Respond),
            }
            : row;
    }

    private static IQueryable<JoinedOpportunity> Sort(IQueryable<JoinedOpportunity> rows, OpportunityQuery query)
    {
        var ordered = (query.Sort, query.Descending) switch
        {
            (OpportunitySort.SharedAt, false) => rows.OrderBy(r => r.Opportunity.SharedAtUtc),
            (OpportunitySort.SharedAt, true) => rows.OrderByDescending(r => r.Opportunity.SharedAtUtc),
            (OpportunitySort.Customer, false) => rows.OrderBy(r => r.Opportunity.CustomerName),
            (OpportunitySort.Customer, true) => rows.OrderByDescending(r => r.Opportunity.CustomerName),
            (OpportunitySort.Amount, false) => rows.OrderBy(r => r.Opportunity.EstimatedAmountFen),
            (OpportunitySort.Amount, true) => rows.OrderByDescending(r => r.Opportunity.EstimatedAmountFen),
            (OpportunitySort.ExpectedClose, false) => rows.OrderBy(r => r.Opportunity.ExpectedCloseDate),
            (OpportunitySort.ExpectedClose, true) => rows.OrderByDescending(r => r.Opportunity.ExpectedCloseDate),
            (OpportunitySort.Status, false) => rows.OrderBy(r => r.Opportunity.Status),
            (OpportunitySort.Status, true) => rows.OrderByDescending(r => r.Opportunity.Status),
            (OpportunitySort.Number, false) => rows.OrderBy(r => r.Opportunity.Number),
            (OpportunitySort.Number, true) => rows.OrderByDescending(r => r.Opportunity.Number),
            (OpportunitySort.Partner, false) => rows.OrderBy(r => r.PartnerName),
            (OpportunitySort.Partner, true) => rows.OrderByDescending(r => r.PartnerName),
            (_, true) => rows.OrderByDescending(r => r.Opportunity.DeadlineUtc),
            _ => rows.OrderBy(r => r.Opportunity.DeadlineUtc),
        };

        // A unique tie-breaker keeps paging stable when many rows share a sort value.
        return ordered.ThenBy(r => r.Opportunity.Id);
    }

    private sealed class JoinedOpportunity
    {
        public Opportunity Opportunity { get; init; } = default!;
        public string PartnerName { get; init; } = "";
        public string? AssignedToName { get; init; }
    }
}
