using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Opportunities;

public class OpportunityAutoRejectTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R10_pending_opportunity_is_auto_rejected_after_3_working_days(DatabaseProvider provider)
    {
        // Shared Friday 20 Nov 10:00: deadline is the end of Wednesday 25 Nov (Mon, Tue, Wed).
        await using var world = await TestWorld.CreateAsync(provider, TestClock.AtBeijing(2026, 11, 20));
        var overdue = await world.ShareAsync(customer: "Will expire");
        var accepted = await world.ShareAsync(customer: "Accepted in time");
        await world.Workflow.AcceptAsync(world.AdminA, accepted);
        var rejecter = world.NewAutoRejecter();

        world.Clock.Now = new DateTimeOffset(2026, 11, 25, 23, 59, 0, TimeSpan.FromHours(8));
        Assert.Equal(0, await rejecter.RunOnceAsync());
        Assert.Equal(OpportunityStatus.PendingAcceptance, (await world.LoadAsync(overdue)).Status);

        world.Clock.Now = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(1, await rejecter.RunOnceAsync());

        var row = await world.LoadAsync(overdue);
        Assert.Equal(OpportunityStatus.AutoRejected, row.Status);
        Assert.Equal(RejectionReason.DeadlinePassed, row.RejectionReason);
        Assert.Equal("System", row.RespondedByName);
        Assert.Equal(OpportunityStatus.InProgress, (await world.LoadAsync(accepted)).Status);
        Assert.Equal(1, await world.AuditCountAsync(overdue, "opportunity.auto-reject"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R10_a_holiday_extends_the_deadline(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider, TestClock.AtBeijing(2026, 11, 20));
        await world.Calendar.SetDayAsync(world.Vendor, new DateOnly(2026, 11, 24), CalendarDayKind.Holiday, "Test holiday");
        var id = await world.ShareAsync();

        world.Clock.Now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(0, await world.NewAutoRejecter().RunOnceAsync());
        world.Clock.Now = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(1, await world.NewAutoRejecter().RunOnceAsync());
        Assert.Equal(OpportunityStatus.AutoRejected, (await world.LoadAsync(id)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R10_auto_reject_is_idempotent(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();
        world.Clock.Advance(TimeSpan.FromDays(10));
        var rejecter = world.NewAutoRejecter();

        Assert.Equal(1, await rejecter.RunOnceAsync());
        Assert.Equal(0, await rejecter.RunOnceAsync());
        Assert.Equal(1, (await world.LoadAsync(id)).Version);
        Assert.Equal(1, await world.AuditCountAsync(id, "opportunity.auto-reject"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R10_two_app_instances_never_reject_the_same_opportunity_twice(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add(await world.ShareAsync(customer: $"Expiring {i}"));
        }

        world.Clock.Advance(TimeSpan.FromDays(10));
        // Small batches make the two passes interleave over the same candidates.
        var counts = await Task.WhenAll(
            Task.Run(() => world.NewAutoRejecter(batchSize: 7).RunOnceAsync()),
            Task.Run(() => world.NewAutoRejecter(batchSize: 5).RunOnceAsync()));

        Assert.Equal(60, counts.Sum());
        foreach (var id in ids)
        {
            var row = await world.LoadAsync(id);
            Assert.Equal(OpportunityStatus.AutoRejected, row.Status);
            Assert.Equal(1, row.Version);
            Assert.Equal(1, await world.AuditCountAsync(id, "opportunity.auto-reject"));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R10_an_accept_racing_the_auto_reject_leaves_one_outcome(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider, TestClock.AtBeijing(2026, 11, 20));
        var id = await world.ShareAsync();
        world.Clock.Now = new DateTimeOffset(2026, 11, 26, 0, 0, 1, TimeSpan.FromHours(8));

        await world.NewAutoRejecter().RunOnceAsync();
        var error = await Assert.ThrowsAsync<OpportunityAlreadyProcessedException>(() => world.Workflow.AcceptAsync(world.AdminA, id));

        Assert.Equal(OpportunityStatus.AutoRejected, error.Status);
        Assert.Equal("System", error.ByName);
    }
}
