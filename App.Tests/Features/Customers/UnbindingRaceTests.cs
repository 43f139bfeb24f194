using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Vouchers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Features.Funds;
using BlazorPartner.Tests.Features.Vouchers;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Customers;

/// <summary>
/// The slices together, as users collide on one resale customer: allocations, reclaims, redemptions and recalls of its
/// vouchers, and its unbinding (which recalls the vouchers and returns the balance, R19), all released at once. Whatever
/// wins, no balance goes negative, ledger and balances agree, every fen of every voucher is accounted for in its quota, and
/// no voucher ends both recalled and used.
/// </summary>
public sealed class UnbindingRaceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R19_R21_R28_parallel_allocate_reclaim_redeem_recall_and_unbind_on_one_customer_keep_every_account_consistent(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var world = w.World;
        var customer = await world.AddCustomerAsync(name: "Race Resale Co");
        await world.TopUpAsync(1_000m);
        await world.AllocateAsync(customer, 200m);
        var quota = await w.GrantAsync(world.PartnerA, 10_000m);
        var vouchers = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var issue = await w.Issuing.IssueAsync(world.AdminA, VoucherWorld.Issue(quota, 100m, customer));
            vouchers.AddRange((await w.VouchersOfIssueAsync(issue.IssueId)).Select(v => v.Id));
        }

        var unbinding = world.Get<CustomerUnbinding>();
        using var gate = new ManualResetEventSlim(false);
        Task<Exception?> Race(Func<Task> action) => Task.Run(async () =>
        {
            gate.Wait();
            try
            {
                await action();
                return (Exception?)null;
            }
            catch (Exception error)
            {
                return error;
            }
        });

        var racers = new List<Task<Exception?>>
        {
            Race(() => unbinding.UnbindAsync(world.AdminA, new CustomerTarget(customer))),
        };
        for (var i = 0; i < 4; i++)
        {
            racers.Add(Race(() => world.AllocateAsync(customer, 30m)));
            racers.Add(Race(() => world.ReclaimAsync(customer, 70m)));
        }

        for (var i = 0; i < vouchers.Count; i++)
        {
            var voucher = vouchers[i];
            var order = $"RACE-ORDER-{i}";
            racers.Add(Race(() => w.Redemptions.RedeemAsync(voucher, new VoucherOrder(order, "RDS", Money.FromFen(i % 2 == 0 ? 10_000 : 4_000)))));
            racers.Add(Race(() => w.Recalls.RecallAsync(world.AdminA, voucher)));
        }

        gate.Set();
        var outcomes = await Task.WhenAll(racers);

        // Losers are refused with a rule's code (or a concurrency conflict), never anything else.
        Assert.All(outcomes.Where(o => o is not null), o => Assert.True(
            o is BusinessException or DbUpdateConcurrencyException,
            $"unexpected {o!.GetType().Name}: {o.Message}"));

        var after = await world.CustomerAsync(customer);
        Assert.True(after.BalanceFen >= 0, $"balance {after.BalanceFen}");
        Assert.True(await world.CashAsync() >= 0);
        if (after.Status == CustomerStatus.Unbound)
        {
            Assert.Equal(0, after.BalanceFen);
        }

        await world.AssertLedgerMatchesBalancesAsync();

        await using var db = await world.Factory.CreateSystemAsync();
        var rows = await db.Vouchers.AsNoTracking().Where(v => vouchers.Contains(v.Id)).ToListAsync();
        var redeemed = await db.VoucherRedemptions.AsNoTracking().Where(r => vouchers.Contains(r.VoucherId))
            .GroupBy(r => r.VoucherId).Select(g => new { g.Key, Total = g.Sum(r => r.AmountFen) }).ToDictionaryAsync(g => g.Key, g => g.Total);
        foreach (var v in rows)
        {
            var spent = redeemed.GetValueOrDefault(v.Id);
            switch (v.Status)
            {
                case VoucherStatus.Recalled:
                    Assert.Equal(0, v.BalanceFen);
                    break;
                case VoucherStatus.Used:
                    Assert.Equal((0L, v.FaceValueFen), (v.BalanceFen, spent));
                    break;
                default:
                    Assert.Equal(v.FaceValueFen - spent, v.BalanceFen);
                    break;
            }
        }

        // Every fen issued is either still on a voucher, spent, or back in the quota.
        var q = await w.QuotaAsync(quota);
        var outstanding = rows.Where(v => v.Status != VoucherStatus.Recalled).Sum(v => v.FaceValueFen)
            + rows.Where(v => v.Status == VoucherStatus.Recalled).Sum(v => redeemed.GetValueOrDefault(v.Id));
        Assert.Equal(q.GrantedFen - outstanding, q.RemainingFen);
        if (after.Status == CustomerStatus.Unbound)
        {
            Assert.DoesNotContain(rows, v => v.Status == VoucherStatus.Usable);
        }
    }
}
