using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Opportunities;

/// <summary>Commands carry the version the user saw; a row that changed since is refused, not acted on blindly.</summary>
public class OpportunityStaleVersionTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R9_accepting_a_row_that_was_reassigned_since_it_was_loaded_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();
        var seen = (await world.LoadAsync(id)).Version;
        await world.Workflow.AssignAsync(world.AdminA, id, world.Manager1A.UserId);
        var before = await world.CountRowsAsync();

        var error = await Assert.ThrowsAsync<BusinessException>(() => world.Workflow.AcceptAsync(world.AdminA, id, seen));

        Assert.Equal(ErrorCodes.AlreadyProcessed, error.Code);
        Assert.Equal("Opportunity.ChangedElsewhere", error.ResourceKey);
        Assert.Equal(OpportunityStatus.PendingAcceptance, (await world.LoadAsync(id)).Status);
        Assert.Equal(before, await world.CountRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R9_answering_a_row_someone_else_answered_says_who_was_first_even_with_an_old_version(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();
        var seen = (await world.LoadAsync(id)).Version;
        await world.Workflow.AcceptAsync(world.AdminA, id, seen);

        var error = await Assert.ThrowsAsync<OpportunityAlreadyProcessedException>(() => world.Workflow.RejectAsync(world.AdminA, id, RejectionReason.NoCapacity, null, seen));

        Assert.Equal("Admin A", error.ByName);
        Assert.Equal(OpportunityStatus.InProgress, error.Status);
        Assert.Equal(0, await world.AuditCountAsync(id, OpportunityAuditActions.Reject));
        Assert.Equal(1, await world.AuditCountAsync(id, OpportunityAuditActions.Accept));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R11_progress_from_a_stale_screen_is_refused(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();
        await world.Workflow.AcceptAsync(world.AdminA, id);
        var seen = (await world.LoadAsync(id)).Version;
        await world.Workflow.UpdateProgressAsync(world.AdminA, id, ProgressStage.Solution, "workshop", seen);

        var error = await Assert.ThrowsAsync<BusinessException>(() => world.Workflow.UpdateProgressAsync(world.AdminA, id, ProgressStage.Lost, "stale screen", seen));

        Assert.Equal("Opportunity.ChangedElsewhere", error.ResourceKey);
        Assert.Equal(ProgressStage.Solution, (await world.LoadAsync(id)).Stage);
        Assert.Equal(1, await world.AuditCountAsync(id, OpportunityAuditActions.Progress));
    }
}
