using BlazorPartner.Features.Opportunities;

namespace BlazorPartner.Tests.Features.Opportunities;

public class OpportunityRulesTests
{
    [Theory]
    [InlineData(ProgressStage.Contacting, ProgressStage.Solution, true)]
    [InlineData(ProgressStage.Contacting, ProgressStage.Contract, true)] // skipping ahead is allowed
    [InlineData(ProgressStage.Bidding, ProgressStage.Bidding, true)] // a note on the current stage
    [InlineData(ProgressStage.Delivering, ProgressStage.Delivered, true)]
    [InlineData(ProgressStage.Solution, ProgressStage.Lost, true)]
    [InlineData(ProgressStage.Contract, ProgressStage.Solution, false)] // no going back
    [InlineData(ProgressStage.Delivered, ProgressStage.Delivering, false)] // terminal
    [InlineData(ProgressStage.Delivered, ProgressStage.Lost, false)]
    [InlineData(ProgressStage.Lost, ProgressStage.Contacting, false)]
    [InlineData(ProgressStage.Lost, ProgressStage.Lost, false)]
    public void R11_stage_transitions(ProgressStage from, ProgressStage to, bool allowed)
    {
        Assert.Equal(allowed, OpportunityRules.CanMoveTo(from, to));
    }

    [Fact]
    public void R11_delivered_and_lost_are_terminal_statuses()
    {
        Assert.Equal(OpportunityStatus.Delivered, OpportunityRules.StatusFor(ProgressStage.Delivered));
        Assert.Equal(OpportunityStatus.Lost, OpportunityRules.StatusFor(ProgressStage.Lost));
        Assert.Equal(OpportunityStatus.InProgress, OpportunityRules.StatusFor(ProgressStage.Bidding));
        Assert.True(OpportunityRules.IsTerminal(OpportunityStatus.Delivered));
        Assert.True(OpportunityRules.IsTerminal(OpportunityStatus.AutoRejected));
        Assert.False(OpportunityRules.IsTerminal(OpportunityStatus.InProgress));
        Assert.Empty(OpportunityRules.NextStages(ProgressStage.Delivered));
    }
}
