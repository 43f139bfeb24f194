using BlazorPartner.Features.Opportunities;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Live;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Opportunities;

/// <summary>Issue 9 §2: every committed change to an opportunity tells the consoles showing it; a refused one tells nobody.</summary>
public sealed class OpportunityLiveUpdateTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Sharing_accepting_and_rejecting_tell_the_partners_consoles_and_the_vendors(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var feed = world.Get<ChangeFeed>();
        var partnerA = 0;
        var partnerB = 0;
        var vendor = 0;
        using var a = feed.Subscribe(LiveTopics.OpportunitiesSeenBy(world.AdminA), () => partnerA++);
        using var b = feed.Subscribe(LiveTopics.Opportunities(world.PartnerB), () => partnerB++);
        using var v = feed.Subscribe(LiveTopics.OpportunitiesSeenBy(world.Vendor), () => vendor++);

        var first = await world.ShareAsync();
        var second = await world.ShareAsync();
        Assert.Equal((2, 2, 0), (partnerA, vendor, partnerB));

        await world.Workflow.AcceptAsync(world.AdminA, new OpportunityTarget(first));
        await world.Workflow.RejectAsync(world.AdminA, new RejectOpportunityInput(new OpportunityTarget(second)) { Reason = RejectionReason.NoCapacity });
        Assert.Equal((4, 4, 0), (partnerA, vendor, partnerB));

        // The loser of a race is told who was first; nothing changed, so nobody's screen is told to re-read.
        await Assert.ThrowsAnyAsync<BlazorPartner.Core.Errors.BusinessException>(() => world.Workflow.AcceptAsync(world.AdminA, new OpportunityTarget(first)));
        Assert.Equal((4, 4, 0), (partnerA, vendor, partnerB));
    }
}
