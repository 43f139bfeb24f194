using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Vouchers;

/// <summary>
/// Partner A: a voucher quota and an "invoice to user" cash-coupon quota with vouchers in every status; Partner B
/// (distributor): a quota, part delegated to Partner C, which issues to its consultative customers. Built through the
/// slice's own services (so quotas, logs and audit agree), on the customers the customer slice seeded (Order 10);
/// without customers it grants the quotas and stops.
/// </summary>
public sealed class VoucherDemoData(IDbContextFactory<AppDbContext> dbFactory, ActorDirectory actors, VoucherQuotas quotas, VoucherIssuing issuing,
    VoucherRecalls recalls, VoucherRedemptions redemptions, VoucherExpiry expiry, ILogger<VoucherDemoData> logger) : IDemoData
{
    public int Order => 40;

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var vendor = await actors.LoadAsync(demo.User(DemoAccounts.VendorOperator).Id, ct);
        var adminA = await actors.LoadAsync(demo.User(DemoAccounts.PartnerAAdmin).Id, ct);
        var adminB = await actors.LoadAsync(demo.User(DemoAccounts.PartnerBAdmin).Id, ct);
        var adminC = await actors.LoadAsync(demo.User(DemoAccounts.PartnerCAdmin).Id, ct);
        var today = Core.Time.BeijingTime.DateOf(demo.NowUtc);
        var start = today.AddDays(-60);
        var end = today.AddMonths(9);

        var voucherQuota = await quotas.GrantAsync(vendor, Grant(demo.PartnerA.Id, VoucherKind.Voucher, 200_000m, start, end, ["Compute", "Storage", "Database"], ["CDN"]), ct);
        var couponQuota = await quotas.GrantAsync(vendor, Grant(demo.PartnerA.Id, VoucherKind.CashCoupon, 50_000m, start, end, ["Compute", "Network"], [], invoiceToUser: true), ct);
        var quotaB = await quotas.GrantAsync(vendor, Grant(demo.PartnerB.Id, VoucherKind.Voucher, 100_000m, start, end, ["Compute", "Storage", "AI"], []), ct);
        var quotaC = await quotas.DelegateAsync(adminB, new DelegateQuotaInput { ParentQuotaId = quotaB, ResellerOrganizationId = demo.PartnerC.Id, Amount = 30_000m }, ct);

        var customersA = await CustomersAsync(demo.PartnerA.Id, null, ct);
        var consultativeC = await CustomersAsync(demo.PartnerC.Id, AssociationMode.Consultative, ct);
        if (customersA.Count == 0)
        {
            logger.LogInformation("No demo customers yet: voucher quotas granted, no vouchers issued");
            return;
        }

        // Partner A: vouchers, later some used, partly used, recalled, expiring; one not yet activated.
        var issued = new List<Guid>();
        for (var i = 0; i < Math.Min(customersA.Count, 30); i += 5)
        {
            var batch = customersA.Skip(i).Take(5).Select(c => c.Id).ToList();
            var result = await issuing.IssueAsync(adminA, Issue(voucherQuota, 500m + i * 10, start.AddDays(i), end, ["Compute", "Storage"], ["CDN"], batch, $"Demo batch {i / 5 + 1}"), ct);
            if (i == 10)
            {
                await EndedAsync(result.IssueId, VoucherDates.EndUtc(today.AddDays(-20)), ct);
                continue;
            }

            issued.AddRange(await VouchersOfAsync(result.IssueId, ct));
        }

        var notYet = Issue(voucherQuota, 300m, today.AddDays(14), end, ["Database"], [], [customersA[0].Id], "Next campaign");
        await issuing.IssueAsync(adminA, notYet, ct);

        var consultativeA = customersA.Where(c => c.Mode == AssociationMode.Consultative).Take(3).Select(c => c.Id).ToList();
        if (consultativeA.Count > 0)
        {
            await issuing.IssueAsync(adminA, Issue(couponQuota, 1_000m, today, end, ["Compute"], [], consultativeA, "Cash coupons"), ct);
        }

        for (var i = 0; i < issued.Count; i++)
        {
            switch (i % 6)
            {
                case 1: await redemptions.RedeemAsync(issued[i], new VoucherOrder($"DEMO-ORD-{i:D4}", "ECS", Money.FromFen(1_000_000)), ct); break; // used
                case 2: await redemptions.RedeemAsync(issued[i], new VoucherOrder($"DEMO-ORD-{i:D4}", "OBS", Money.FromFen(12_000)), ct); break; // partly used
                case 3 when i % 4 != 0: await recalls.RecallAsync(adminA, issued[i], null, ct); break;
            }
        }

        // The batch that ended 20 days ago expires now, so every status is on screen from the first visit.
        await expiry.RunOnceAsync(ct);

        if (consultativeC.Count > 0)
        {
            await issuing.IssueAsync(adminC, Issue(quotaC, 800m, today, end, ["Compute"], [], consultativeC.Take(5).Select(c => c.Id).ToList(), "Reseller launch"), ct);
        }
    }

    private static GrantQuotaInput Grant(Guid partner, VoucherKind kind, decimal amount, DateOnly from, DateOnly to, List<string> types, List<string> products, bool invoiceToUser = false) =>
        new() { PartnerOrganizationId = partner, Kind = kind, Amount = amount, ValidFrom = from, ValidTo = to, ServiceTypes = types, Products = products, InvoiceToCouponUser = invoiceToUser };

    private static IssueVouchersInput Issue(Guid quota, decimal faceValue, DateOnly from, DateOnly to, List<string> types, List<string> products, List<Guid> customers, string remark) =>
        new() { QuotaId = quota, FaceValue = faceValue, ValidFrom = from, ValidTo = to, ServiceTypes = types, Products = products, CustomerIds = customers, Remark = remark };

    private async Task<List<(Guid Id, AssociationMode Mode)>> CustomersAsync(Guid partner, AssociationMode? mode, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var rows = await db.Customers.AsNoTracking()
            .Where(c => c.OrganizationId == partner && c.Status == CustomerStatus.Associated && (mode == null || c.Mode == mode))
            .OrderBy(c => c.Name).Select(c => new { c.Id, c.Mode }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Mode)).ToList();
    }

    /// <summary>Demo history: a batch whose validity ended in the past (issuing refuses a past end, so the seeder backdates it).</summary>
    private async Task EndedAsync(Guid issueId, DateTime endUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        await db.Vouchers.Where(v => v.IssueId == issueId).ExecuteUpdateAsync(s => s.SetProperty(v => v.ValidToUtc, endUtc), ct);
    }

    private async Task<List<Guid>> VouchersOfAsync(Guid issueId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        return await db.Vouchers.Where(v => v.IssueId == issueId).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(ct);
    }
}
