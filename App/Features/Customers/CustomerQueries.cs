using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Customers;

/// <summary>Reads for the customer console: the list page, the export's rows, the detail, and the managers to choose from.</summary>
public sealed class CustomerQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<CustomerPage> ListAsync(Actor actor, CustomerQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var matching = Matching(db, actor, query);
        var total = await matching.CountAsync(ct);
        var page = await Project(db, Sort(matching, query))
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .ToListAsync(ct);
        return new CustomerPage(page.Select(ToRow).ToList(), total);
    }

    public async Task<int> CountAsync(Actor actor, CustomerQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await Matching(db, actor, query).CountAsync(ct);
    }

    /// <summary>Every row matching the filter, in sort order, streamed (the export).</summary>
    public async IAsyncEnumerable<CustomerRow> StreamAsync(Actor actor, CustomerQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        actor.Demand(CustomerPermissions.Export);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var rows = Project(db, Sort(Matching(db, actor, query), query)).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return ToRow(row);
        }
    }

    public async Task<CustomerDetail> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        // Another partner's (or another manager's) customer looks exactly like a missing one.
        var joined = await Project(db, db.Customers.AsNoTracking().VisibleTo(db, actor).Where(c => c.Id == id)).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(nameof(Customer), id);
        var periods = await db.CustomerAssignments.AsNoTracking().PeriodsOf(db, id).ToListAsync(ct);
        var history = await db.HistoryOfAsync(nameof(Customer), id.ToString(), ct);
        var associated = joined.Status == CustomerStatus.Associated;
        var actions = new CustomerActions(
            CanReveal: actor.Can(CustomerPermissions.Reveal),
            CanAssign: associated && !actor.IsVendor && actor.Can(CustomerPermissions.Assign),
            CanUnbind: associated && !actor.IsVendor && actor.Can(CustomerPermissions.Unbind));
        return new CustomerDetail(ToRow(joined), joined.Region, joined.Industry, periods, history, actions);
    }

    /// <summary>R18: every period of a customer, oldest first (the detail page; the consumption slice's attribution).</summary>
    public async Task<IReadOnlyList<AssignmentPeriod>> PeriodsAsync(Actor actor, Guid customerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await EnsureVisibleAsync(db, actor, customerId, ct);
        return await db.CustomerAssignments.AsNoTracking().PeriodsOf(db, customerId).ToListAsync(ct);
    }

    /// <summary>R18: who held the customer at <paramref name="atUtc"/>; null when nobody did (before association or unassigned).</summary>
    public async Task<AssignmentPeriod?> HolderAtAsync(Actor actor, Guid customerId, DateTime atUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await EnsureVisibleAsync(db, actor, customerId, ct);
        return await db.CustomerAssignments.AsNoTracking().HeldAt(customerId, atUtc).PeriodsOf(db, customerId).FirstOrDefaultAsync(ct);
    }

    /// <summary>Account managers and supervisors of the actor's partner, for the filter and the assign dropdown.</summary>
    public async Task<IReadOnlyList<CustomerManagerOption>> GetManagersAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(CustomerPermissions.View);
        if (actor.IsVendor)
        {
            return [];
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var roleIds = db.Roles.Where(r => r.Name == AppRoles.AccountManager || r.Name == AppRoles.AccountManagerSupervisor).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var users = db.Users.AsNoTracking().Where(u => u.OrganizationId == actor.OrganizationId && userIds.Contains(u.Id));
        if (!CustomerVisibility.SeesAll(actor))
        {
            // A supervisor chooses among the team; an account manager has only themself.
            users = actor.IsInRole(AppRoles.AccountManagerSupervisor)
                ? users.Where(u => u.Id == actor.UserId || u.SupervisorId == actor.UserId)
                : users.Where(u => u.Id == actor.UserId);
        }

        return await users.OrderBy(u => u.DisplayName).Select(u => new CustomerManagerOption(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    private static async Task EnsureVisibleAsync(AppDbContext db, Actor actor, Guid customerId, CancellationToken ct)
    {
        if (!await db.Customers.VisibleTo(db, actor).AnyAsync(c => c.Id == customerId, ct))
        {
            throw new NotFoundException(nameof(Customer), customerId);
        }
    }

    private static IQueryable<Customer> Matching(AppDbContext db, Actor actor, CustomerQuery query)
    {
        var source = db.Customers.AsNoTracking().VisibleTo(db, actor);
        if (query.Mode is { } mode)
        {
            source = source.Where(c => c.Mode == mode);
        }

        if (query.Status is { } status)
        {
            source = source.Where(c => c.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.AccountManagerUserId))
        {
            source = source.Where(c => c.AccountManagerUserId == query.AccountManagerUserId);
        }

        if (query.BalanceState is { } state)
        {
            var resale = source.Where(c => c.Mode == AssociationMode.Resale);
            source = state switch
            {
                CustomerBalanceState.Arrears => resale.Where(c => c.ArrearsFen > 0),
                CustomerBalanceState.Zero => resale.Where(c => c.ArrearsFen <= 0 && c.BalanceFen <= 0),
                CustomerBalanceState.Low => resale.Where(c => c.ArrearsFen <= 0 && c.BalanceFen > 0 && c.LowBalanceThresholdFen != null && c.BalanceFen < c.LowBalanceThresholdFen),
                _ => resale.Where(c => c.ArrearsFen <= 0 && c.BalanceFen > 0 && (c.LowBalanceThresholdFen == null || c.BalanceFen >= c.LowBalanceThresholdFen)),
            };
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var code = term.ToUpperInvariant();
            source = source.Where(c => c.Name.Contains(term) || c.CreditCode.StartsWith(code));
        }

        return source;
    }

    private static IQueryable<Customer> Sort(IQueryable<Customer> rows, CustomerQuery query)
    {
        var ordered = (query.Sort, query.Descending) switch
        {
            (CustomerSort.Name, false) => rows.OrderBy(c => c.Name),
            (CustomerSort.Name, true) => rows.OrderByDescending(c => c.Name),
            (CustomerSort.CreditCode, false) => rows.OrderBy(c => c.CreditCode),
            (CustomerSort.CreditCode, true) => rows.OrderByDescending(c => c.CreditCode),
            (CustomerSort.Balance, false) => rows.OrderBy(c => c.BalanceFen),
            (CustomerSort.Balance, true) => rows.OrderByDescending(c => c.BalanceFen),
            (CustomerSort.Mode, false) => rows.OrderBy(c => c.Mode),
            (CustomerSort.Mode, true) => rows.OrderByDescending(c => c.Mode),
            (CustomerSort.Status, false) => rows.OrderBy(c => c.Status),
            (CustomerSort.Status, true) => rows.OrderByDescending(c => c.Status),
            (_, false) => rows.OrderBy(c => c.AssociatedAtUtc),
            _ => rows.OrderByDescending(c => c.AssociatedAtUtc),
        };

        // A unique tie-breaker keeps paging stable.
        return ordered.ThenBy(c => c.Id);
    }

    /// <summary>The columns a row needs plus the manager's name; masking happens in memory, never in the page.</summary>
    private static IQueryable<JoinedCustomer> Project(AppDbContext db, IQueryable<Customer> source) =>
        from c in source
        join user in db.Users on c.AccountManagerUserId equals user.Id into managers
        from user in managers.DefaultIfEmpty()
        select new JoinedCustomer
        {
            Id = c.Id,
            Name = c.Name,
            CreditCode = c.CreditCode,
            ContactName = c.ContactName,
            ContactPhone = c.ContactPhone,
            ContactEmail = c.ContactEmail,
            Region = c.Region,
            Industry = c.Industry,
            Mode = c.Mode,
            Status = c.Status,
            AccountManagerUserId = c.AccountManagerUserId,
            AccountManagerName = user == null ? null : user.DisplayName,
            BalanceFen = c.BalanceFen,
            ArrearsFen = c.ArrearsFen,
            LowBalanceThresholdFen = c.LowBalanceThresholdFen,
            AssociatedAtUtc = c.AssociatedAtUtc,
            UnboundAtUtc = c.UnboundAtUtc,
            Version = c.Version,
        };

    private static CustomerRow ToRow(JoinedCustomer c) => new(
        c.Id,
        CustomerMasking.Mask(CustomerField.Name, c.Name),
        c.CreditCode,
        CustomerMasking.Mask(CustomerField.ContactName, c.ContactName),
        CustomerMasking.Mask(CustomerField.Phone, c.ContactPhone),
        CustomerMasking.Mask(CustomerField.Email, c.ContactEmail),
        c.Mode,
        c.Status,
        c.AccountManagerUserId,
        c.AccountManagerName,
        new Money(c.BalanceFen),
        new Money(c.ArrearsFen),
        c.LowBalanceThresholdFen is { } t ? new Money(t) : null,
        c.AssociatedAtUtc,
        c.UnboundAtUtc,
        c.Version);

    private sealed class JoinedCustomer
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string CreditCode { get; init; } = "";
        public string ContactName { get; init; } = "";
        public string ContactPhone { get; init; } = "";
        public string ContactEmail { get; init; } = "";
        public string Region { get; init; } = "";
        public string Industry { get; init; } = "";
        public AssociationMode Mode { get; init; }
        public CustomerStatus Status { get; init; }
        public string? AccountManagerUserId { get; init; }
        public string? AccountManagerName { get; init; }
        public long BalanceFen { get; init; }
        public long ArrearsFen { get; init; }
        public long? LowBalanceThresholdFen { get; init; }
        public DateTime AssociatedAtUtc { get; init; }
        public DateTime? UnboundAtUtc { get; init; }
        public int Version { get; init; }
    }
}

/// <summary>
/// R18 attribution, for any slice on its own context (the consumption slice attributes a day's consumption to the manager
/// whose period covers it). A period covers [FromUtc, ToUtc).
/// </summary>
public static class CustomerAssignmentHistory
{
    public static IQueryable<CustomerAssignment> HeldAt(this IQueryable<CustomerAssignment> source, Guid customerId, DateTime atUtc) =>
        source.Where(a => a.CustomerId == customerId && a.FromUtc <= atUtc && (a.ToUtc == null || a.ToUtc > atUtc));

    /// <summary>The account manager's user id who held the customer at that moment, or null.</summary>
    public static Task<string?> HolderAtAsync(this AppDbContext db, Guid customerId, DateTime atUtc, CancellationToken ct = default) =>
        db.CustomerAssignments.AsNoTracking().HeldAt(customerId, atUtc)
            .OrderByDescending(a => a.FromUtc).Select(a => (string?)a.AccountManagerUserId).FirstOrDefaultAsync(ct);

    public static IQueryable<AssignmentPeriod> PeriodsOf(this IQueryable<CustomerAssignment> source, AppDbContext db, Guid customerId) =>
        from a in source
        where a.CustomerId == customerId
        join user in db.Users on a.AccountManagerUserId equals user.Id
        orderby a.FromUtc, a.Id
        select new AssignmentPeriod(a.AccountManagerUserId, user.DisplayName, a.FromUtc, a.ToUtc, a.AssignedByName);
}
