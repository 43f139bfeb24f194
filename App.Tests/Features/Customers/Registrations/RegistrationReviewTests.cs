using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Time;
using BlazorPartner.Features.Customers.Registrations;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Customers.Registrations;

public class RegistrationReviewTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_approval_reserves_the_customer_for_15_days(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.RegisterAsync(world.Manager1A);
        world.Clock.Advance(TimeSpan.FromHours(5));

        var until = await world.Registrations().ApproveAsync(world.Vendor, new RegistrationTarget(id, 0));

        var row = await world.LoadRegistrationAsync(id);
        Assert.Equal(RegistrationStatus.Approved, row.Status);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime.AddDays(15), row.ReservedUntilUtc);
        Assert.Equal(until, row.ReservedUntilUtc);
        // Registered Monday 16 Nov 10:00 Beijing, approved 15:00: reserved until Tuesday 1 Dec 15:00 Beijing.
        Assert.Equal("2026-12-01 15:00 (GMT+08:00)", BeijingTime.Format(until));
        Assert.Equal(row.CreditCode, row.HeldCreditCode);
        Assert.Equal("Vendor Op", row.ReviewedByName);
        Assert.Equal(1, await world.AuditCountAsync(RegistrationAuditActions.Approve));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_rejection_needs_a_reason_and_a_refused_one_stores_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.RegisterAsync(world.AdminA);
        var before = await world.CountRegistrationRowsAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            world.Registrations().RejectAsync(world.Vendor, new RejectRegistrationInput(new RegistrationTarget(id)) { Reason = "  " }));

        Assert.Equal("Validation.Required", error.FieldErrors[nameof(RejectRegistrationInput.Reason)]);
        Assert.Equal(before, await world.CountRegistrationRowsAsync());
        Assert.Equal(RegistrationStatus.Pending, (await world.LoadRegistrationAsync(id)).Status);

        await world.Registrations().RejectAsync(world.Vendor, new RejectRegistrationInput(new RegistrationTarget(id)) { Reason = "Vendor's own account" });
        var row = await world.LoadRegistrationAsync(id);
        Assert.Equal(RegistrationStatus.Rejected, row.Status);
        Assert.Equal("Vendor's own account", row.RejectionReason);
        Assert.Null(row.HeldCreditCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_two_reviewers_at_once_one_wins_and_the_other_is_told_who(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        for (var round = 0; round < 8; round++)
        {
            var id = await world.RegisterAsync(world.AdminA, 100 + round);
            using var start = new ManualResetEventSlim(false);
            var approve = Task.Run(async () => { start.Wait(); await world.Registrations().ApproveAsync(world.Vendor, new RegistrationTarget(id, 0)); });
            var reject = Task.Run(async () =>
            {
                start.Wait();
                await world.Registrations().RejectAsync(world.Vendor, new RejectRegistrationInput(new RegistrationTarget(id, 0)) { Reason = "Duplicate" });
            });
            start.Set();

            var outcomes = await Task.WhenAll(RegistrationTestKit.Outcome(approve), RegistrationTestKit.Outcome(reject));

            Assert.Single(outcomes, o => o is null);
            var loser = Assert.IsType<RegistrationAlreadyReviewedException>(Assert.Single(outcomes, o => o is not null));
            var row = await world.LoadRegistrationAsync(id);
            Assert.Equal(row.Status, loser.Status);
            Assert.Equal("Vendor Op", loser.ByName);
            Assert.Equal(ErrorCodes.AlreadyProcessed, loser.Code);
            Assert.Equal(1, row.Version);
        }

        Assert.Equal(8, await world.AuditCountAsync(RegistrationAuditActions.Approve) + await world.AuditCountAsync(RegistrationAuditActions.Reject));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_a_review_of_a_row_that_changed_since_it_was_loaded_is_refused(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.RegisterAsync(world.AdminA);
        await world.Registrations().ApproveAsync(world.Vendor, new RegistrationTarget(id, 0));
        var before = await world.CountRegistrationRowsAsync();

        var error = await Assert.ThrowsAsync<RegistrationAlreadyReviewedException>(() =>
            world.Registrations().RejectAsync(world.Vendor, new RejectRegistrationInput(new RegistrationTarget(id, 0)) { Reason = "Too late" }));

        Assert.Equal(RegistrationStatus.Approved, error.Status);
        Assert.Contains("Vendor Op", RegistrationTestKit.Describe(error));
        Assert.Equal(before, await world.CountRegistrationRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R15_only_the_vendor_operator_reviews(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var id = await world.RegisterAsync(world.AdminA);

        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Registrations().ApproveAsync(world.AdminA, new RegistrationTarget(id)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Registrations().ApproveAsync(world.AdminB, new RegistrationTarget(id)));
        Assert.Equal(RegistrationStatus.Pending, (await world.LoadRegistrationAsync(id)).Status);
    }
}
