using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Errors;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Opportunities;

public class OpportunityWorkflowTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R9_accept_moves_to_in_progress_with_progress_and_audit(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();

        await world.Workflow.AcceptAsync(world.AdminA, id);

        var row = await world.LoadAsync(id);
        Assert.Equal(OpportunityStatus.InProgress, row.Status);
        Assert.Equal(ProgressStage.Contacting, row.Stage);
        Assert.Equal(world.AdminA.UserId, row.RespondedByUserId);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, row.RespondedAtUtc);
        var detail = await world.Queries.GetAsync(world.AdminA, id);
        Assert.Single(detail.Timeline);
        Assert.Contains(detail.History, h => h.Action == "opportunity.accept" && h.ActorName == "Admin A" && h.Before!.Contains("PendingAcceptance") && h.After!.Contains("InProgress"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R9_reject_without_a_reason_is_a_field_error_and_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => world.Workflow.RejectAsync(world.AdminA, id, null, "  "));

        Assert.Equal(ErrorCodes.ParameterError, error.Code);
        Assert.Equal("Opportunity.ReasonRequired", error.FieldErrors["Reason"]);
        Assert.Equal(OpportunityStatus.PendingAcceptance, (await world.LoadAsync(id)).Status);
        Assert.Equal(0, await world.AuditCountAsync(id, "opportunity.reject"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R9_reason_other_requires_an_explanation(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => world.Workflow.RejectAsync(world.AdminA, id, RejectionReason.Other, ""));

        Assert.Equal("Opportunity.NoteRequiredForOther", error.FieldErrors["Note"]);
        Assert.Equal(OpportunityStatus.PendingAcceptance, (await world.LoadAsync(id)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R9_reject_with_a_reason_records_it_and_closes_the_opportunity(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();

        await world.Workflow.RejectAsync(world.AdminA, id, RejectionReason.NoCapacity, " Team fully booked until March ");

        var row = await world.LoadAsync(id);
        Assert.Equal(OpportunityStatus.Rejected, row.Status);
        Assert.Equal(RejectionReason.NoCapacity, row.RejectionReason);
        Assert.Equal("Team fully booked until March", row.RejectionNote);
        Assert.NotNull(row.ClosedAtUtc);
        var detail = await world.Queries.GetAsync(world.AdminA, id);
        Assert.Contains(detail.History, h => h.Action == OpportunityAuditActions.Reject && h.Reason == "Team fully booked until March" && h.After!.Contains("RejectionReason.NoCapacity"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R9_the_system_reason_cannot_be_chosen_by_a_user(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();

        var before = await world.CountRowsAsync();
        await Assert.ThrowsAsync<ValidationException>(() => world.Workflow.RejectAsync(world.AdminA, id, RejectionReason.DeadlinePassed, "x"));
        Assert.Equal(OpportunityStatus.PendingAcceptance, (await world.LoadAsync(id)).Status);
        Assert.Equal(before, await world.CountRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R9_an_answered_opportunity_cannot_be_answered_again_and_says_by_whom(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();
        await world.Workflow.RejectAsync(world.AdminA, id, RejectionReason.Duplicate, null);

        var error = await Assert.ThrowsAsync<OpportunityAlreadyProcessedException>(() => world.Workflow.AcceptAsync(world.AdminA, id));

        Assert.Equal(OpportunityStatus.Rejected, error.Status);
        Assert.Equal("Admin A", error.ByName);
        Assert.Equal(ErrorCodes.AlreadyProcessed, error.Code);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R10_accepting_after_the_deadline_is_refused(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();
        world.Clock.Advance(TimeSpan.FromDays(7));

        var error = await Assert.ThrowsAsync<OpportunityStateException>(() => world.Workflow.AcceptAsync(world.AdminA, id));

        Assert.Equal("Opportunity.DeadlinePassed", error.ResourceKey);
        Assert.Equal(OpportunityStatus.PendingAcceptance, (await world.LoadAsync(id)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R11_progress_moves_forward_to_delivered_and_then_stops(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();
        await world.Workflow.AcceptAsync(world.AdminA, id);

        await world.Workflow.UpdateProgressAsync(world.AdminA, id, ProgressStage.Solution, "Architecture workshop held");
        world.Clock.Advance(TimeSpan.FromHours(1));
        await world.Workflow.UpdateProgressAsync(world.AdminA, id, ProgressStage.Delivered, "Go-live");

        var row = await world.LoadAsync(id);
        Assert.Equal(OpportunityStatus.Delivered, row.Status);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, row.ClosedAtUtc);
        var detail = await world.Queries.GetAsync(world.AdminA, id);
        Assert.Equal([ProgressStage.Contacting, ProgressStage.Solution, ProgressStage.Delivered], detail.Timeline.Select(t => t.Stage));
        Assert.Equal("Go-live", detail.Timeline[^1].Note);
        Assert.False(detail.Actions.CanUpdateProgress);

        var error = await Assert.ThrowsAsync<IllegalTransitionException>(() => world.Workflow.UpdateProgressAsync(world.AdminA, id, ProgressStage.Lost, "late"));
        Assert.Equal(ErrorCodes.IllegalOperation, error.Code);
        Assert.Equal(OpportunityStatus.Delivered, (await world.LoadAsync(id)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R11_going_back_a_stage_is_refused_with_a_clear_message(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();
        await world.Workflow.AcceptAsync(world.AdminA, id);
        await world.Workflow.UpdateProgressAsync(world.AdminA, id, ProgressStage.Contract, "Signed LOI");

        var error = await Assert.ThrowsAsync<IllegalTransitionException>(() => world.Workflow.UpdateProgressAsync(world.AdminA, id, ProgressStage.Solution, "oops"));

        Assert.Contains("from Contract to Solution", error.Message);
        Assert.Equal(ProgressStage.Contract, (await world.LoadAsync(id)).Stage);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R11_progress_needs_a_note_and_an_accepted_opportunity(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();

        await Assert.ThrowsAsync<IllegalTransitionException>(() => world.Workflow.UpdateProgressAsync(world.AdminA, id, ProgressStage.Solution, "before accepting"));
        await world.Workflow.AcceptAsync(world.AdminA, id);
        var before = await world.CountRowsAsync();
        var error = await Assert.ThrowsAsync<ValidationException>(() => world.Workflow.UpdateProgressAsync(world.AdminA, id, ProgressStage.Solution, " "));
        var noStage = await Assert.ThrowsAsync<ValidationException>(() => world.Workflow.UpdateProgressAsync(world.AdminA, id, null, "note"));
        Assert.Equal("Validation.Required", error.FieldErrors[nameof(UpdateProgressInput.Note)]);
        Assert.Equal("Opportunity.StageRequired", noStage.FieldErrors[nameof(UpdateProgressInput.Stage)]);
        Assert.Equal(ProgressStage.Contacting, (await world.LoadAsync(id)).Stage);
        Assert.Equal(before, await world.CountRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R11_lost_is_terminal(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();
        await world.Workflow.AcceptAsync(world.AdminA, id);
        await world.Workflow.UpdateProgressAsync(world.AdminA, id, ProgressStage.Lost, "Customer chose a competitor");

        Assert.Equal(OpportunityStatus.Lost, (await world.LoadAsync(id)).Status);
        await Assert.ThrowsAsync<IllegalTransitionException>(() => world.Workflow.UpdateProgressAsync(world.AdminA, id, ProgressStage.Bidding, "retry"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bulk_accept_accepts_the_pending_ones_and_reports_each_failure(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var first = await world.ShareAsync(customer: "First");
        var second = await world.ShareAsync(customer: "Second");
        var alreadyRejected = await world.ShareAsync(customer: "Third");
        await world.Workflow.RejectAsync(world.AdminA, alreadyRejected, RejectionReason.NotOurRegion, null);

        var result = await world.Workflow.AcceptManyAsync(world.AdminA, [first, second, alreadyRejected]);

        Assert.Equal(2, result.AcceptedNumbers.Count);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(alreadyRejected, failure.Id);
        Assert.IsType<OpportunityAlreadyProcessedException>(failure.Error);
        Assert.Equal(OpportunityStatus.InProgress, (await world.LoadAsync(first)).Status);
        Assert.Equal(OpportunityStatus.InProgress, (await world.LoadAsync(second)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Assigning_to_an_account_manager_of_another_organization_is_refused(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.ShareAsync();

        await world.Workflow.AssignAsync(world.AdminA, id, world.Manager2A.UserId);
        var error = await Assert.ThrowsAsync<ValidationException>(() => world.Workflow.AssignAsync(world.AdminA, id, world.AdminB.UserId));
        var notAManager = await Assert.ThrowsAsync<ValidationException>(() => world.Workflow.AssignAsync(world.AdminA, id, world.FinanceA.UserId));

        Assert.Equal("Opportunity.AssigneeInvalid", error.FieldErrors["AssignedTo"]);
        Assert.Equal("Opportunity.AssigneeInvalid", notAManager.FieldErrors["AssignedTo"]);
        Assert.Equal(world.Manager2A.UserId, (await world.LoadAsync(id)).AssignedToUserId);
        Assert.Equal(1, await world.AuditCountAsync(id, "opportunity.assign"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_the_vendor_operator_may_share(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);

        var before = await world.CountRowsAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Sharing.ShareAsync(world.AdminA, world.ValidShare(world.PartnerA)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Sharing.ShareAsync(world.FinanceA, world.ValidShare(world.PartnerA)));

        Assert.Equal(before, await world.CountRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sharing_validates_every_field_and_fixes_the_R10_deadline(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var bad = new ShareOpportunityInput { EstimatedAmount = 1.234m, ContactPhone = "abc", ExpectedCloseDate = new DateOnly(2020, 1, 1) };
        var before = await world.CountRowsAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => world.Sharing.ShareAsync(world.Vendor, bad));

        Assert.Equal("Share.PartnerRequired", error.FieldErrors[nameof(bad.PartnerOrganizationId)]);
        Assert.Equal("Money.TooManyDecimals", error.FieldErrors[nameof(bad.EstimatedAmount)]);
        Assert.Equal("Validation.PhoneInvalid", error.FieldErrors[nameof(bad.ContactPhone)]);
        Assert.Equal("Validation.DateOutOfRange", error.FieldErrors[nameof(bad.ExpectedCloseDate)]);
        Assert.Equal("Share.ServicesRequired", error.FieldErrors[nameof(bad.CloudServices)]);
        Assert.Equal("Validation.Required", error.FieldErrors[nameof(bad.CustomerName)]);
        Assert.Equal(before, await world.CountRowsAsync());

        // Monday 16 Nov 10:00 → Tue, Wed, Thu → rejected once Thursday 19 Nov ends.
        var id = await world.ShareAsync(amount: 99.5m);
        var row = await world.LoadAsync(id);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(8)).UtcDateTime, row.DeadlineUtc);
        Assert.Equal(9950, row.EstimatedAmountFen);
        Assert.Equal("ECS;RDS", row.CloudServices);
        Assert.Equal(1, await world.AuditCountAsync(id, "opportunity.share"));
    }
}
