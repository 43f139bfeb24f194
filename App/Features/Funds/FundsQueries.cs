using System.Linq.Expressions;
using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Time;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Funds;

/// <summary>Reads for the funds page, the customer ledger tab and the vendor top-up page.</summary>
public sealed class FundsQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxPageSize = 200;
    public const int MaxPickerResults = 20;

    /// <summary>The cash account card with every part of the withdrawable amount (R22).</summary>
    public async Task<FundsAccountView> GetAccountAsync(Actor actor, CancellationToken ct = default)
    {
        DemandPartner(actor, FundsPermissions.View);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var org = actor.OrganizationId;
        var account = await db.PartnerCashAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.OrganizationId == org, ct);
        var arrears = await db.Customers.Where(c => c.OrganizationId == org && c.ArrearsFen > 0)
            .GroupBy(c => 1)
            .Select(g => new { Total = g.Sum(c => c.ArrearsFen), Count = g.Count() })
            .SingleOrDefaultAsync(ct);
        return new FundsAccountView(
            new Money(account?.CashFen ?? 0),
            new Money(account?.OwedInInvoicesFen ?? 0),
            new Money(account?.UnpostedFen ?? 0),
            new Money(arrears?.Total ?? 0),
            arrears?.Count ?? 0,
            actor.Can(FundsPermissions.Adjust),
            actor.Can(FundsPermissions.Withdraw),
            actor.Can(FundsPermissions.Export));
    }

    public async Task<LedgerPage> ListLedgerAsync(Actor actor, LedgerQuery query, CancellationToken ct = default)
    {
        DemandPartner(actor, FundsPermissions.View);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var matching = Matching(db, actor, query);
        var total = await matching.CountAsync(ct);
        var page = await Newest(Join(db, matching))
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .Select(RowProjection)
            .ToListAsync(ct);
        return new LedgerPage(page, total);
    }

    public async Task<int> CountLedgerAsync(Actor actor, LedgerQuery query, CancellationToken ct = default)
    {
        DemandPartner(actor, FundsPermissions.Export);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await Matching(db, actor, query).CountAsync(ct);
    }

    /// <summary>Every line matching the filter, newest first, streamed (no paging, no cap): what an export writes.</summary>
    public async IAsyncEnumerable<LedgerRow> StreamLedgerAsync(Actor actor, LedgerQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        DemandPartner(actor, FundsPermissions.Export);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var rows = Newest(Join(db, Matching(db, actor, query))).Select(RowProjection);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    /// <summary>The picker of allocate/reclaim: the partner's associated resale customers whose name contains <paramref name="search"/>.</summary>
    public async Task<IReadOnlyList<ResaleCustomerOption>> SearchResaleCustomersAsync(Actor actor, string? search, CancellationToken ct = default)
    {
        DemandPartner(actor, FundsPermissions.Adjust);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var customers = db.Customers.AsNoTracking().Where(c => c.OrganizationId == actor.OrganizationId
            && c.Mode == AssociationMode.Resale && c.Status == CustomerStatus.Associated);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            customers = customers.Where(c => c.Name.Contains(term));
        }

        return await customers.OrderBy(c => c.Name).Take(MaxPickerResults)
            .Select(c => new ResaleCustomerOption(c.Id, c.Name, new Money(c.BalanceFen)))
            .ToListAsync(ct);
    }

    /// <summary>Customers that appear in the ledger, for the grid's customer filter.</summary>
    public async Task<IReadOnlyList<ResaleCustomerOption>> LedgerCustomersAsync(Actor actor, CancellationToken ct = default)
    {
        DemandPartner(actor, FundsPermissions.View);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.Customers.AsNoTracking()
            .Where(c => c.OrganizationId == actor.OrganizationId && c.Mode == AssociationMode.Resale)
            .OrderBy(c => c.Name)
            .Select(c => new ResaleCustomerOption(c.Id, c.Name, new Money(c.BalanceFen)))
            .ToListAsync(ct);
    }

    /// <summary>A customer's balance, arrears and threshold for its ledger tab.</summary>
    public async Task<CustomerFundsView> GetCustomerFundsAsync(Actor actor, Guid customerId, CancellationToken ct = default)
    {
        DemandPartner(actor, FundsPermissions.View);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId && c.OrganizationId == actor.OrganizationId, ct)
            ?? throw new NotFoundException(nameof(Customer), customerId);
        var isResale = customer.Mode == AssociationMode.Resale;
        return new CustomerFundsView(
            customer.Id,
            isResale,
            new Money(customer.BalanceFen),
            new Money(customer.ArrearsFen),
            customer.LowBalanceThresholdFen is { } t ? new Money(t) : null,
            isResale && customer.Status == CustomerStatus.Associated && actor.Can(FundsPermissions.SetThreshold));
    }

    /// <summary>Partners and their cash, for the vendor's top-up page.</summary>
    public async Task<IReadOnlyList<PartnerCashOption>> GetPartnersAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(FundsPermissions.TopUp);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await (
            from o in db.Organizations.AsNoTracking()
            where o.Kind != OrganizationKind.Vendor
            join a in db.PartnerCashAccounts on o.Id equals a.OrganizationId into accounts
            from a in accounts.DefaultIfEmpty()
            orderby o.Name
            select new PartnerCashOption(o.Id, o.Name, new Money(a == null ? 0 : a.CashFen))).ToListAsync(ct);
    }

    private static void DemandPartner(Actor actor, string permission)
    {
        actor.Demand(permission);
        if (actor.IsVendor)
        {
            throw new AccessDeniedException("a partner's funds");
        }
    }

    private static IQueryable<LedgerEntry> Matching(AppDbContext db, Actor actor, LedgerQuery query)
    {
        var lines = db.LedgerEntries.AsNoTracking().Where(e => e.OrganizationId == actor.OrganizationId);
        lines = query.View switch
        {
            LedgerView.PartnerCash => lines.Where(e => e.Account == LedgerAccount.PartnerCash),
            LedgerView.Customers => lines.Where(e => e.Account == LedgerAccount.Customer),
            _ => lines,
        };
        if (query.Kind is { } kind)
        {
            lines = lines.Where(e => e.Kind == kind);
        }

        if (query.CustomerId is { } customer)
        {
            lines = lines.Where(e => e.CustomerId == customer);
        }

        if (query.From is { } from)
        {
            var fromUtc = BeijingTime.StartOfDayUtc(from);
            lines = lines.Where(e => e.AtUtc >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = BeijingTime.StartOfDayUtc(to.AddDays(1));
            lines = lines.Where(e => e.AtUtc < toUtc);
        }

        return lines;
    }

    /// <summary>Adds the customer's name; sorting happens on this shape, so the order survives the join.</summary>
    private static IQueryable<JoinedLine> Join(AppDbContext db, IQueryable<LedgerEntry> lines) =>
        from e in lines
        join c in db.Customers on e.CustomerId equals c.Id into customers
        from c in customers.DefaultIfEmpty()
        select new JoinedLine { Entry = e, CustomerName = c == null ? null : c.Name };

    /// <summary>Newest first; the id breaks ties so paging is stable.</summary>
    private static IQueryable<JoinedLine> Newest(IQueryable<JoinedLine> lines) =>
        lines.OrderByDescending(j => j.Entry.AtUtc).ThenByDescending(j => j.Entry.Id);

    private static readonly Expression<Func<JoinedLine, LedgerRow>> RowProjection = j => new LedgerRow(
        j.Entry.Id, j.Entry.AtUtc, j.Entry.Account, j.Entry.Kind, j.Entry.CustomerId, j.CustomerName,
        new Money(j.Entry.AmountFen), new Money(j.Entry.BalanceAfterFen), j.Entry.ActorName, j.Entry.TransferId);

    private sealed class JoinedLine
    {
        public LedgerEntry Entry { get; init; } = default!;
        public string? CustomerName { get; init; }
    }
}
