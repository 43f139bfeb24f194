using BlazorPartner.Core.Data;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Funds;

/// <summary>
/// Partner A's cash account with top-ups and an allocate/reclaim history that ends exactly at the balances the customer
/// slice seeded on its resale customers (one allocation per customer of its balance plus a little, the little reclaimed
/// for every third one), so ledger and balances agree; some amounts owed in invoices and unposted. Partner B and C get
/// small cash accounts. Runs after the customers (Order 10).
/// </summary>
public sealed class FundsDemoData(IDbContextFactory<AppDbContext> dbFactory) : IDemoData
{
    public int Order => 30;

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var now = demo.NowUtc;
        var vendor = demo.User(DemoAccounts.VendorOperator);
        var admin = demo.User(DemoAccounts.PartnerAAdmin);
        var orgA = demo.PartnerA.Id;
        var cashA = await SeedHistoryAsync(db, orgA, topUpFen: 300_000_00L, now, vendor, admin, ct);
        db.PartnerCashAccounts.Add(new PartnerCashAccount
        {
            OrganizationId = orgA,
            CashFen = cashA,
            OwedInInvoicesFen = 35_000_00L,
            UnpostedFen = 12_345_67L,
            UpdatedAtUtc = now,
        });

        // Partner B's resale customers were seeded with balances too; C has only consultative customers.
        var adminB = demo.User(DemoAccounts.PartnerBAdmin);
        var adminC = demo.User(DemoAccounts.PartnerCAdmin);
        foreach (var (partner, topUp, partnerAdmin) in new[] { (demo.PartnerB.Id, 50_000_00L, adminB), (demo.PartnerC.Id, 8_000_00L, adminC) })
        {
            var cash = await SeedHistoryAsync(db, partner, topUp, now, vendor, partnerAdmin, ct);
            db.PartnerCashAccounts.Add(new PartnerCashAccount { OrganizationId = partner, CashFen = cash, UpdatedAtUtc = now });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Top-ups and one allocation per resale customer that end exactly at the balance the customer slice seeded (every
    /// third gets a little extra that is reclaimed), so ledger and balances agree; returns the partner's cash after it.
    /// </summary>
    private static async Task<long> SeedHistoryAsync(AppDbContext db, Guid organizationId, long topUpFen, DateTime now, Core.Identity.AppUser vendor, Core.Identity.AppUser admin, CancellationToken ct)
    {
        var customers = await db.Customers.AsNoTracking()
            .Where(c => c.OrganizationId == organizationId && c.Mode == AssociationMode.Resale && c.Status == CustomerStatus.Associated && c.BalanceFen > 0)
            .OrderBy(c => c.AssociatedAtUtc).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.BalanceFen })
            .ToListAsync(ct);

        var writer = new LedgerWriter(db, organizationId);
        var allocated = customers.Sum(c => c.BalanceFen) + Enumerable.Range(0, customers.Count).Count(IsReclaimed) * 1_000_00L;
        var start = now.AddDays(-60);
        writer.TopUp(allocated + topUpFen, start, vendor.Id, vendor.DisplayName);
        // Spread over 50 days, each reclaim before the next allocation, so the running balances read in time order.
        var spacing = TimeSpan.FromDays(50) / Math.Max(1, customers.Count);
        for (var i = 0; i < customers.Count; i++)
        {
            var customer = customers[i];
            var at = start.AddHours(2) + (spacing * i);
            var extra = IsReclaimed(i) ? 1_000_00L : 0;
            writer.Transfer(LedgerEntryKind.Allocate, customer.Id, customer.BalanceFen + extra, at, admin.Id, admin.DisplayName);
            if (extra > 0)
            {
                writer.Transfer(LedgerEntryKind.Reclaim, customer.Id, extra, at + (spacing / 2), admin.Id, admin.DisplayName);
            }
        }

        return writer.Cash;
    }

    private static bool IsReclaimed(int index) => index % 3 == 0;

    /// <summary>Appends lines with running balances, as the commands would have; the customer's running balance starts at zero.</summary>
    private sealed class LedgerWriter(AppDbContext db, Guid org)
    {
        private readonly Dictionary<Guid, long> _balances = [];

        public long Cash { get; private set; }

        public void TopUp(long amountFen, DateTime at, string userId, string name)
        {
            Cash += amountFen;
            Add(LedgerAccount.PartnerCash, null, LedgerEntryKind.TopUp, amountFen, Cash, Guid.NewGuid(), at, userId, name);
        }

        public void Transfer(LedgerEntryKind kind, Guid customer, long amountFen, DateTime at, string userId, string name)
        {
            var toCustomer = kind == LedgerEntryKind.Allocate ? amountFen : -amountFen;
            Cash -= toCustomer;
            var balance = _balances.GetValueOrDefault(customer) + toCustomer;
            _balances[customer] = balance;
            var transfer = Guid.NewGuid();
            Add(LedgerAccount.PartnerCash, customer, kind, -toCustomer, Cash, transfer, at, userId, name);
            Add(LedgerAccount.Customer, customer, kind, toCustomer, balance, transfer, at, userId, name);
        }

        private void Add(LedgerAccount account, Guid? customer, LedgerEntryKind kind, long amountFen, long after, Guid transfer, DateTime at, string userId, string name) =>
            db.LedgerEntries.Add(new LedgerEntry
            {
                OrganizationId = org,
                Account = account,
                CustomerId = customer,
                Kind = kind,
                AmountFen = amountFen,
                BalanceAfterFen = after,
                TransferId = transfer,
                ActorUserId = userId,
                ActorName = name,
                AtUtc = at,
            });
    }
}
