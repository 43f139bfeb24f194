using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Currency;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Vouchers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlazorPartner.Tests.Features.Vouchers;

/// <summary>Statuses, recall, expiry and redemption (R28), and the unbinding step (R19).</summary>
public class VoucherLifecycleTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static async Task<(VoucherWorld W, Guid Quota, List<Guid> Vouchers, List<Guid> Customers)> IssuedAsync(DatabaseProvider provider, int count = 3, AssociationMode mode = AssociationMode.Resale)
    {
        var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 10_000m);
        var customers = await w.CustomersAsync(w.World.PartnerA, count, mode);
        var issue = await w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 100m, [.. customers]));
        var vouchers = (await w.VouchersOfIssueAsync(issue.IssueId)).OrderBy(v => customers.IndexOf(v.CustomerId)).Select(v => v.Id).ToList();
        return (w, quota, vouchers, customers);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R28_recall_returns_the_whole_remaining_balance_and_the_row_stays_listed(DatabaseProvider provider)
    {
        var (w, quota, vouchers, _) = await IssuedAsync(provider);
        await using var _w = w;
        await w.Redemptions.RedeemAsync(vouchers[0], new VoucherOrder("ORD-1", "ECS", Money.FromFen(3_000)));

        var result = await w.Recalls.RecallAsync(w.World.AdminA, vouchers[0]);

        Assert.Equal(7_000, result.ReturnedFen);
        var q = await w.QuotaAsync(quota);
        Assert.Equal(1_000_000 - 30_000 + 7_000, q.RemainingFen);
        Assert.Equal(q.GrantedFen - q.IssuedFen - q.DelegatedFen, q.RemainingFen);
        var v = await w.VoucherAsync(vouchers[0]);
        Assert.Equal((VoucherStatus.Recalled, 0L), (v.Status, v.BalanceFen));
        var (rows, total) = await w.Queries.PageAsync(w.World.AdminA, new VoucherQuery { Status = VoucherDisplayStatus.Recalled }, 0, 10);
        Assert.Equal(1, total);
        Assert.Equal(vouchers[0], rows.Single().Id);
        Assert.Equal(1, await w.LogCountAsync(VoucherOperationKind.Recall));
        Assert.Equal(1, await w.World.AuditCountAsync(vouchers[0], VoucherAuditActions.Recall));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R28_only_a_usable_voucher_can_be_recalled_CBC_99000048(DatabaseProvider provider)
    {
        var (w, _, vouchers, _) = await IssuedAsync(provider);
        await using var _w = w;
        await w.Recalls.RecallAsync(w.World.AdminA, vouchers[0]);
        await w.Redemptions.RedeemAsync(vouchers[1], new VoucherOrder("ORD-2", "ECS", Money.FromFen(50_000)));
        var before = await w.CountRowsAsync();

        var again = await Assert.ThrowsAsync<BusinessException>(() => w.Recalls.RecallAsync(w.World.AdminA, vouchers[0]));
        var used = await Assert.ThrowsAsync<BusinessException>(() => w.Recalls.RecallAsync(w.World.AdminA, vouchers[1]));
        w.Clock.Advance(TimeSpan.FromDays(200)); // past 31 Mar 2027
        await w.Expiry.RunOnceAsync();
        var expired = await Assert.ThrowsAsync<BusinessException>(() => w.Recalls.RecallAsync(w.World.AdminA, vouchers[2]));

        Assert.Equal(VoucherErrors.ExpiredOrRecalled, again.Code);
        Assert.Equal(ErrorCodes.IllegalOperation, used.Code);
        Assert.Equal(VoucherErrors.ExpiredOrRecalled, expired.Code);
        Assert.Equal(before.Audits, (await w.CountRowsAsync()).Audits);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R28_a_consultative_customers_partly_used_voucher_cannot_be_recalled_CBC_99000045(DatabaseProvider provider)
    {
        var (w, _, vouchers, _) = await IssuedAsync(provider, 2, AssociationMode.Consultative);
        await using var _w = w;
        await w.Redemptions.RedeemAsync(vouchers[0], new VoucherOrder("ORD-3", "OBS", Money.FromFen(100)));

        var error = await Assert.ThrowsAsync<BusinessException>(() => w.Recalls.RecallAsync(w.World.AdminA, vouchers[0]));
        var untouched = await w.Recalls.RecallAsync(w.World.AdminA, vouchers[1]);

        Assert.Equal(VoucherErrors.ConsultativeNotRecallable, error.Code);
        Assert.Equal(10_000, untouched.ReturnedFen);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R28_bulk_recall_reports_each_rows_outcome(DatabaseProvider provider)
    {
        var (w, quota, vouchers, _) = await IssuedAsync(provider);
        await using var _w = w;
        await w.Recalls.RecallAsync(w.World.AdminA, vouchers[1]);

        var outcomes = await w.Recalls.RecallManyAsync(w.World.AdminA, [vouchers[0], vouchers[1], vouchers[2], Guid.NewGuid()]);

        Assert.Equal([true, false, true, false], outcomes.Select(o => o.Succeeded));
        Assert.Equal(VoucherErrors.ExpiredOrRecalled, outcomes[1].Error!.Code);
        Assert.Equal(ErrorCodes.NotFound, outcomes[3].Error!.Code);
        Assert.Equal(1_000_000, (await w.QuotaAsync(quota)).RemainingFen);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R28_parallel_recall_and_redemption_never_end_both_recalled_and_used(DatabaseProvider provider)
    {
        var (w, quota, vouchers, _) = await IssuedAsync(provider, 6);
        await using var _w = w;
        for (var i = 0; i < vouchers.Count; i++)
        {
            using var start = new ManualResetEventSlim(false);
            var id = vouchers[i];
            var recall = Task.Run(() => { start.Wait(); return VoucherWorld.Outcome(() => w.Recalls.RecallAsync(w.World.AdminA, id)); });
            var redeem = Task.Run(() => { start.Wait(); return VoucherWorld.Outcome(() => w.Redemptions.RedeemAsync(id, new VoucherOrder($"RACE-{i}", "ECS", Money.FromFen(10_000)))); });
            start.Set();
            var outcomes = await Task.WhenAll(recall, redeem);

            Assert.Single(outcomes, o => o is null);
            var v = await w.VoucherAsync(id);
            Assert.Equal(outcomes[0] is null ? VoucherStatus.Recalled : VoucherStatus.Used, v.Status);
        }

        var q = await w.QuotaAsync(quota);
        var recalled = (await Task.WhenAll(vouchers.Select(w.VoucherAsync))).Count(v => v.Status == VoucherStatus.Recalled);
        Assert.Equal(1_000_000 - 60_000 + recalled * 10_000, q.RemainingFen);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R28_a_voucher_whose_validity_has_not_started_shows_as_not_activated(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 1_000m);
        var customer = await w.CustomerAsync(w.World.PartnerA);
        var input = VoucherWorld.Issue(quota, 10m, customer);
        input.ValidFrom = new DateOnly(2026, 12, 1);
        await w.Issuing.IssueAsync(w.World.AdminA, input);

        var counts = await w.Queries.CountsAsync(w.World.AdminA, new VoucherQuery());
        var (pending, _) = await w.Queries.PageAsync(w.World.AdminA, new VoucherQuery { Status = VoucherDisplayStatus.NotActivated }, 0, 10);
        var early = await Assert.ThrowsAsync<BusinessException>(() => w.Redemptions.RedeemAsync(pending.Single().Id, new VoucherOrder("EARLY", "ECS", Money.FromFen(100))));
        w.Clock.Now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var later = await w.Queries.CountsAsync(w.World.AdminA, new VoucherQuery());

        Assert.Equal(1, counts[VoucherDisplayStatus.NotActivated]);
        Assert.Equal(0, counts[VoucherDisplayStatus.Usable]);
        Assert.Equal("Voucher.NotActivatedYet", early.ResourceKey);
        Assert.Equal((0, 1), (later[VoucherDisplayStatus.NotActivated], later[VoucherDisplayStatus.Usable]));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R28_expiry_job_expires_at_the_end_of_the_last_Beijing_day_once_even_with_two_instances(DatabaseProvider provider)
    {
        var (w, quota, vouchers, _) = await IssuedAsync(provider, 5); // valid until 2027-03-31
        await using var _w = w;
        await w.Recalls.RecallAsync(w.World.AdminA, vouchers[0]);
        w.Clock.Now = new DateTimeOffset(2027, 3, 31, 23, 59, 59, TimeSpan.FromHours(8));
        Assert.Equal(0, await w.Expiry.RunOnceAsync());

        w.Clock.Now = new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var second = new VoucherExpiry(w.Factory, w.Clock, NullLogger<VoucherExpiry>.Instance);
        var passes = await Task.WhenAll(Task.Run(() => w.Expiry.RunOnceAsync()), Task.Run(() => second.RunOnceAsync()));

        Assert.Equal(4, passes.Sum());
        Assert.Equal(4, await w.LogCountAsync(VoucherOperationKind.Expire));
        Assert.All(await Task.WhenAll(vouchers.Skip(1).Select(w.VoucherAsync)), v => Assert.Equal(VoucherStatus.Expired, v.Status));
        Assert.Equal(VoucherStatus.Recalled, (await w.VoucherAsync(vouchers[0])).Status);
        Assert.Equal(0, await w.Expiry.RunOnceAsync());
        await using var db = await w.Factory.CreateSystemAsync();
        var log = await db.VoucherOperations.Where(o => o.Kind == VoucherOperationKind.Expire).ToListAsync();
        Assert.All(log, o => Assert.Equal((10_000L, "System", w.World.PartnerA, quota), (o.AmountFen, o.OperatorName, o.OrganizationId, o.QuotaId)));
        Assert.Equal(vouchers.Skip(1).Order(), log.Select(o => o.VoucherId!.Value).Order());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R28_redemption_respects_minimum_scope_and_one_voucher_per_order(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 1_000m);
        var customers = await w.CustomersAsync(w.World.PartnerA, 2);
        var input = VoucherWorld.Issue(quota, 100m, [.. customers]); // Compute + OBS + RDS
        input.MinimumOrder = 50m;
        var issue = await w.Issuing.IssueAsync(w.World.AdminA, input);
        var ids = (await w.VouchersOfIssueAsync(issue.IssueId)).Select(v => v.Id).ToList();

        var belowMinimum = await Assert.ThrowsAsync<BusinessException>(() => w.Redemptions.RedeemAsync(ids[0], new VoucherOrder("A", "ECS", Money.FromFen(4_999))));
        var outOfScope = await Assert.ThrowsAsync<BusinessException>(() => w.Redemptions.RedeemAsync(ids[0], new VoucherOrder("B", "CDN", Money.FromFen(6_000))));
        Assert.Equal(6_000, await w.Redemptions.RedeemAsync(ids[0], new VoucherOrder("C", "CCE", Money.FromFen(6_000))));
        var sameOrder = await Assert.ThrowsAsync<BusinessException>(() => w.Redemptions.RedeemAsync(ids[1], new VoucherOrder("C", "ECS", Money.FromFen(6_000))));
        Assert.Equal(4_000, await w.Redemptions.RedeemAsync(ids[0], new VoucherOrder("D", "RDS", Money.FromFen(9_000))));

        Assert.Equal("Voucher.BelowMinimumOrder", belowMinimum.ResourceKey);
        Assert.Equal("Voucher.OutOfScope", outOfScope.ResourceKey);
        Assert.Equal("Voucher.OrderAlreadyUsed", sameOrder.ResourceKey);
        var used = await w.VoucherAsync(ids[0]);
        Assert.Equal((VoucherStatus.Used, 0L), (used.Status, used.BalanceFen));
        Assert.Equal(10_000, (await w.VoucherAsync(ids[1])).BalanceFen);
        Assert.Equal(2, await w.LogCountAsync(VoucherOperationKind.Redeem));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R19_unbinding_step_previews_then_recalls_usable_vouchers_and_returns_them_to_the_quota(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 1_000m);
        var customer = await w.CustomerAsync(w.World.PartnerA);
        var other = await w.CustomerAsync(w.World.PartnerA);
        await w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 100m, customer, other));
        await w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 50m, customer));
        var step = w.World.Get<IEnumerable<ICustomerUnbindingStep>>().OfType<VoucherUnbindingStep>().Single();

        await using var db = await w.Factory.CreateForAsync(w.World.AdminA);
        var entity = await db.Customers.SingleAsync(c => c.Id == customer);
        var preview = await step.PreviewAsync(db, entity, default);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await step.ApplyAsync(db, w.World.AdminA, entity, w.Clock.GetUtcNow().UtcDateTime, default);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal(10, step.Order);
        var effect = Assert.Single(preview);
        Assert.Equal((2, 15_000L), (effect.Count, effect.AmountFen));
        Assert.Equal(100_000 - 10_000, (await w.QuotaAsync(quota)).RemainingFen);
        var (rows, _) = await w.Queries.PageAsync(w.World.AdminA, new VoucherQuery { CustomerId = customer }, 0, 10);
        Assert.All(rows, r => Assert.Equal(VoucherDisplayStatus.Recalled, r.Status));
        Assert.Equal(2, await w.LogCountAsync(VoucherOperationKind.Recall));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R26_tenants_see_and_recall_only_their_own_vouchers_and_the_vendor_none(DatabaseProvider provider)
    {
        var (w, _, vouchers, customers) = await IssuedAsync(provider);
        await using var _w = w;

        var (rowsB, totalB) = await w.Queries.PageAsync(w.World.AdminB, new VoucherQuery(), 0, 10);
        var recallB = await Assert.ThrowsAsync<NotFoundException>(() => w.Recalls.RecallAsync(w.World.AdminB, vouchers[0]));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Queries.PageAsync(w.World.Vendor, new VoucherQuery(), 0, 10));
        var cardsB = await w.Quotas.CardsAsync(w.World.AdminB);
        var (logB, _) = await w.Log.PageAsync(w.World.AdminB, new OperationLogQuery(), 0, 50);
        var (logA, _) = await w.Log.PageAsync(w.World.AdminA, new OperationLogQuery { CustomerId = customers[0] }, 0, 50);

        Assert.Equal(0, totalB);
        Assert.Empty(rowsB);
        Assert.Empty(cardsB);
        Assert.Empty(logB);
        Assert.Single(logA);
        Assert.Equal(VoucherStatus.Usable, (await w.VoucherAsync(vouchers[0])).Status);
    }
}
