using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Customers.Registrations;
using BlazorPartner.Features.Resellers;
using BlazorPartner.Features.ReviewInbox;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Features.Customers.Registrations;
using BlazorPartner.Tests.Features.Resellers;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.ReviewInbox;

/// <summary>
/// Issue 8 §5: one "To do" per reviewer with every pending item of every kind it decides (R15 registrations and R40 reseller
/// applications at the vendor; R40's second level at a distributor), its age against the service level, assignment and
/// batch approval with each item's outcome.
/// </summary>
public class ReviewInboxTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private const string BaseUri = "https://partner.test/";

    private static BlazorPartner.Features.ReviewInbox.ReviewInbox Inbox(TestWorld world) => world.Get<BlazorPartner.Features.ReviewInbox.ReviewInbox>();

    [Theory, MemberData(nameof(Providers))]
    public async Task The_vendor_sees_every_kind_oldest_first_and_a_distributor_only_its_second_level(DatabaseProvider provider)
    {
        // Wednesday 2026-11-18, 10:00 Beijing: a working week around it.
        var clock = TestClock.AtBeijing(2026, 11, 18);
        await using var world = await TestWorld.CreateAsync(provider, clock);
        var application = await world.SubmitAsync(number: 11, distributor: world.PartnerB);
        clock.Advance(TimeSpan.FromHours(1));
        var registration = await world.RegisterAsync(world.AdminA);
        clock.Advance(TimeSpan.FromHours(1));
        var second = await world.VendorApprovedAsync(number: 12, company: "Nanjing Office Co.", email: "nanjing@example.com");
        var reviewer = await world.ReviewerBAsync();

        var vendorList = await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20);
        Assert.Equal([(ReviewItemKind.ResellerApplication, application.Id), (ReviewItemKind.CustomerRegistration, registration)],
            vendorList.Items.Select(i => (i.Kind, i.Id)));
        Assert.Equal(2, vendorList.TotalCount);
        Assert.Equal(2, await Inbox(world).CountAsync(world.Vendor, default));

        var onlyRegistrations = await Inbox(world).ListAsync(world.Vendor, new TodoFilter { Kind = ReviewItemKind.CustomerRegistration }, 0, 20);
        Assert.Equal(registration, Assert.Single(onlyRegistrations.Items).Id);

        var distributorList = await Inbox(world).ListAsync(reviewer, new TodoFilter(), 0, 20);
        var item = Assert.Single(distributorList.Items);
        Assert.Equal((ReviewItemKind.ResellerApplication, second.Id, "Partner B"), (item.Kind, item.Id, item.Detail));
        Assert.Equal(1, await Inbox(world).CountAsync(reviewer, default));

        // A partner admin reviews nothing: no page, and a zero count for the menu.
        await Assert.ThrowsAsync<AccessDeniedException>(() => Inbox(world).ListAsync(world.AdminA, new TodoFilter(), 0, 20));
        Assert.Equal(0, await Inbox(world).CountAsync(world.AdminA, default));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Items_waiting_more_than_three_working_days_are_late_by_the_work_calendar(DatabaseProvider provider)
    {
        // Submitted Thursday 2026-11-12; on Tuesday 11-17 it has waited Fri, Mon, Tue = 3 working days: not late yet.
        var clock = TestClock.AtBeijing(2026, 11, 12);
        await using var world = await TestWorld.CreateAsync(provider, clock);
        var old = await world.SubmitAsync(number: 11);
        clock.Now = TestClock.AtBeijing(2026, 11, 17).Now;
        var fresh = await world.SubmitAsync(number: 12, company: "Fresh Co.", email: "fresh@example.com");

        var late = await Inbox(world).ListAsync(world.Vendor, new TodoFilter { OverdueOnly = true }, 0, 20);
        Assert.Empty(late.Items);

        // Wednesday: four working days (Fri, Mon, Tue, Wed) for the first, one for the second.
        clock.Now = TestClock.AtBeijing(2026, 11, 18).Now;
        late = await Inbox(world).ListAsync(world.Vendor, new TodoFilter { OverdueOnly = true }, 0, 20);
        Assert.Equal(old.Id, Assert.Single(late.Items).Id);
        Assert.Equal(new DateOnly(2026, 11, 13), late.OverdueBefore);
        var all = await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20);
        Assert.Equal([old.Id, fresh.Id], all.Items.Select(i => i.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Assigning_to_a_reviewer_shows_the_item_as_theirs_and_is_audited(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var colleague = await world.SecondVendorAsync();
        var application = await world.SubmitAsync();
        var registration = await world.RegisterAsync(world.AdminA);
        var list = await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20);
        var targets = list.Items.Select(i => new TodoTarget(i.Kind, i.Id, i.Version)).ToList();

        var reviewers = await Inbox(world).ReviewersAsync(world.Vendor);
        Assert.Contains(reviewers, r => r.UserId == colleague.UserId);
        var applicationTarget = targets.Single(t => t.Id == application.Id);
        var registrationTarget = targets.Single(t => t.Id == registration);
        var outcomes = await Inbox(world).AssignAsync(world.Vendor, [applicationTarget], colleague.UserId);

        Assert.True(Assert.Single(outcomes).Succeeded);
        var mine = await Inbox(world).ListAsync(colleague, new TodoFilter { Assignment = TodoAssignment.Mine }, 0, 20);
        Assert.Equal((application.Id, colleague.DisplayName), (Assert.Single(mine.Items).Id, mine.Items[0].AssigneeName));
        var nobodys = await Inbox(world).ListAsync(world.Vendor, new TodoFilter { Assignment = TodoAssignment.Nobody }, 0, 20);
        Assert.Equal(registration, Assert.Single(nobodys.Items).Id);
        Assert.Equal(1, await world.AuditCountAsync(application.Id.ToString(), ReviewInboxAuditActions.Assign));

        // Only reviewers of the actor's own organization can be chosen; nothing changes when refused.
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Inbox(world).AssignAsync(world.Vendor, [registrationTarget], world.AdminA.UserId));
        Assert.Equal("Todo.AssigneeUnknown", refused.FieldErrors["Assignee"]);
        Assert.Equal(1, (await Inbox(world).ListAsync(world.Vendor, new TodoFilter { Assignment = TodoAssignment.Nobody }, 0, 20)).TotalCount);
        Assert.Equal(0, await world.AuditCountAsync(registration.ToString(), ReviewInboxAuditActions.Assign));

        // Unassigning frees it again.
        await Inbox(world).AssignAsync(world.Vendor, [applicationTarget], null);
        Assert.Equal(2, (await Inbox(world).ListAsync(world.Vendor, new TodoFilter { Assignment = TodoAssignment.Nobody }, 0, 20)).TotalCount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_batch_approval_of_mixed_kinds_reports_each_outcome_and_a_stale_item_is_left_alone(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var application = await world.SubmitAsync();
        var registration = await world.RegisterAsync(world.AdminA);
        var stale = await world.SubmitAsync(number: 12, company: "Stale Co.", email: "stale@example.com");
        var list = await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20);
        var targets = list.Items.Select(i => new TodoTarget(i.Kind, i.Id, i.Id == stale.Id ? i.Version + 1 : i.Version)).ToList();

        var outcomes = await Inbox(world).ApproveAsync(world.Vendor, targets, BaseUri);

        Assert.Equal(3, outcomes.Count);
        Assert.True(outcomes.Single(o => o.Id == application.Id).Succeeded);
        Assert.True(outcomes.Single(o => o.Id == registration).Succeeded);
        var refused = outcomes.Single(o => o.Id == stale.Id);
        Assert.False(refused.Succeeded);
        Assert.Equal("Reseller.ChangedElsewhere", refused.MessageKey);
        Assert.Equal(ResellerApplicationStatus.DistributorReview, (await world.LoadApplicationAsync(application.Id)).Status);
        Assert.Equal(ResellerApplicationStatus.VendorReview, (await world.LoadApplicationAsync(stale.Id)).Status);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(RegistrationStatus.Approved, await db.CustomerRegistrations.Where(r => r.Id == registration).Select(r => r.Status).SingleAsync());
        Assert.Equal(1, await Inbox(world).CountAsync(world.Vendor, default));
    }
}
