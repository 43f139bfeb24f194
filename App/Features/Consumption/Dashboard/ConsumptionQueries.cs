using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Privacy;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Consumption.Dashboard;

/// <summary>
/// Reads for the consumption dashboard (R32, R33) with R3 visibility over R18 attribution: the partner admin and finance
/// see the whole partner, a supervisor the rows attributed to themself and their team, an account manager only the rows
/// attributed to them (the manager stored on the row, so a reassignment never moves past consumption); the vendor
/// operator names one partner. The summary reads <see cref="ConsumptionMonthly"/> only; the detail pages
/// <see cref="ConsumptionRecord"/> on its (partner, day) and (partner, manager, day) indexes. Every method takes the
/// <see cref="Actor"/> and checks the permission itself (public for console programs such as the benchmark).
/// </summary>
public sealed class ConsumptionQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const int TopCount = 10;

    /// <summary>The partners the vendor operator can pick; empty for everyone else.</summary>
    public async Task<IReadOnlyList<ConsumptionPartnerOption>> GetPartnersAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(ConsumptionPermissions.View);
        if (!actor.IsVendor)
        {
            return [];
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.Organizations.AsNoTracking().Where(o => o.Kind != OrganizationKind.Vendor)
            .OrderBy(o => o.Name).Select(o => new ConsumptionPartnerOption(o.Id, o.Name)).ToListAsync(ct);
    }

    /// <summary>KPI cards, trend by charge mode, top products and customers, by account manager and the time of the last data.</summary>
    public async Task<ConsumptionSummary> GetSummaryAsync(Actor actor, ConsumptionFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = await ResolvePartnerAsync(db, actor, filter.PartnerId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var (from, to) = Range(filter, now);
        var dimensions = WithDimensions(Visible(db, actor, partner), filter);
        var inRange = dimensions.Where(m => m.Month >= from && m.Month <= to);

        var current = ConsumptionWindow.CurrentMonth(now);
        var last = current.AddMonths(-1);
        var beforeLast = current.AddMonths(-2);
        var yearBefore = last.AddMonths(-12);
        var earliest = ConsumptionWindow.EarliestMonth(now);
        var kpiMonths = new[] { current, last, beforeLast, yearBefore }.Where(m => m >= earliest).ToList();
        var kpiSums = await dimensions.Where(m => kpiMonths.Contains(m.Month))
            .GroupBy(m => m.Month).Select(g => new { Month = g.Key, Due = g.Sum(m => m.AmountDueFen) })
            .ToDictionaryAsync(g => g.Month, g => g.Due, ct);
        long Sum(DateOnly month) => kpiSums.GetValueOrDefault(month);
        var kpis = new ConsumptionKpis(
            current, new Money(Sum(current)), last, new Money(Sum(last)),
            ConsumptionChange.Of(Sum(last), Sum(beforeLast)),
            ConsumptionChange.Of(Sum(last), Sum(yearBefore)));

        var trend = (await inRange.GroupBy(m => new { m.Month, m.ChargeMode })
                .Select(g => new { g.Key.Month, g.Key.ChargeMode, Due = g.Sum(m => m.AmountDueFen) })
                .ToListAsync(ct))
            .OrderBy(t => t.Month).ThenBy(t => t.ChargeMode)
            .Select(t => new ConsumptionTrendPoint(t.Month, t.ChargeMode, new Money(t.Due)))
            .ToList();
        var rangeTotal = new Money(trend.Sum(t => t.Amount.Fen));

        var products = await inRange.GroupBy(m => m.ProductCode)
            .Select(g => new { Key = g.Key, Due = g.Sum(m => m.AmountDueFen) })
            .OrderByDescending(g => g.Due).ThenBy(g => g.Key).Take(TopCount).ToListAsync(ct);

        var customers = await inRange.GroupBy(m => m.CustomerId)
            .Select(g => new { Key = g.Key, Due = g.Sum(m => m.AmountDueFen) })
            .OrderByDescending(g => g.Due).ThenBy(g => g.Key).Take(TopCount).ToListAsync(ct);
        var customerNames = await CustomerNamesAsync(db, partner, customers.Select(c => c.Key).ToList(), ct);

        var managers = await inRange.GroupBy(m => m.AccountManagerUserId)
            .Select(g => new { Key = g.Key, Due = g.Sum(m => m.AmountDueFen) })
            .ToListAsync(ct);
        var managerNames = await ManagerNamesAsync(db, managers.Select(m => m.Key).OfType<string>().ToList(), ct);

        var freshness = await db.ConsumptionFreshness.AsNoTracking().Where(f => f.OrganizationId == partner)
            .Select(f => new ConsumptionDataTime(f.LatestDay, f.RolledUpAtUtc)).SingleOrDefaultAsync(ct);

        return new ConsumptionSummary(
            partner, from, to, kpis, rangeTotal, trend,
            products.Select(p => new ConsumptionRanked(p.Key, p.Key, new Money(p.Due))).ToList(),
            customers.Select(c => new ConsumptionRanked(c.Key.ToString(), customerNames.GetValueOrDefault(c.Key, "—"), new Money(c.Due))).ToList(),
            managers.OrderByDescending(m => m.Due).ThenBy(m => m.Key)
                .Select(m => new ConsumptionRanked(m.Key ?? ConsumptionFilter.Unattributed, m.Key is null ? "" : managerNames.GetValueOrDefault(m.Key, m.Key), new Money(m.Due)))
                .ToList(),
            freshness ?? new ConsumptionDataTime(null, null));
    }

    /// <summary>One page of the detail, newest first by default, for the filter, the drill-down and the sub-user account.</summary>
    public async Task<ConsumptionDetailPage> GetDetailAsync(Actor actor, ConsumptionDetailQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = await ResolvePartnerAsync(db, actor, query.Filter.PartnerId, ct);
        var matching = DetailMatching(db, actor, partner, query);
        var total = await matching.CountAsync(ct);
        var page = await Sort(matching, query)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, ConsumptionDetailQuery.MaxPageSize))
            .ToListAsync(ct);
        return new ConsumptionDetailPage(await ToRowsAsync(db, partner, page, ct), total);
    }

    public async Task<int> CountDetailAsync(Actor actor, ConsumptionDetailQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = await ResolvePartnerAsync(db, actor, query.Filter.PartnerId, ct);
        return await DetailMatching(db, actor, partner, query).CountAsync(ct);
    }

    /// <summary>Every detail row of the query in its order, streamed in batches (the export); paging is ignored.</summary>
    public async IAsyncEnumerable<ConsumptionDetailRow> StreamDetailAsync(Actor actor, ConsumptionDetailQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = await ResolvePartnerAsync(db, actor, query.Filter.PartnerId, ct);
        var batch = new List<ConsumptionRecord>(1000);
        await foreach (var record in Sort(DetailMatching(db, actor, partner, query), query).AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(record);
            if (batch.Count == 1000)
            {
                foreach (var row in await ToRowsAsync(dbFactory, actor, partner, batch, ct))
                {
                    yield return row;
                }

                batch.Clear();
            }
        }

        foreach (var row in await ToRowsAsync(dbFactory, actor, partner, batch, ct))
        {
            yield return row;
        }
    }

    /// <summary>The values the filter bar offers, from the visible rollup of the window.</summary>
    public async Task<ConsumptionFilterOptions> GetFilterOptionsAsync(Actor actor, Guid? partnerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = await ResolvePartnerAsync(db, actor, partnerId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var earliest = ConsumptionWindow.EarliestMonth(now);
        var visible = Visible(db, actor, partner).Where(m => m.Month >= earliest);
        var products = await visible.Select(m => m.ProductCode).Distinct().OrderBy(p => p).ToListAsync(ct);
        var types = await visible.Select(m => m.ServiceType).Distinct().OrderBy(p => p).ToListAsync(ct);
        var customerIds = await visible.Select(m => m.CustomerId).Distinct().ToListAsync(ct);
        var managerIds = await visible.Select(m => m.AccountManagerUserId).Distinct().ToListAsync(ct);
        var customerNames = await CustomerNamesAsync(db, partner, customerIds, ct);
        var managerNames = await ManagerNamesAsync(db, managerIds.OfType<string>().ToList(), ct);
        var months = Enumerable.Range(0, ConsumptionWindow.Months).Select(earliest.AddMonths).ToList();
        return new ConsumptionFilterOptions(
            products,
            types,
            customerNames.Select(c => new ConsumptionOption(c.Key.ToString(), c.Value)).OrderBy(c => c.Label, StringComparer.Ordinal).ThenBy(c => c.Key).ToList(),
            managerIds.Select(m => new ConsumptionOption(m ?? ConsumptionFilter.Unattributed, m is null ? "" : managerNames.GetValueOrDefault(m, m)))
                .OrderBy(m => m.Key == ConsumptionFilter.Unattributed).ThenBy(m => m.Label, StringComparer.Ordinal).ToList(),
            months);
    }

    /// <summary>The partner the actor looks at: their own, or the one the vendor operator picked (which must be a partner).</summary>
    internal static async Task<Guid> ResolvePartnerAsync(AppDbContext db, Actor actor, Guid? partnerId, CancellationToken ct, string permission = ConsumptionPermissions.View)
    {
        actor.Demand(permission);
        if (!actor.IsVendor)
        {
            if (actor.OrganizationKind == OrganizationKind.Vendor)
            {
                throw new AccessDeniedException(permission);
            }

            return actor.OrganizationId;
        }

        if (partnerId is not { } id || !await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == id && o.Kind != OrganizationKind.Vendor, ct))
        {
            throw new ValidationException(nameof(ConsumptionFilter.PartnerId), "Consumption.Error.PartnerRequired");
        }

        return id;
    }

    /// <summary>The months shown: the filter's range clamped to the R33 window.</summary>
    public static (DateOnly From, DateOnly To) Range(ConsumptionFilter filter, DateTime utcNow) =>
        ConsumptionWindow.Clamp(filter.FromMonth ?? ConsumptionWindow.EarliestMonth(utcNow), filter.ToMonth ?? ConsumptionWindow.CurrentMonth(utcNow), utcNow);

    /// <summary>R3 over R18 on the rollup: the partner's rows, narrowed to the actor's own or team's attribution.</summary>
    internal static IQueryable<ConsumptionMonthly> Visible(AppDbContext db, Actor actor, Guid partner)
    {
        var rows = db.ConsumptionMonthly.AsNoTracking().Where(m => m.OrganizationId == partner);
        if (actor.IsVendor || CustomerVisibility.SeesAll(actor))
        {
            return rows;
        }

        if (actor.IsInRole(AppRoles.AccountManagerSupervisor))
        {
            var team = Team(db, actor, partner);
            return rows.Where(m => m.AccountManagerUserId == actor.UserId || team.Contains(m.AccountManagerUserId!));
        }

        return rows.Where(m => m.AccountManagerUserId == actor.UserId);
    }

    private static IQueryable<ConsumptionRecord> VisibleDetail(AppDbContext db, Actor actor, Guid partner)
    {
        var rows = db.ConsumptionRecords.AsNoTracking().Where(r => r.OrganizationId == partner);
        if (actor.IsVendor || CustomerVisibility.SeesAll(actor))
        {
            return rows;
        }

        if (actor.IsInRole(AppRoles.AccountManagerSupervisor))
        {
            var team = Team(db, actor, partner);
            return rows.Where(r => r.AccountManagerUserId == actor.UserId || team.Contains(r.AccountManagerUserId!));
        }

        return rows.Where(r => r.AccountManagerUserId == actor.UserId);
    }

    private static IQueryable<string> Team(AppDbContext db, Actor actor, Guid partner) =>
        db.Users.Where(u => u.SupervisorId == actor.UserId && u.OrganizationId == partner).Select(u => u.Id);

    internal static IQueryable<ConsumptionMonthly> WithDimensions(IQueryable<ConsumptionMonthly> rows, ConsumptionFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.ProductCode))
        {
            rows = rows.Where(m => m.ProductCode == filter.ProductCode);
        }

        if (!string.IsNullOrWhiteSpace(filter.ServiceType))
        {
            rows = rows.Where(m => m.ServiceType == filter.ServiceType);
        }

        if (filter.ChargeMode is { } charge)
        {
            rows = rows.Where(m => m.ChargeMode == charge);
        }

        if (filter.AssociationMode is { } mode)
        {
            rows = rows.Where(m => m.AssociationMode == mode);
        }

        if (filter.CustomerId is { } customer)
        {
            rows = rows.Where(m => m.CustomerId == customer);
        }

        if (filter.AccountManagerUserId == ConsumptionFilter.Unattributed)
        {
            rows = rows.Where(m => m.AccountManagerUserId == null);
        }
        else if (!string.IsNullOrWhiteSpace(filter.AccountManagerUserId))
        {
            rows = rows.Where(m => m.AccountManagerUserId == filter.AccountManagerUserId);
        }

        return rows;
    }

    private IQueryable<ConsumptionRecord> DetailMatching(AppDbContext db, Actor actor, Guid partner, ConsumptionDetailQuery query)
    {
        var filter = query.Filter;
        var drill = query.DrillDown;
        var (from, to) = Range(filter, time.GetUtcNow().UtcDateTime);
        if (drill.Month is { } month)
        {
            // A clicked month outside the range (or the window) shows nothing rather than widening the range.
            var picked = ConsumptionWindow.MonthOf(month);
            (from, to) = picked < from || picked > to ? (to.AddMonths(1), to) : (picked, picked);
        }

        var end = to.AddMonths(1);
        var rows = VisibleDetail(db, actor, partner).Where(r => r.Day >= from && r.Day < end);
        foreach (var (product, type, charge, mode, customer, manager) in new[]
        {
            (filter.ProductCode, filter.ServiceType, filter.ChargeMode, filter.AssociationMode, filter.CustomerId, filter.AccountManagerUserId),
            (drill.ProductCode, null, drill.ChargeMode, null, drill.CustomerId, drill.AccountManagerUserId),
        })
        {
            if (!string.IsNullOrWhiteSpace(product))
            {
                rows = rows.Where(r => r.ProductCode == product);
            }

            if (!string.IsNullOrWhiteSpace(type))
            {
                rows = rows.Where(r => r.ServiceType == type);
            }

            if (charge is { } c)
            {
                rows = rows.Where(r => r.ChargeMode == c);
            }

            if (mode is { } m)
            {
                rows = rows.Where(r => r.AssociationMode == m);
            }

            if (customer is { } id)
            {
                rows = rows.Where(r => r.CustomerId == id);
            }

            if (manager == ConsumptionFilter.Unattributed)
            {
                rows = rows.Where(r => r.AccountManagerUserId == null);
            }
            else if (!string.IsNullOrWhiteSpace(manager))
            {
                rows = rows.Where(r => r.AccountManagerUserId == manager);
            }
        }

        if (!string.IsNullOrWhiteSpace(query.SubUserAccount))
        {
            var subUser = query.SubUserAccount.Trim();
            rows = rows.Where(r => r.SubUserAccount == subUser);
        }

        return rows;
    }

    private static IQueryable<ConsumptionRecord> Sort(IQueryable<ConsumptionRecord> rows, ConsumptionDetailQuery query) => (query.Sort, query.Descending) switch
    {
        (ConsumptionDetailSort.AmountDue, false) => rows.OrderBy(r => r.AmountDueFen).ThenBy(r => r.Id),
        (ConsumptionDetailSort.AmountDue, true) => rows.OrderByDescending(r => r.AmountDueFen).ThenByDescending(r => r.Id),
        (ConsumptionDetailSort.Product, false) => rows.OrderBy(r => r.ProductCode).ThenByDescending(r => r.Day).ThenByDescending(r => r.Id),
        (ConsumptionDetailSort.Product, true) => rows.OrderByDescending(r => r.ProductCode).ThenByDescending(r => r.Day).ThenByDescending(r => r.Id),
        (ConsumptionDetailSort.ChargeMode, false) => rows.OrderBy(r => r.ChargeMode).ThenByDescending(r => r.Day).ThenByDescending(r => r.Id),
        (ConsumptionDetailSort.ChargeMode, true) => rows.OrderByDescending(r => r.ChargeMode).ThenByDescending(r => r.Day).ThenByDescending(r => r.Id),
        (_, false) => rows.OrderBy(r => r.Day).ThenBy(r => r.Id),
        _ => rows.OrderByDescending(r => r.Day).ThenByDescending(r => r.Id),
    };

    private static async Task<IReadOnlyList<ConsumptionDetailRow>> ToRowsAsync(IDbContextFactory<AppDbContext> factory, Actor actor, Guid partner, IReadOnlyList<ConsumptionRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return [];
        }

        // The streaming context is busy with its reader: names come through a second, short-lived one.
        await using var db = await factory.CreateForAsync(actor, ct);
        return await ToRowsAsync(db, partner, records, ct);
    }

    private static async Task<IReadOnlyList<ConsumptionDetailRow>> ToRowsAsync(AppDbContext db, Guid partner, IReadOnlyList<ConsumptionRecord> records, CancellationToken ct)
    {
        var customers = await CustomerNamesAsync(db, partner, records.Select(r => r.CustomerId).Distinct().ToList(), ct);
        var managers = await ManagerNamesAsync(db, records.Select(r => r.AccountManagerUserId).OfType<string>().Distinct().ToList(), ct);
        return records.Select(r => new ConsumptionDetailRow(
            r.Id, r.Day, r.CustomerId, customers.GetValueOrDefault(r.CustomerId, "—"), r.ProductCode, r.ServiceType, r.Region, r.ChargeMode,
            r.ResourceId, r.SubUserAccount, new Money(r.ListPriceFen), new Money(r.DiscountFen), new Money(r.AmountDueFen),
            r.AccountManagerUserId is { } m ? managers.GetValueOrDefault(m, m) : null)).ToList();
    }

    /// <summary>
    /// Customer names, masked as the customer console shows them (R4): the dashboard and its export never carry a clear
    /// name; the customer console's audited reveal is the one way to it.
    /// </summary>
    internal static async Task<Dictionary<Guid, string>> CustomerNamesAsync(AppDbContext db, Guid partner, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Customers.AsNoTracking().Where(c => c.OrganizationId == partner && chunk.Contains(c.Id))
                .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
            foreach (var row in rows)
            {
                names[row.Id] = Masking.MaskName(row.Name);
            }
        }

        return names;
    }

    internal static async Task<Dictionary<string, string>> ManagerNamesAsync(AppDbContext db, IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
