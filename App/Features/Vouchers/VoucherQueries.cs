using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Privacy;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Vouchers;

/// <summary>
/// The issued-voucher grid (server-side paging, status tabs with counts, sorted by expiry), the customer picker and the
/// customer detail tab. Partner-only: the remark is the issuing partner's (R27), so the vendor never reads vouchers here.
/// Customer names are masked as in the customer list (R4).
/// </summary>
public sealed class VoucherQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<(IReadOnlyList<VoucherRow> Rows, int Total)> PageAsync(Actor actor, VoucherQuery query, int skip, int take, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var filtered = Filter(db, actor, query, now);
        var total = await filtered.CountAsync(ct);
        var rows = await (from v in filtered.OrderBy(v => v.ValidToUtc).ThenBy(v => v.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 100))
                          join c in db.Customers on v.CustomerId equals c.Id
                          select new { v, c.Name }).ToListAsync(ct);
        // The outer join does not keep the inner order on every provider: restore it.
        var list = rows.OrderBy(r => r.v.ValidToUtc).ThenBy(r => r.v.Id).Select(r => Row(r.v, r.Name, now)).ToList();
        return (list, total);
    }

    /// <summary>How many vouchers each status tab holds under the other filters.</summary>
    public async Task<IReadOnlyDictionary<VoucherDisplayStatus, int>> CountsAsync(Actor actor, VoucherQuery query, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var all = new VoucherQuery { QuotaId = query.QuotaId, CustomerId = query.CustomerId, Kind = query.Kind, Search = query.Search };
        var grouped = await Filter(db, actor, all, now)
            .GroupBy(v => new { v.Status, NotStarted = v.Status == VoucherStatus.Usable && v.ValidFromUtc > now })
            .Select(g => new { g.Key.Status, g.Key.NotStarted, Count = g.Count() })
            .ToListAsync(ct);
        return Enum.GetValues<VoucherDisplayStatus>().ToDictionary(
            s => s,
            s => grouped.Where(g => Display(g.Status, g.NotStarted) == s).Sum(g => g.Count));
    }

    /// <summary>Associated customers of the partner for the issue form's picker (at most <paramref name="take"/>).</summary>
    public async Task<IReadOnlyList<CustomerOption>> SearchCustomersAsync(Actor actor, string? text, bool consultativeOnly, int take = 20, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.Issue);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var customers = db.Customers.AsNoTracking().Where(c => c.OrganizationId == actor.OrganizationId && c.Status == CustomerStatus.Associated);
        if (consultativeOnly)
        {
            customers = customers.Where(c => c.Mode == AssociationMode.Consultative);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var term = text.Trim();
            customers = customers.Where(c => c.Name.Contains(term) || c.CreditCode.Contains(term.ToUpperInvariant()));
        }

        return await customers.OrderBy(c => c.Name).Take(Math.Clamp(take, 1, 50))
            .Select(c => new CustomerOption(c.Id, c.Name, c.Mode)).ToListAsync(ct);
    }

    /// <summary>The vouchers issued to one customer, for the customer detail tab.</summary>
    public async Task<IReadOnlyList<VoucherRow>> ForCustomerAsync(Actor actor, Guid customerId, CancellationToken ct = default)
    {
        var (rows, _) = await PageAsync(actor, new VoucherQuery { CustomerId = customerId }, 0, 100, ct);
        return rows;
    }

    private static void Demand(Actor actor)
    {
        actor.Demand(VoucherPermissions.View);
        if (actor.IsVendor)
        {
            throw new Core.Errors.AccessDeniedException("read a partner's vouchers");
        }
    }

    private static IQueryable<Voucher> Filter(AppDbContext db, Actor actor, VoucherQuery query, DateTime now)
    {
        var vouchers = db.Vouchers.AsNoTracking().Where(v => v.OrganizationId == actor.OrganizationId);
        vouchers = query.Status switch
        {
            VoucherDisplayStatus.NotActivated => vouchers.Where(v => v.Status == VoucherStatus.Usable && v.ValidFromUtc > now),
            VoucherDisplayStatus.Usable => vouchers.Where(v => v.Status == VoucherStatus.Usable && v.ValidFromUtc <= now),
            VoucherDisplayStatus.Used => vouchers.Where(v => v.Status == VoucherStatus.Used),
            VoucherDisplayStatus.Expired => vouchers.Where(v => v.Status == VoucherStatus.Expired),
            VoucherDisplayStatus.Recalled => vouchers.Where(v => v.Status == VoucherStatus.Recalled),
            _ => vouchers,
        };
        if (query.QuotaId is { } quota)
        {
            vouchers = vouchers.Where(v => v.QuotaId == quota);
        }

        if (query.CustomerId is { } customer)
        {
            vouchers = vouchers.Where(v => v.CustomerId == customer);
        }

        if (query.Kind is { } kind)
        {
            vouchers = vouchers.Where(v => v.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var customers = db.Customers;
            vouchers = vouchers.Where(v => customers.Any(c => c.Id == v.CustomerId && c.Name.Contains(term)));
        }

        return vouchers;
    }

    private static VoucherDisplayStatus Display(VoucherStatus status, bool notStarted) =>
        notStarted ? VoucherDisplayStatus.NotActivated : Voucher.Display(status, DateTime.MinValue, DateTime.MaxValue);

    private static VoucherRow Row(Voucher v, string customerName, DateTime now) => new(
        v.Id, v.QuotaId, v.CustomerId, Masking.MaskName(customerName), v.Kind, v.DisplayStatus(now), v.FaceValueFen, v.BalanceFen, v.MinimumOrderFen,
        VoucherDates.FromDate(v.ValidFromUtc), VoucherDates.ToDate(v.ValidToUtc), v.Remark, v.IssuedAtUtc, v.Version);
}
