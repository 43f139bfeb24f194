using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Features.Onboarding.Certification;
using BlazorPartner.Features.Onboarding.Network;
using BlazorPartner.Features.ReviewInbox;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static BlazorPartner.Tests.Features.Onboarding.OnboardingTestKit;

namespace BlazorPartner.Tests.Features.Onboarding;

/// <summary>The reviewers' "To do" (issue 8 §5) with R5's manual reviews and R6's certifications: listed for the vendor, decided through their own services.</summary>
public class OnboardingInboxTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_R6_the_vendor_lists_and_counts_waiting_applications_and_certifications_oldest_first(DatabaseProvider provider)
    {
        // Wednesday 2026-11-18, 10:00 Beijing: a working week around it.
        var clock = TestClock.AtBeijing(2026, 11, 18);
        await using var world = await TestWorld.CreateAsync(provider, clock);
        var application = await world.ManualReviewAsync();
        clock.Advance(TimeSpan.FromHours(1));
        var letter = await world.BankLetterInReviewAsync(world.AdminA, Code(31));
        clock.Advance(TimeSpan.FromHours(1));
        // Neither an automatic approval nor a certification waiting for its letter is a reviewer's item.
        await world.ApplyAsync(NetworkInput(12, "Approved Co.", "approved@example.com"));
        await world.SupplierAsync(Code(32), BankA, "6222020200188888888", "Beijing Partner B Co., Ltd.");
        var waitingForLetter = await world.Certifications().SubmitAsync(world.AdminB, BusinessInfo(Code(32), legalName: "Beijing Partner B Co., Ltd."));
        Assert.Equal(CertificationStatus.BankLetterRequired, waitingForLetter.Status);

        var list = await world.Inbox().ListAsync(world.Vendor, new TodoFilter(), 0, 20);

        Assert.Equal([(ReviewItemKind.NetworkApplication, application.Id), (ReviewItemKind.Certification, letter.Id)], list.Items.Select(i => (i.Kind, i.Id)));
        Assert.Equal(2, list.TotalCount);
        var applicationItem = list.Items[0];
        // "Open" opens the item itself: the list opens its dialog from the query.
        Assert.Equal((Company, application.Number, 0, $"{OnboardingRoutes.VendorApplications}?open={application.Id:D}", clock.GetUtcNow().UtcDateTime.AddHours(-2)),
            (applicationItem.Title, applicationItem.Detail, applicationItem.Version, applicationItem.Link, applicationItem.SubmittedAtUtc));
        var letterItem = list.Items[1];
        Assert.Equal((LegalNameA, "Partner A", letter.Version, $"{OnboardingRoutes.VendorCertifications}?open={letter.Id:D}", true, ReviewInboxRules.BankLetterWorkingDays),
            (letterItem.Title, letterItem.Detail, letterItem.Version, letterItem.Link, letterItem.BankLetter, letterItem.ServiceLevelWorkingDays));
        Assert.Equal(2, await world.Inbox().CountAsync(world.Vendor, default));

        var onlyCertifications = await world.Inbox().ListAsync(world.Vendor, new TodoFilter { Kind = ReviewItemKind.Certification }, 0, 20);
        Assert.Equal(letter.Id, Assert.Single(onlyCertifications.Items).Id);
        var onlyApplications = await world.Inbox().ListAsync(world.Vendor, new TodoFilter { Kind = ReviewItemKind.NetworkApplication }, 0, 20);
        Assert.Equal(application.Id, Assert.Single(onlyApplications.Items).Id);

        // Assigned like any other item.
        var outcomes = await world.Inbox().AssignAsync(world.Vendor, [new TodoTarget(ReviewItemKind.Certification, letter.Id, letter.Version)], world.Vendor.UserId);
        Assert.True(Assert.Single(outcomes).Succeeded);
        var mine = await world.Inbox().ListAsync(world.Vendor, new TodoFilter { Assignment = TodoAssignment.Mine }, 0, 20);
        Assert.Equal((letter.Id, "Vendor Op"), (Assert.Single(mine.Items).Id, mine.Items[0].AssigneeName));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_R6_a_mixed_batch_is_approved_through_each_kinds_own_service_a_stale_item_and_a_bank_letter_are_left_alone(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var application = await world.ManualReviewAsync();
        var letter = await world.BankLetterInReviewAsync(world.AdminA, Code(31));
        var holder = await world.Certifications().SubmitAsync(world.AdminB, BusinessInfo(Code(32), legalName: "Beijing Partner B Co., Ltd.", holder: "Wang Fang"));
        Assert.Equal(CertificationStatus.ManualReview, holder.Status);
        var list = await world.Inbox().ListAsync(world.Vendor, new TodoFilter(), 0, 20);
        Assert.Equal(3, list.TotalCount);
        // The page showed Partner B's certification one version ago.
        var targets = list.Items.Select(i => new TodoTarget(i.Kind, i.Id, i.Id == holder.Id ? i.Version + 1 : i.Version)).ToList();

        var outcomes = await world.Inbox().ApproveAsync(world.Vendor, targets, BaseUri);

        Assert.Equal(3, outcomes.Count);
        var applicationOutcome = outcomes.Single(o => o.Id == application.Id);
        Assert.Equal((ReviewItemKind.NetworkApplication, true, Company), (applicationOutcome.Kind, applicationOutcome.Succeeded, applicationOutcome.Title));
        // R6: a reviewer processes a bank letter; a batch never approves one unseen.
        var letterOutcome = outcomes.Single(o => o.Id == letter.Id);
        Assert.Equal((ReviewItemKind.Certification, false, LegalNameA, "Todo.OpenBankLetter"), (letterOutcome.Kind, letterOutcome.Succeeded, letterOutcome.Title, letterOutcome.MessageKey));
        Assert.Equal((CertificationStatus.BankLetterReview, letter.Version), ((await world.LoadCertificationAsync(world.PartnerA)).Status, (await world.LoadCertificationAsync(world.PartnerA)).Version));
        var stale = outcomes.Single(o => o.Id == holder.Id);
        Assert.Equal((false, "Certification.ChangedMeanwhile"), (stale.Succeeded, stale.MessageKey));

        // R5 through its service: the partner enrolled, the decision audited.
        var approved = await world.LoadNetworkAsync(application.Id);
        Assert.Equal((NetworkApplicationStatus.Approved, "Vendor Op"), (approved.Status, approved.DecidedByName));
        await using var db = await world.Factory.CreateSystemAsync();
        var partner = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == approved.PartnerOrganizationId);
        Assert.Equal((Company, OrganizationKind.SolutionProvider), (partner.Name, partner.Kind));
        Assert.Equal(ContactEmail, (await db.MemberInvitations.AsNoTracking().SingleAsync(i => i.OrganizationId == partner.Id)).Email);
        Assert.Equal([OnboardingAuditActions.Approve], (await world.AuditsAsync(application.Id)).Select(a => a.Action));

        // R6 opened on its own page: certified, and the supplier record takes the bank details the letter proves.
        await world.Certifications().ApproveAsync(world.Vendor, new CertificationTarget(letter.Id, letter.Version));
        var certified = await world.LoadCertificationAsync(world.PartnerA);
        Assert.Equal((CertificationStatus.Certified, "Vendor Op"), (certified.Status, certified.DecidedByName));
        Assert.Equal(Account, (await world.LoadSupplierAsync(Code(31))).BankAccount);
        Assert.Equal(OnboardingAuditActions.CertificationApprove, (await world.AuditsAsync(letter.Id))[^1].Action);

        var untouched = await world.LoadCertificationAsync(world.PartnerB);
        Assert.Equal((CertificationStatus.ManualReview, holder.Version), (untouched.Status, untouched.Version));
        Assert.DoesNotContain(await world.AuditsAsync(holder.Id), a => a.Action == OnboardingAuditActions.CertificationApprove);
        Assert.Equal(1, await world.Inbox().CountAsync(world.Vendor, default));
        Assert.Equal(holder.Id, Assert.Single((await world.Inbox().ListAsync(world.Vendor, new TodoFilter(), 0, 20)).Items).Id);

        // Again: the decided ones report who was first, through their services.
        var again = await world.Inbox().ApproveAsync(world.Vendor, [targets.Single(t => t.Id == application.Id), targets.Single(t => t.Id == letter.Id)], BaseUri);
        Assert.Equal([(false, "Network.AlreadyDecided"), (false, "Certification.AlreadyChanged")], again.Select(o => (o.Succeeded, o.MessageKey)));
        Assert.Equal(4, await db.Organizations.CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_R6_a_partner_sees_none_of_these_items_and_cannot_approve_them(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var application = await world.ManualReviewAsync();
        var letter = await world.BankLetterInReviewAsync(world.AdminA, Code(31));
        var reviewerB = await world.UserAsync(world.PartnerB, "rev-b", "Reviewer B", AppRoles.DistributorReviewer);
        var targets = new List<TodoTarget>
        {
            new(ReviewItemKind.NetworkApplication, application.Id, (await world.NetworkTargetAsync(application.Id)).ExpectedVersion),
            new(ReviewItemKind.Certification, letter.Id, letter.Version),
        };
        var rows = await world.CountOnboardingRowsAsync();

        // A partner admin reviews nothing: no page, a zero count, no batch — not even its own certification.
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Inbox().ListAsync(world.AdminA, new TodoFilter(), 0, 20));
        Assert.Equal(0, await world.Inbox().CountAsync(world.AdminA, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Inbox().ApproveAsync(world.AdminA, targets, BaseUri));

        // A distributor's reviewer has a To do (reseller applications), but none of these in it.
        var list = await world.Inbox().ListAsync(reviewerB, new TodoFilter(), 0, 20);
        Assert.Equal((0, 0), (list.Items.Count, list.TotalCount));
        Assert.Empty((await world.Inbox().ListAsync(reviewerB, new TodoFilter { Kind = ReviewItemKind.NetworkApplication }, 0, 20)).Items);
        Assert.Empty((await world.Inbox().ListAsync(reviewerB, new TodoFilter { Kind = ReviewItemKind.Certification }, 0, 20)).Items);
        Assert.Equal(0, await world.Inbox().CountAsync(reviewerB, default));

        // Its batch reaches the onboarding services, which refuse it, and does not even name the items.
        var outcomes = await world.Inbox().ApproveAsync(reviewerB, targets, BaseUri);
        Assert.Equal([(false, "Error.AccessDenied", ""), (false, "Error.AccessDenied", "")], outcomes.Select(o => (o.Succeeded, o.MessageKey, o.Title)));
        var assigned = await world.Inbox().AssignAsync(reviewerB, targets, reviewerB.UserId);
        Assert.All(assigned, o => Assert.Equal((false, "Todo.NoLongerPending"), (o.Succeeded, o.MessageKey)));

        Assert.Equal(rows, await world.CountOnboardingRowsAsync());
        Assert.Equal(NetworkApplicationStatus.ManualReview, (await world.LoadNetworkAsync(application.Id)).Status);
        Assert.Equal((CertificationStatus.BankLetterReview, letter.Version), ((await world.LoadCertificationAsync(world.PartnerA)).Status, (await world.LoadCertificationAsync(world.PartnerA)).Version));
        // The vendor still has both.
        Assert.Equal(2, await world.Inbox().CountAsync(world.Vendor, default));
    }
}
