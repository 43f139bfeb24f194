using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Live;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Vouchers;

/// <summary>Issue 9 §2: issuing and recalling vouchers tell the consoles showing that partner's vouchers, and the vendor's.</summary>
public sealed class VoucherLiveUpdateTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Issuing_and_recalling_tell_the_partners_voucher_consoles_and_no_other_partners(DatabaseProvider provider)
    {
        await using var w = await VoucherWorld.CreateAsync(provider);
        var quota = await w.GrantAsync(w.World.PartnerA, 10_000m);
        var customers = await w.CustomersAsync(w.World.PartnerA, 2);
        var feed = w.World.Get<ChangeFeed>();
        var partnerA = 0;
        var partnerB = 0;
        var vendor = 0;
        using var a = feed.Subscribe(LiveTopics.VouchersSeenBy(w.World.AdminA), () => partnerA++);
        using var b = feed.Subscribe(LiveTopics.Vouchers(w.World.PartnerB), () => partnerB++);
        using var v = feed.Subscribe(LiveTopics.VouchersSeenBy(w.World.Vendor), () => vendor++);

        var issue = await w.Issuing.IssueAsync(w.World.AdminA, VoucherWorld.Issue(quota, 100m, [.. customers]));
        Assert.Equal((1, 1, 0), (partnerA, vendor, partnerB));

        var voucher = (await w.VouchersOfIssueAsync(issue.IssueId)).First();
        await w.Recalls.RecallAsync(w.World.AdminA, voucher.Id);
        Assert.Equal((2, 2, 0), (partnerA, vendor, partnerB));

        // A replayed issue (same idempotency key) changes nothing and tells nobody.
        var replay = VoucherWorld.Issue(quota, 100m, [.. customers]);
        replay.IdempotencyKey = issue.IssueId;
        Assert.True((await w.Issuing.IssueAsync(w.World.AdminA, replay)).Replayed);
        Assert.Equal((2, 2, 0), (partnerA, vendor, partnerB));
    }
}
