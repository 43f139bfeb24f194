using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Customers.Registrations;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Features.Onboarding.Certification;
using BlazorPartner.Features.Resellers;
using BlazorPartner.Features.ReviewInbox;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Live;
using BlazorPartner.Tests.Features.Customers.Registrations;
using BlazorPartner.Tests.Features.Onboarding;
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

        // "Open" opens the item itself: an application's dialog from the list's query; a registration (no page of its own)
        // alone in the vendor's inbox, found by its credit code.
        var code = await RegistrationCodeAsync(world, registration);
        Assert.Equal([$"{ResellerRoutes.VendorApplications}?open={application.Id:D}", $"{RegistrationRoutes.VendorInbox}?search={code}"],
            vendorList.Items.Select(i => i.Link));

        var distributorList = await Inbox(world).ListAsync(reviewer, new TodoFilter(), 0, 20);
        var item = Assert.Single(distributorList.Items);
        Assert.Equal((ReviewItemKind.ResellerApplication, second.Id, "Partner B"), (item.Kind, item.Id, item.Detail));
        Assert.Equal($"{ResellerRoutes.DistributorApplications}?open={second.Id:D}", item.Link);
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
        Assert.Equal((old.Id, true, 3), (Assert.Single(late.Items).Id, late.Items[0].Late, late.Items[0].ServiceLevelWorkingDays));
        var all = await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20);
        Assert.Equal([(old.Id, true), (fresh.Id, false)], all.Items.Select(i => (i.Id, i.Late)));
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

        // Unassigning (what the reviewer now sees) frees it again.
        await Inbox(world).AssignAsync(world.Vendor, [applicationTarget with { SeenAssigneeUserId = colleague.UserId }], null);
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

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_a_bank_letter_is_late_after_five_working_days_the_other_kinds_after_three(DatabaseProvider provider)
    {
        // Thursday 2026-11-12: a partner-network application in manual review and a bank letter.
        var clock = TestClock.AtBeijing(2026, 11, 12);
        await using var world = await TestWorld.CreateAsync(provider, clock);
        var application = await world.ManualReviewAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        var letter = await world.BankLetterInReviewAsync(world.AdminA, OnboardingTestKit.Code(31));

        // Wednesday 11-18: four working days (Fri, Mon, Tue, Wed): the application is late, the letter (5) is not.
        clock.Now = TestClock.AtBeijing(2026, 11, 18).Now;
        var all = await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20);
        Assert.Equal([(application.Id, 3, true, false), (letter.Id, 5, false, true)],
            all.Items.Select(i => (i.Id, i.ServiceLevelWorkingDays, i.Late, i.BankLetter)));
        Assert.Equal(application.Id, Assert.Single((await Inbox(world).ListAsync(world.Vendor, new TodoFilter { OverdueOnly = true }, 0, 20)).Items).Id);

        // Thursday 11-19: five working days, still within the letter's level; Friday 11-20: six, late.
        clock.Now = TestClock.AtBeijing(2026, 11, 19).Now;
        Assert.Single((await Inbox(world).ListAsync(world.Vendor, new TodoFilter { OverdueOnly = true }, 0, 20)).Items);
        clock.Now = TestClock.AtBeijing(2026, 11, 20).Now;
        var late = await Inbox(world).ListAsync(world.Vendor, new TodoFilter { OverdueOnly = true, Kind = ReviewItemKind.Certification }, 0, 20);
        Assert.Equal((letter.Id, true), (Assert.Single(late.Items).Id, late.Items[0].Late));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_a_batch_approval_leaves_a_bank_letter_for_its_own_page_and_approves_the_rest(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var letter = await world.BankLetterInReviewAsync(world.AdminA, OnboardingTestKit.Code(31));
        var registration = await world.RegisterAsync(world.AdminA);
        var list = await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20);

        var outcomes = await Inbox(world).ApproveAsync(world.Vendor, list.Items.Select(i => new TodoTarget(i.Kind, i.Id, i.Version)).ToList(), BaseUri);

        Assert.Equal([(letter.Id, false, "Todo.OpenBankLetter"), (registration, true, null)], outcomes.OrderBy(o => o.Succeeded).Select(o => (o.Id, o.Succeeded, o.MessageKey)));
        var untouched = await world.LoadCertificationAsync(world.PartnerA);
        Assert.Equal((CertificationStatus.BankLetterReview, letter.Version, (string?)null), (untouched.Status, untouched.Version, untouched.DecidedByName));
        Assert.DoesNotContain(await world.AuditsAsync(letter.Id), a => a.Action == OnboardingAuditActions.CertificationApprove);
        Assert.Equal(letter.Id, Assert.Single((await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20)).Items).Id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Deciding_or_assigning_tells_every_reviewer_of_that_queue_and_no_other(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (_, reviewerD) = await world.SecondDistributorAsync();
        var application = await world.SubmitAsync(distributor: world.PartnerB);
        var registration = await world.RegisterAsync(world.AdminA);
        var letter = await world.BankLetterInReviewAsync(world.AdminA, OnboardingTestKit.Code(31));
        var reviewerB = await world.ReviewerBAsync();
        var feed = world.Get<ChangeFeed>();
        var (vendor, partnerB, partnerD) = (0, 0, 0);
        using var v = feed.Subscribe(LiveTopics.ReviewQueueOf(world.Vendor), () => vendor++);
        using var b = feed.Subscribe(LiveTopics.ReviewQueueOf(reviewerB), () => partnerB++);
        using var d = feed.Subscribe(LiveTopics.ReviewQueueOf(reviewerD), () => partnerD++);
        // The menu's count watches the same queue; someone who reviews nothing watches none.
        Assert.Equal([LiveTopics.VendorReviewQueue], Inbox(world).Topics(world.Vendor));
        Assert.Empty(Inbox(world).Topics(world.AdminA));

        // The vendor passes the application on from the To do: both levels' screens re-read.
        var pending = (await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20)).Items.ToDictionary(i => i.Id, i => i.Version);
        Assert.True(Assert.Single(await Inbox(world).ApproveAsync(world.Vendor, [new TodoTarget(ReviewItemKind.ResellerApplication, application.Id, pending[application.Id])], BaseUri)).Succeeded);
        Assert.Equal((1, 1, 0), (vendor, partnerB, partnerD));

        // A decision through the slice's own service, not the inbox, tells every vendor reviewer too.
        await world.Registrations().ApproveAsync(world.Vendor, new RegistrationTarget(registration, pending[registration]));
        Assert.Equal((2, 1, 0), (vendor, partnerB, partnerD));
        await world.Certifications().RejectAsync(world.Vendor, new RejectCertificationInput(new CertificationTarget(letter.Id, letter.Version), "Illegible letter"));
        Assert.Equal((3, 1, 0), (vendor, partnerB, partnerD));

        // An assignment at the distributor's level tells that distributor's reviewers only.
        var waiting = Assert.Single((await Inbox(world).ListAsync(reviewerB, new TodoFilter(), 0, 20)).Items);
        await Inbox(world).AssignAsync(reviewerB, [new TodoTarget(waiting.Kind, waiting.Id, waiting.Version)], reviewerB.UserId);
        Assert.Equal((3, 2, 0), (vendor, partnerB, partnerD));

        // A refused decision tells nobody.
        Assert.False(Assert.Single(await Inbox(world).ApproveAsync(reviewerB, [new TodoTarget(waiting.Kind, waiting.Id, waiting.Version + 1)], BaseUri)).Succeeded);
        Assert.Equal((3, 2, 0), (vendor, partnerB, partnerD));

        // The distributor decides on its own list (the reseller slice's service, not the inbox): both levels' screens re-read.
        await world.Reviews().DistributorRejectAsync(reviewerB, new RejectApplicationInput(await world.TargetAsync(application.Id), "Outside our region"));
        Assert.Equal((4, 3, 0), (vendor, partnerB, partnerD));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Assigning_an_item_someone_else_assigned_meanwhile_says_who_was_first_and_the_rest_are_done(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var colleague = await world.SecondVendorAsync();
        var application = await world.SubmitAsync();
        var registration = await world.RegisterAsync(world.AdminA);
        var seen = (await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20)).Items
            .Select(i => new TodoTarget(i.Kind, i.Id, i.Version) { SeenAssigneeUserId = i.AssigneeUserId }).ToList();

        // The colleague takes the application while the vendor's page still shows it unassigned.
        Assert.True(Assert.Single(await Inbox(world).AssignAsync(colleague, [seen.Single(t => t.Id == application.Id)], colleague.UserId)).Succeeded);
        var outcomes = await Inbox(world).AssignAsync(world.Vendor, seen, world.Vendor.UserId);

        var first = outcomes.Single(o => o.Id == application.Id);
        Assert.Equal((false, "Todo.AssignedFirst"), (first.Succeeded, first.MessageKey));
        Assert.Equal([colleague.DisplayName, colleague.DisplayName], first.Arguments);
        Assert.True(outcomes.Single(o => o.Id == registration).Succeeded);
        var assignees = (await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20)).Items.ToDictionary(i => i.Id, i => i.AssigneeName);
        Assert.Equal((colleague.DisplayName, world.Vendor.DisplayName), (assignees[application.Id], assignees[registration]));
        Assert.Equal(1, await world.AuditCountAsync(application.Id.ToString(), ReviewInboxAuditActions.Assign));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_reviewer_whose_namesake_took_an_item_meanwhile_is_told_and_overwrites_nothing(DatabaseProvider provider)
    {
        // Display names need not be unique: what the reviewer saw is compared by account.
        await using var world = await TestWorld.CreateAsync(provider);
        var namesake = await world.AddUserAsync(world.VendorOrg, "vendor-namesake", world.Vendor.DisplayName, AppRoles.VendorOperator);
        var application = await world.SubmitAsync();
        var item = Assert.Single((await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20)).Items);
        await Inbox(world).AssignAsync(world.Vendor, [new TodoTarget(item.Kind, item.Id, item.Version)], world.Vendor.UserId);
        var seen = Assert.Single((await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20)).Items);
        Assert.Equal((world.Vendor.UserId, world.Vendor.DisplayName), (seen.AssigneeUserId, seen.AssigneeName));

        // The namesake takes it over; the first reviewer's page still shows it with "their" name.
        Assert.True(Assert.Single(await Inbox(world).AssignAsync(namesake, [new TodoTarget(seen.Kind, seen.Id, seen.Version) { SeenAssigneeUserId = seen.AssigneeUserId }], namesake.UserId)).Succeeded);
        var outcome = Assert.Single(await Inbox(world).AssignAsync(world.Vendor, [new TodoTarget(seen.Kind, seen.Id, seen.Version) { SeenAssigneeUserId = seen.AssigneeUserId }], null));

        Assert.Equal((false, "Todo.AssignedFirst"), (outcome.Succeeded, outcome.MessageKey));
        Assert.Equal(namesake.UserId, Assert.Single((await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20)).Items).AssigneeUserId);
        Assert.Equal(application.Id, outcome.Id);
        // Two assignments audited, the refused one not.
        Assert.Equal(2, await world.AuditCountAsync(application.Id.ToString(), ReviewInboxAuditActions.Assign));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_reviewers_assigning_the_same_unassigned_items_at_once_one_wins_each_and_the_other_is_told_who(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var colleague = await world.SecondVendorAsync();
        await world.SubmitAsync();
        await world.SubmitAsync(number: 12, company: "Second Co.", email: "second@example.com");
        await world.RegisterAsync(world.AdminA);
        var targets = (await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20)).Items.Select(i => new TodoTarget(i.Kind, i.Id, i.Version)).ToList();

        // Each assigns the whole page to themselves at the same moment: before, the primary key failed a whole batch.
        var results = await Task.WhenAll(
            Task.Run(() => Inbox(world).AssignAsync(world.Vendor, targets, world.Vendor.UserId)),
            Task.Run(() => Inbox(world).AssignAsync(colleague, targets, colleague.UserId)));

        var final = (await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20)).Items.ToDictionary(i => i.Id, i => i.AssigneeName);
        foreach (var target in targets)
        {
            var mine = results[0].Single(o => o.Id == target.Id);
            var theirs = results[1].Single(o => o.Id == target.Id);
            Assert.True(mine.Succeeded ^ theirs.Succeeded);
            var loser = mine.Succeeded ? theirs : mine;
            var winner = mine.Succeeded ? world.Vendor.DisplayName : colleague.DisplayName;
            Assert.Equal(("Todo.AssignedFirst", (object)winner), (loser.MessageKey, loser.Arguments[1]));
            Assert.Equal(winner, final[target.Id]);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_assignee_is_notified_by_bell_and_mail_once_per_batch_unless_they_assigned_themselves(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var colleague = await world.SecondVendorAsync();
        var application = await world.SubmitAsync();
        await world.RegisterAsync(world.AdminA);
        var targets = (await Inbox(world).ListAsync(world.Vendor, new TodoFilter(), 0, 20)).Items.Select(i => new TodoTarget(i.Kind, i.Id, i.Version)).ToList();

        await Inbox(world).AssignAsync(world.Vendor, targets, colleague.UserId);

        var bell = Assert.Single(await world.NotificationsAsync(ReviewInboxNotifications.Assigned));
        Assert.Equal((colleague.UserId, "Notification.TodoAssignedMany", ReviewInboxRoutes.Todo), (bell.RecipientUserId, bell.MessageKey, bell.Link));
        Assert.Contains(await world.MailsToAsync("vendor-2@test"), m => m.Kind == ReviewInboxNotifications.Assigned);

        // Taking an item oneself, or giving it back, tells nobody.
        var taken = targets.Single(t => t.Id == application.Id) with { SeenAssigneeUserId = colleague.UserId };
        Assert.True(Assert.Single(await Inbox(world).AssignAsync(colleague, [taken], null)).Succeeded);
        Assert.True(Assert.Single(await Inbox(world).AssignAsync(colleague, [taken with { SeenAssigneeUserId = null }], colleague.UserId)).Succeeded);
        Assert.Single(await world.NotificationsAsync(ReviewInboxNotifications.Assigned));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unbinding_a_member_returns_their_items_to_nobody(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var application = await world.VendorApprovedAsync(distributor: world.PartnerB);
        var reviewer = await world.ReviewerBAsync();
        var other = await world.ReviewerBAsync(login: "rev-b2", name: "Reviewer B2");
        var item = Assert.Single((await Inbox(world).ListAsync(reviewer, new TodoFilter(), 0, 20)).Items);
        await Inbox(world).AssignAsync(reviewer, [new TodoTarget(item.Kind, item.Id, item.Version)], reviewer.UserId);
        Assert.Empty((await Inbox(world).ListAsync(other, new TodoFilter { Assignment = TodoAssignment.Nobody }, 0, 20)).Items);
        var told = 0;
        using var listening = world.Get<ChangeFeed>().Subscribe(LiveTopics.ReviewQueueOf(other), () => told++);

        await world.Get<MemberDirectory>().UnbindAsync(world.AdminB, reviewer.UserId);

        // The colleague's open To do re-reads: the item is back with nobody.
        Assert.Equal(1, told);

        var nobodys = await Inbox(world).ListAsync(other, new TodoFilter { Assignment = TodoAssignment.Nobody }, 0, 20);
        Assert.Equal((application.Id, (string?)null), (Assert.Single(nobodys.Items).Id, nobodys.Items[0].AssigneeName));
        Assert.Equal(2, await world.AuditCountAsync(application.Id.ToString(), ReviewInboxAuditActions.Assign));
    }

    private static async Task<string> RegistrationCodeAsync(TestWorld world, Guid registration)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.CustomerRegistrations.Where(r => r.Id == registration).Select(r => r.CreditCode).SingleAsync();
    }
}
