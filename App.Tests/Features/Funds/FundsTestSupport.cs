using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Funds;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Funds;

/// <summary>What the funds tests need on top of <see cref="TestWorld"/>: customers, shortcuts, and the ledger-equals-balances check.</summary>
internal static class FundsTestSupport
{
    private static long _creditCodes = 100_000 + Random.Shared.Next(1_000_000);

    public static FundsCommands Funds(this TestWorld world) => world.Get<FundsCommands>();

    public static FundsQueries FundsQueries(this TestWorld world) => world.Get<FundsQueries>();

    /// <summary>An associated customer of <paramref name="org"/> (Partner A by default), built as demo data and tests build them.</summary>
    public static async Task<Guid> AddCustomerAsync(this TestWorld world, AssociationMode mode = AssociationMode.Resale, Guid? org = null,
        string name = "Resale Co", long balanceFen = 0, long arrearsFen = 0, CustomerStatus status = CustomerStatus.Associated)
    {
        var (customer, assignment) = CustomerFactory.Associated(org ?? world.PartnerA, name,
            CustomerFactory.CreditCodeFor(Interlocked.Increment(ref _creditCodes)), mode, null, world.Clock.GetUtcNow().UtcDateTime.AddDays(-30));
        customer.BalanceFen = balanceFen;
        customer.ArrearsFen = arrearsFen;
        customer.Status = status;
        await using var db = await world.Factory.CreateSystemAsync();
        db.Customers.Add(customer);
        if (assignment is not null)
        {
            db.CustomerAssignments.Add(assignment);
        }

        await db.SaveChangesAsync();
        return customer.Id;
    }

    public static Task<MoneyResult> TopUpAsync(this TestWorld world, decimal yuan, Guid? org = null, Guid? key = null) =>
        world.Funds().TopUpAsync(world.Vendor, new TopUpInput(key ?? Guid.NewGuid()) { PartnerOrganizationId = org ?? world.PartnerA, Amount = yuan });

    public static Task<MoneyResult> AllocateAsync(this TestWorld world, Guid? customer, decimal? yuan, Actor? actor = null, Guid? key = null) =>
        world.Funds().AllocateAsync(actor ?? world.AdminA, new TransferInput(key ?? Guid.NewGuid()) { CustomerId = customer, Amount = yuan });

    public static Task<MoneyResult> ReclaimAsync(this TestWorld world, Guid? customer, decimal? yuan, Actor? actor = null, Guid? key = null) =>
        world.Funds().ReclaimAsync(actor ?? world.AdminA, new TransferInput(key ?? Guid.NewGuid()) { CustomerId = customer, Amount = yuan });

    public static Task<MoneyResult> WithdrawAsync(this TestWorld world, decimal? yuan, Actor? actor = null, Guid? key = null) =>
        world.Funds().RequestWithdrawalAsync(actor ?? world.AdminA, new WithdrawalInput(key ?? Guid.NewGuid()) { Amount = yuan });

    public static async Task<long> CashAsync(this TestWorld world, Guid? org = null)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        var id = org ?? world.PartnerA;
        return await db.PartnerCashAccounts.Where(a => a.OrganizationId == id).Select(a => (long?)a.CashFen).SingleOrDefaultAsync() ?? 0;
    }

    public static async Task<Customer> CustomerAsync(this TestWorld world, Guid id)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.Customers.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public static async Task SetAccountPartsAsync(this TestWorld world, long owedFen, long unpostedFen, Guid? org = null)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        var id = org ?? world.PartnerA;
        await db.PartnerCashAccounts.Where(a => a.OrganizationId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.OwedInInvoicesFen, owedFen).SetProperty(a => a.UnpostedFen, unpostedFen));
    }

    /// <summary>
    /// Everything a money command could store, plus the balances: equal snapshots before and after a refused command prove it
    /// stored nothing, wrote no audit row and moved nothing.
    /// </summary>
    public static async Task<string> SnapshotAsync(this TestWorld world)
    {
        var (audits, _, _) = await world.CountRowsAsync();
        await using var db = await world.Factory.CreateSystemAsync();
        var accounts = await db.PartnerCashAccounts.OrderBy(a => a.OrganizationId).Select(a => $"{a.OrganizationId}:{a.CashFen}:{a.Version}").ToListAsync();
        var customers = await db.Customers.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.BalanceFen}:{c.LowBalanceThresholdFen}:{c.Version}").ToListAsync();
        return string.Join("|",
            $"audits={audits}",
            $"ledger={await db.LedgerEntries.CountAsync()}",
            $"commands={await db.MoneyCommands.CountAsync()}",
            $"withdrawals={await db.WithdrawalRequests.CountAsync()}",
            string.Join(",", accounts),
            string.Join(",", customers));
    }

    /// <summary>
    /// The ledger and the balances agree: every account's lines sum to its balance, each line's balance-after is the running
    /// sum in order, no balance ever went below zero, and the two legs of a transfer cancel out.
    /// </summary>
    public static Task AssertLedgerMatchesBalancesAsync(this TestWorld world) => AssertLedgerMatchesBalancesAsync(world.Factory);

    public static async Task AssertLedgerMatchesBalancesAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateSystemAsync();
        var lines = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var accounts = await db.PartnerCashAccounts.AsNoTracking().ToListAsync();
        var customers = await db.Customers.AsNoTracking().ToListAsync();

        foreach (var account in accounts)
        {
            AssertRunningSum(lines.Where(e => e.OrganizationId == account.OrganizationId && e.Account == LedgerAccount.PartnerCash).ToList(), account.CashFen, $"cash of {account.OrganizationId}");
        }

        foreach (var customer in customers)
        {
            AssertRunningSum(lines.Where(e => e.Account == LedgerAccount.Customer && e.CustomerId == customer.Id).ToList(), customer.BalanceFen, $"customer {customer.Name}");
        }

        foreach (var transfer in lines.Where(e => e.Kind is LedgerEntryKind.Allocate or LedgerEntryKind.Reclaim or LedgerEntryKind.UnbindReturn).GroupBy(e => e.TransferId))
        {
            Assert.Equal(2, transfer.Count());
            Assert.Equal(0, transfer.Sum(e => e.AmountFen));
        }
    }

    private static void AssertRunningSum(IReadOnlyList<LedgerEntry> lines, long balance, string what)
    {
        long running = 0;
        foreach (var line in lines)
        {
            running += line.AmountFen;
            Assert.True(running == line.BalanceAfterFen, $"{what}: line {line.Id} says {line.BalanceAfterFen}, running sum {running}");
            Assert.True(running >= 0, $"{what} went negative at line {line.Id}");
        }

        Assert.True(running == balance, $"{what}: ledger sums to {running}, balance is {balance}");
    }

    public static async Task<BusinessException?> Outcome(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (BusinessException error)
        {
            return error;
        }
    }
}
