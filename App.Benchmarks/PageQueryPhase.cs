using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;

namespace BlazorPartner.Benchmarks;

internal sealed record PageQueryResult(Samples Samples, int PageRows, int TotalCount);

/// <summary>The grid's first page of the pending tab sorted by deadline, through <see cref="OpportunityQueries.ListAsync"/> (count + page).</summary>
internal sealed class PageQueryPhase(OpportunityQueries queries, int warmup, int iterations)
{
    public static readonly OpportunityQuery FirstPendingPage = new()
    {
        Status = OpportunityStatus.PendingAcceptance,
        Sort = OpportunitySort.Deadline,
        Take = 20,
    };

    /// <param name="actorFor">The actor of the i-th call; rotating tenants keeps one partner's pages from always being hot in cache.</param>
    public async Task<PageQueryResult> RunAsync(Func<int, Actor> actorFor)
    {
        PagedResult<OpportunityRow>? last = null;
        var samples = await Measure.RepeatAsync(warmup, iterations, async i =>
        {
            last = await queries.ListAsync(actorFor(i), FirstPendingPage);
        });

        // A fast wrong answer is no result: the page must be full and in deadline order.
        if (last is null || last.Items.Count == 0 || !last.Items.Select(r => r.DeadlineUtc).SequenceEqual(last.Items.Select(r => r.DeadlineUtc).Order()))
        {
            throw new InvalidOperationException("The first page came back empty or out of deadline order.");
        }

        return new PageQueryResult(samples, last.Items.Count, last.TotalCount);
    }
}
