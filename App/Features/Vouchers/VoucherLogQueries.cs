using System.Runtime.CompilerServices;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Privacy;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Time;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Features.Vouchers;

/// <summary>
/// The quota operation log (R26): a partner reads its own, the vendor every partner's. Filterable by time range (Beijing
/// days), customer, quota and operator; newest first; exported by streaming rows straight into the xlsx writer.
/// </summary>
public sealed class VoucherLogQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<(IReadOnlyList<OperationLogRow> Rows, int Total)> PageAsync(Actor actor, OperationLogQuery query, int skip, int take, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.ViewLog);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var filtered = Filter(db, actor, query);
        var total = await filtered.CountAsync(ct);
        var page = filtered.OrderByDescending(o => o.AtUtc).ThenByDescending(o => o.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 100));
        var rows = await Project(db, page).ToListAsync(ct);
        return (rows.OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Id).Select(Mask).ToList(), total);
    }

    /// <summary>Everyone who appears as an operator in the actor's log, for the filter.</summary>
    public async Task<IReadOnlyList<(string UserId, string Name)>> OperatorsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.ViewLog);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var rows = await Scoped(db, actor).Where(o => o.OperatorUserId != null)
            .GroupBy(o => o.OperatorUserId!).Select(g => new { Id = g.Key, Name = g.Max(o => o.OperatorName) }).Take(200).ToListAsync(ct);
        return rows.OrderBy(r => r.Name).Select(r => (r.Id, r.Name ?? "")).ToList();
    }

    /// <summary>The quotas the actor's log can be filtered by (a partner's own; the vendor's: every quota it granted).</summary>
    public async Task<IReadOnlyList<LogQuotaOption>> QuotasAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.ViewLog);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var quotas = db.VoucherQuotas.AsNoTracking().Where(q => actor.IsVendor ? q.ParentQuotaId == null : q.OrganizationId == actor.OrganizationId);
        var rows = await (from q in quotas
                          join p in db.Organizations on q.OrganizationId equals p.Id
                          orderby q.CreatedAtUtc descending
                          select new { q.Id, q.Kind, p.Name, q.GrantedFen, q.ValidToUtc }).Take(200).ToListAsync(ct);
        return rows.Select(r => new LogQuotaOption(r.Id, r.Kind, r.Name, r.GrantedFen, VoucherDates.ToDate(r.ValidToUtc))).ToList();
    }

    public async IAsyncEnumerable<OperationLogRow> StreamAsync(Actor actor, OperationLogQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.Export);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var ordered = Filter(db, actor, query).OrderByDescending(o => o.AtUtc).ThenByDescending(o => o.Id);
        await foreach (var row in Project(db, ordered).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return Mask(row);
        }
    }

    private static IQueryable<VoucherOperation> Scoped(AppDbContext db, Actor actor) =>
        actor.IsVendor ? db.VoucherOperations.AsNoTracking() : db.VoucherOperations.AsNoTracking().Where(o => o.OrganizationId == actor.OrganizationId);

    private static IQueryable<VoucherOperation> Filter(AppDbContext db, Actor actor, OperationLogQuery query)
    {
        var rows = Scoped(db, actor);
        if (query.From is { } from)
        {
            var start = BeijingTime.StartOfDayUtc(from);
            rows = rows.Where(o => o.AtUtc >= start);
        }

        if (query.To is { } to)
        {
            var end = BeijingTime.StartOfDayUtc(to.AddDays(1));
            rows = rows.Where(o => o.AtUtc < end);
        }

        if (query.CustomerId is { } customer)
        {
            rows = rows.Where(o => o.CustomerId == customer);
        }

        if (!string.IsNullOrWhiteSpace(query.CustomerSearch))
        {
            var term = query.CustomerSearch.Trim();
            var customers = db.Customers;
            rows = rows.Where(o => customers.Any(c => c.Id == o.CustomerId && c.Name.Contains(term)));
        }

        if (query.QuotaId is { } quota)
        {
            rows = rows.Where(o => o.QuotaId == quota);
        }

        if (!string.IsNullOrEmpty(query.OperatorUserId))
        {
            rows = rows.Where(o => o.OperatorUserId == query.OperatorUserId);
        }

        if (query.Kind is { } kind)
        {
            rows = rows.Where(o => o.Kind == kind);
        }

        return rows;
    }

    // Customer names come from the customer's own tenant row; a distributor never sees its resellers' log (tenant filter).
    private static IQueryable<OperationLogRow> Project(AppDbContext db, IQueryable<VoucherOperation> rows) =>
        from o in rows
        join c in db.Customers on o.CustomerId equals c.Id into cs
        from c in cs.DefaultIfEmpty()
        join p in db.Organizations on o.OrganizationId equals p.Id
        join q in db.VoucherQuotas on o.QuotaId equals q.Id
        select new OperationLogRow(o.Id, o.AtUtc, o.Kind, o.QuotaId, q.Kind, q.ValidToUtc, o.VoucherId, c == null ? "" : c.Name, o.AmountFen, o.OperatorName, p.Name);

    private static OperationLogRow Mask(OperationLogRow row) => row with { CustomerName = Masking.MaskName(row.CustomerName) };
}

/// <summary>Excel export of the operation log under the page's filter, in the user's language, streamed row by row.</summary>
public sealed class VoucherLogExporter(VoucherLogQueries queries, IStringLocalizer<SharedResource> localizer, TimeProvider time)
{
    public string FileName() => $"voucher-log-{BeijingTime.ToBeijing(time.GetUtcNow().UtcDateTime):yyyyMMdd-HHmmss}.xlsx";

    public Task<int> ExportAsync(Actor actor, OperationLogQuery query, Stream output, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.Export);
        var L = localizer;
        var kinds = Enum.GetValues<VoucherOperationKind>().ToDictionary(k => k, k => L[$"VoucherOperationKind.{k}"].Value);
        var quotaKinds = Enum.GetValues<VoucherKind>().ToDictionary(k => k, k => L[$"VoucherKind.{k}"].Value);
        XlsxColumn<OperationLogRow>[] columns =
        [
            new(L["VoucherLog.Time"] + $" ({BeijingTime.ZoneLabel})", XlsxColumnKind.DateTime, 22, r => BeijingTime.ToBeijing(r.AtUtc)),
            new(L["VoucherLog.Operation"], XlsxColumnKind.Text, 16, r => kinds[r.Kind]),
            new(L["VoucherLog.Partner"], XlsxColumnKind.Text, 20, r => r.PartnerName),
            new(L["VoucherLog.Quota"], XlsxColumnKind.Text, 38, r => r.QuotaId.ToString()),
            new(L["VoucherLog.QuotaKind"], XlsxColumnKind.Text, 14, r => quotaKinds[r.QuotaKind]),
            new(L["VoucherLog.Voucher"], XlsxColumnKind.Text, 38, r => r.VoucherId?.ToString() ?? ""),
            new(L["VoucherLog.Customer"], XlsxColumnKind.Text, 24, r => r.CustomerName),
            new(L["VoucherLog.Amount"] + " (CNY)", XlsxColumnKind.Money, 16, r => r.AmountFen / 100m),
            new(L["VoucherLog.Operator"], XlsxColumnKind.Text, 20, r => r.OperatorName),
        ];
        return XlsxTableWriter.WriteAsync(output, L["VoucherLog.SheetName"], columns, queries.StreamAsync(actor, query, ct), progress, ct);
    }
}
