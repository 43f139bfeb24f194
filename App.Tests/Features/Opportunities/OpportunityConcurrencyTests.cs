using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Errors;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Opportunities;

/// <summary>Two people answering the same opportunity at once: exactly one wins, the other is told who did.</summary>
public class OpportunityConcurrencyTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R9_parallel_accept_and_reject_exactly_one_wins(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.AssignDirectlyAsync(await world.ShareAsync(customer: "warm-up"), world.Manager1A);

        // Several rounds make an interleaving where both read the row before either writes very likely.
        for (var round = 0; round < 10; round++)
        {
            var id = await world.ShareAsync(customer: $"Race {round}");
            await world.AssignDirectlyAsync(id, world.Manager1A);
            using var start = new ManualResetEventSlim(false);
            var accept = Task.Run(async () => { start.Wait(); await world.Workflow.AcceptAsync(world.AdminA, id); });
            var reject = Task.Run(async () => { start.Wait(); await world.Workflow.RejectAsync(world.Manager1A, id, RejectionReason.NoCapacity, null); });
            start.Set();

            var outcomes = await Task.WhenAll(Outcome(accept), Outcome(reject));

            Assert.Single(outcomes, o => o is null);
            var loser = Assert.IsType<OpportunityAlreadyProcessedException>(Assert.Single(outcomes, o => o is not null));
            var row = await world.LoadAsync(id);
            var acceptWon = outcomes[0] is null;
            Assert.Equal(acceptWon ? OpportunityStatus.InProgress : OpportunityStatus.Rejected, row.Status);
            Assert.Equal(row.Status, loser.Status);
            Assert.Equal(acceptWon ? "Admin A" : "Manager One", loser.ByName);
            Assert.Equal(1, row.Version);
            Assert.Equal(1, await world.AuditCountAsync(id, acceptWon ? "opportunity.accept" : "opportunity.reject"));
            Assert.Equal(0, await world.AuditCountAsync(id, acceptWon ? "opportunity.reject" : "opportunity.accept"));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Parallel_double_accept_accepts_once(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();
        await world.AssignDirectlyAsync(id, world.Manager1A);

        var outcomes = await Task.WhenAll(
            Outcome(Task.Run(() => world.Workflow.AcceptAsync(world.AdminA, id))),
            Outcome(Task.Run(() => world.Workflow.AcceptAsync(world.Manager1A, id))));

        Assert.Single(outcomes, o => o is null);
        Assert.IsType<OpportunityAlreadyProcessedException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal(1, await world.AuditCountAsync(id, "opportunity.accept"));
        Assert.Single((await world.Queries.GetAsync(world.AdminA, id)).Timeline);
    }

    private static async Task<BusinessException?> Outcome(Task action)
    {
        try
        {
            await action;
            return null;
        }
        catch (BusinessException error)
        {
            return error;
        }
    }
}
