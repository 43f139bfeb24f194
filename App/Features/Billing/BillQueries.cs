using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Features.Billing;

/// <summary>
/// Reads for the bills page (R34). Partner admins and finance read their own partner's bills; the vendor operator reads
/// the partner they picked. Every method demands <see cref="ConsumptionPermissions.ViewBills"/> (or the export permission).
/// </summary>
public sealed class BillQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IOptions<BillingOptions> options)
{
    public const int MaxPageSize = 200;

    /// <summary>Partners the vendor operator can pick.</summary>
    public async Task<IReadOnlyList<BillPartnerOption>> PartnersAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(ConsumptionPermissions.ViewBills);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partners = db.Organizations.AsNoTracking().Where(o => o.Kind != OrganizationKind.Vendor);
        if (!actor.IsVendor)
        {
            partners = partners.Where(o => o.Id == actor.OrganizationId);
        }

        return await partners.OrderBy(o => o.Name).Select(o => new BillPartnerOption(o.Id, o.Name)).ToListAsync(ct);
    }

    /// <summary>The months of the window, newest first, and whether each has its bill.</summary>
    public async Task<IReadOnlyList<BillPeriodOption>> PeriodsAsync(Actor actor, Guid? partnerId, CancellationToken ct = default)
    {
        actor.Demand(ConsumptionPermissions.ViewBills);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = await ResolvePartnerAsync(db, actor, partnerId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var earliest = ConsumptionWindow.EarliestMonth(now);
        var generated = (await db.Bills.AsNoTracking()
            .Where(b => b.OrganizationId == partner && b.Period >= earliest)
            .Select(b => b.Period)
            .ToListAsync(ct)).ToHashSet();
        return BillSchedule.WindowPeriods(now).Select(p => new BillPeriodOption(p, generated.Contains(p))).ToList();
    }

    public async Task<BillSummary> GetSummaryAsync(Actor actor, Guid? partnerId, DateOnly period, CancellationToken ct = default)
    {
        actor.Demand(ConsumptionPermissions.ViewBills);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = await ResolvePartnerAsync(db, actor, partnerId, ct);
        period = InWindow(period);
        var bill = await db.Bills.AsNoTracking().SingleOrDefaultAsync(b => b.OrganizationId == partner && b.Period == period, ct);
        var dueAt = BillSchedule.DueAtUtc(period, options.Value);
        if (bill is null)
        {
            var rate = BillMath.BasisPoints(options.Value.TaxRatePercent);
            return new BillSummary(partner, period, false, dueAt, Money.Zero, Money.Zero, Money.Zero, Money.Zero, rate, Money.Zero, Money.Zero, 0, null);
        }

        return new BillSummary(partner, period, true, dueAt, new Money(bill.ConsumptionFen), new Money(bill.RefundsFen), new Money(bill.AdjustmentsFen),
            new Money(bill.AmountDueFen), bill.TaxRateBasisPoints, new Money(bill.TaxFen), new Money(bill.TotalWithTaxFen), bill.LineCount, bill.GeneratedAtUtc);
    }

    /// <summary>One page of a bill's lines, sorted on the server (each sort has its index). Empty when the bill is not generated.</summary>
    public async Task<BillLinePage> ListLinesAsync(Actor actor, BillLineQuery query, CancellationToken ct = default)
    {
        actor.Demand(ConsumptionPermissions.ViewBills);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = await ResolvePartnerAsync(db, actor, query.PartnerId, ct);
        var period = InWindow(query.Period);
        var bill = await db.Bills.AsNoTracking().Where(b => b.OrganizationId == partner && b.Period == period)
            .Select(b => new { b.Id, b.LineCount }).SingleOrDefaultAsync(ct);
        if (bill is null)
        {
            return new BillLinePage([], 0);
        }

        var page = await Rows(db, Sorted(db.BillLines.AsNoTracking().Where(l => l.BillId == bill.Id && l.OrganizationId == partner), query.Sort, query.Descending)
                .Skip(Math.Max(0, query.Skip))
                .Take(Math.Clamp(query.Take, 1, MaxPageSize)))
            .ToListAsync(ct);
        return new BillLinePage(page, bill.LineCount);
    }

    /// <summary>The refunds and adjustments recorded for a period (in its bill once generated), newest first.</summary>
    public async Task<IReadOnlyList<BillAdjustmentRow>> ListAdjustmentsAsync(Actor actor, Guid? partnerId, DateOnly period, CancellationToken ct = default)
    {
        actor.Demand(ConsumptionPermissions.ViewBills);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = await ResolvePartnerAsync(db, actor, partnerId, ct);
        period = ConsumptionWindow.MonthOf(period);
        var rows = await db.BillAdjustments.AsNoTracking()
            .Where(a => a.OrganizationId == partner && a.Period == period)
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Kind, a.AmountFen, a.Reason, a.RecordedByName, a.RecordedAtUtc })
            .ToListAsync(ct);
        return rows.Select(a => new BillAdjustmentRow(a.Id, a.Kind, new Money(a.AmountFen), a.Reason, a.RecordedByName, a.RecordedAtUtc)).ToList();
    }

    /// <summary>The generated bill's id and line count for an export; checks <see cref="ConsumptionPermissions.ExportBills"/> and tenant.</summary>
    internal async Task<(long BillId, int LineCount, Guid Partner)> BillForExportAsync(Actor actor, Guid? partnerId, DateOnly period, CancellationToken ct)
    {
        actor.Demand(ConsumptionPermissions.ExportBills);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = await ResolvePartnerAsync(db, actor, partnerId, ct);
        period = InWindow(period);
        var bill = await db.Bills.AsNoTracking().Where(b => b.OrganizationId == partner && b.Period == period)
            .Select(b => new { b.Id, b.LineCount }).SingleOrDefaultAsync(ct)
            ?? throw new ValidationException("Period", "Bill.NotGenerated");
        return (bill.Id, bill.LineCount, partner);
    }

    /// <summary>Every line of a bill, sorted as the grid's default (largest amount first), streamed without a cap.</summary>
    internal async IAsyncEnumerable<BillLineRow> StreamLinesAsync(Actor actor, Guid partner, long billId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        actor.Demand(ConsumptionPermissions.ExportBills);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var lines = db.BillLines.AsNoTracking().Where(l => l.BillId == billId && l.OrganizationId == partner);
        await foreach (var row in Rows(db, Sorted(lines, BillLineSort.AmountDue, true)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    /// <summary>
    /// The partner an actor reads bills of: a partner's own organization (another id is refused), or the vendor operator's
    /// pick (required, and must be a partner).
    /// </summary>
    internal static async Task<Guid> ResolvePartnerAsync(AppDbContext db, Actor actor, Guid? partnerId, CancellationToken ct)
    {
        if (!actor.IsVendor)
        {
            if (partnerId is { } other && other != actor.OrganizationId)
            {
                throw new AccessDeniedException("another partner's bills");
            }

            if (actor.OrganizationKind == OrganizationKind.Vendor)
            {
                throw new AccessDeniedException("bills");
            }

            return actor.OrganizationId;
        }

        if (partnerId is not { } picked || !await db.Organizations.AnyAsync(o => o.Id == picked && o.Kind != OrganizationKind.Vendor, ct))
        {
            throw new ValidationException("PartnerId", "Bill.PartnerRequired");
        }

        return picked;
    }

    private DateOnly InWindow(DateOnly period)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var month = ConsumptionWindow.MonthOf(period);
        if (month < ConsumptionWindow.EarliestMonth(now) || month > ConsumptionWindow.CurrentMonth(now))
        {
            throw new ValidationException("Period", "Bill.PeriodOutsideWindow", ConsumptionWindow.Months);
        }

        return month;
    }

    private static IQueryable<BillLine> Sorted(IQueryable<BillLine> lines, BillLineSort sort, bool descending) => (sort, descending) switch
    {
        (BillLineSort.ListPrice, true) => lines.OrderByDescending(l => l.ListPriceFen).ThenByDescending(l => l.Id),
        (BillLineSort.ListPrice, false) => lines.OrderBy(l => l.ListPriceFen).ThenBy(l => l.Id),
        (BillLineSort.Product, true) => lines.OrderByDescending(l => l.ProductCode).ThenByDescending(l => l.Id),
        (BillLineSort.Product, false) => lines.OrderBy(l => l.ProductCode).ThenBy(l => l.Id),
        (BillLineSort.Resource, true) => lines.OrderByDescending(l => l.ResourceId).ThenByDescending(l => l.Id),
        (BillLineSort.Resource, false) => lines.OrderBy(l => l.ResourceId).ThenBy(l => l.Id),
        (_, true) => lines.OrderByDescending(l => l.AmountDueFen).ThenByDescending(l => l.Id),
        _ => lines.OrderBy(l => l.AmountDueFen).ThenBy(l => l.Id),
    };

    /// <summary>The page's rows with the customer's name (joined after paging, so only the shown lines are joined).</summary>
    private static IQueryable<BillLineRow> Rows(AppDbContext db, IQueryable<BillLine> lines) =>
        from l in lines
        join c in db.Customers.IgnoreQueryFilters([AppDbContext.TenantFilter]) on l.CustomerId equals c.Id into customers
        from c in customers.DefaultIfEmpty()
        select new BillLineRow(l.Id, c == null ? null : c.Name, l.ProductCode, l.ServiceType, l.Region, l.ChargeMode, l.ResourceId,
            new Money(l.ListPriceFen), new Money(l.DiscountFen), new Money(l.AmountDueFen), l.RecordCount);
}
