using System.Globalization;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Resellers;
using BlazorPartner.Features.ReviewInbox;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Localization;
using BlazorPartner.Platform.Notifications;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static BlazorPartner.Tests.Features.Resellers.ResellerTestKit;

namespace BlazorPartner.Tests.Features.Resellers;

/// <summary>R40's two review levels: the vendor first, then the distributor the company named; each decision once, by whoever was first.</summary>
public class ResellerReviewTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_vendor_then_distributor_approval_creates_the_reseller_under_the_distributor_and_invites_its_admin(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var submitted = await world.SubmitAsync();

        world.Clock.Advance(TimeSpan.FromHours(1));
        await world.Reviews().VendorApproveAsync(world.Vendor, await world.TargetAsync(submitted.Id));

        var afterVendor = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal((ResellerApplicationStatus.DistributorReview, "Vendor Op", world.Clock.GetUtcNow().UtcDateTime),
            (afterVendor.Status, afterVendor.DecidedByName, afterVendor.DecidedAtUtc));
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            // Partner B's reviewer is told; Partner B's admin does not decide applications and is not.
            var bells = await db.Set<Notification>().AsNoTracking().Where(n => n.Kind == ResellerNotifications.ForDistributor).ToListAsync();
            var bell = Assert.Single(bells);
            Assert.Equal((reviewer.UserId, world.PartnerB, ResellerRoutes.DistributorApplications), (bell.RecipientUserId, bell.OrganizationId, bell.Link));
            Assert.Single(await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Kind == ResellerNotifications.ForDistributor).ToListAsync(), m => m.Recipient == "rev-b@test");

            // §6: the applicant is told too: approved by the vendor, now with the distributor it named.
            var passedOn = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Recipient == ContactEmail && m.Kind == ResellerApplicationIntake.MailKind).OrderBy(m => m.CreatedAtUtc).ToListAsync();
            Assert.Equal(2, passedOn.Count);
            Assert.Equal($"Reseller application {submitted.Number} approved by the vendor", passedOn[1].Subject);
            Assert.Contains(submitted.Number, passedOn[1].Body);
            Assert.Contains("now with the distributor Partner B", passedOn[1].Body);
        }

        var waiting = await world.ResellerQueries().ListAsync(reviewer, ApplicationFilter.ToReview, 0, 20);
        Assert.Equal(submitted.Id, Assert.Single(waiting.Items).Id);
        Assert.Equal(1, await world.ResellerQueries().WaitingCountAsync(reviewer));

        world.Clock.Advance(TimeSpan.FromHours(1));
        var resellerId = await world.Reviews().DistributorApproveAsync(reviewer, await world.TargetAsync(submitted.Id), BaseUri);

        var approved = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal((ResellerApplicationStatus.Approved, "Reviewer B", resellerId, Code()),
            (approved.Status, approved.DecidedByName, approved.ResellerOrganizationId, approved.HeldCreditCode));
        Assert.Equal([ResellerEventKind.Submitted, ResellerEventKind.VendorApproved, ResellerEventKind.DistributorApproved],
            (await world.EventsAsync(submitted.Id)).Select(e => e.Kind));

        await using var check = await world.Factory.CreateSystemAsync();
        var reseller = await check.Organizations.AsNoTracking().SingleAsync(o => o.Id == resellerId);
        Assert.Equal(("Suzhou Cloud Reseller Co.", OrganizationKind.Reseller, (Guid?)world.PartnerB), (reseller.Name, reseller.Kind, reseller.ParentOrganizationId));

        var invitation = await check.MemberInvitations.AsNoTracking().SingleAsync(i => i.OrganizationId == resellerId);
        Assert.Equal((ContactEmail, ContactEmail.ToUpperInvariant(), AppRoles.PartnerAdmin, MemberInvitationStatus.Invited, "Reviewer B"),
            (invitation.Email, invitation.NormalizedEmail, invitation.Roles, invitation.Status, invitation.InvitedByName));
        Assert.True(invitation.ExpiresAtUtc > world.Clock.GetUtcNow().UtcDateTime);
        var invitationMail = await check.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Kind == MemberInvitations.MailKind);
        Assert.Equal((ContactEmail, (Guid?)resellerId), (invitationMail.Recipient, invitationMail.OrganizationId));
        Assert.Contains(BaseUri.TrimEnd('/'), invitationMail.Body);
        // §6: the final approval reaches the applicant in the invitation itself: approved, its number, then the join link.
        Assert.Equal($"Reseller application {submitted.Number} approved: Suzhou Cloud Reseller Co. invites you to its partner console", invitationMail.Subject);
        Assert.StartsWith($"Your reseller application {submitted.Number} was approved by the vendor and by the distributor Partner B", invitationMail.Body);
        Assert.Contains("/join/", invitationMail.Body);

        var audits = await check.AuditEntries.AsNoTracking().Where(a => a.EntityId == submitted.Id.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([(ResellerAuditActions.VendorApprove, "Vendor Op"), (ResellerAuditActions.DistributorApprove, "Reviewer B")],
            audits.Select(a => (a.Action, a.ActorName)));
        Assert.All(audits, a => Assert.Equal(world.PartnerB, a.OrganizationId));
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.EntityId == invitation.Id.ToString() && a.Action == MemberAuditActions.Invite));

        Assert.Empty((await world.ResellerQueries().ListAsync(reviewer, ApplicationFilter.ToReview, 0, 20)).Items);
        var all = Assert.Single((await world.ResellerQueries().ListAsync(reviewer, ApplicationFilter.All, 0, 20)).Items);
        Assert.Equal((ResellerApplicationStatus.Approved, "Partner B", "Reviewer B"), (all.Status, all.DistributorName, all.DecidedByName));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_each_level_decides_only_its_own_and_nobody_else_reads_the_applications(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var submitted = await world.SubmitAsync();
        var target = await world.TargetAsync(submitted.Id);

        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Reviews().VendorApproveAsync(reviewer, target));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Reviews().VendorRejectAsync(reviewer, new RejectApplicationInput(target, "No")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Reviews().VendorApproveAsync(world.AdminB, target));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Reviews().DistributorApproveAsync(world.Vendor, target, BaseUri));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Reviews().DistributorRejectAsync(world.Vendor, new RejectApplicationInput(target, "No")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Reviews().DistributorApproveManyAsync(world.Vendor, [target], BaseUri));
        // Partner A is a solution provider, Partner B's admin is no reviewer: neither reads the applications.
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.ResellerQueries().ListAsync(world.AdminA, ApplicationFilter.All, 0, 20));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.ResellerQueries().ListAsync(world.AdminB, ApplicationFilter.All, 0, 20));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.ResellerQueries().DetailAsync(world.AdminA, submitted.Id));
        Assert.Null(await world.ResellerQueries().AttachmentAsync(world.AdminB, submitted.Id, Guid.NewGuid()));

        // Still in the vendor's queue: not yet Partner B's to see or decide.
        Assert.Equal(0, (await world.ResellerQueries().ListAsync(reviewer, ApplicationFilter.All, 0, 20)).TotalCount);
        Assert.Equal(0, await world.ResellerQueries().WaitingCountAsync(reviewer));
        await Assert.ThrowsAsync<NotFoundException>(() => world.ResellerQueries().DetailAsync(reviewer, submitted.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Reviews().DistributorApproveAsync(reviewer, target, BaseUri));
        var attachmentId = Assert.Single((await world.ResellerQueries().DetailAsync(world.Vendor, submitted.Id)).Attachments).Id;
        Assert.Null(await world.ResellerQueries().AttachmentAsync(reviewer, submitted.Id, attachmentId));
        Assert.NotNull(await world.ResellerQueries().AttachmentAsync(world.Vendor, submitted.Id, attachmentId));

        var vendorQueue = await world.ResellerQueries().ListAsync(world.Vendor, ApplicationFilter.ToReview, 0, 20);
        Assert.Equal(submitted.Id, Assert.Single(vendorQueue.Items).Id);
        // Every refused decision above stored nothing: same version, no history step, no audit row.
        Assert.Equal((ResellerApplicationStatus.VendorReview, target.ExpectedVersion), ((await world.LoadApplicationAsync(submitted.Id)).Status, (await world.LoadApplicationAsync(submitted.Id)).Version));
        Assert.Equal([ResellerEventKind.Submitted], (await world.EventsAsync(submitted.Id)).Select(e => e.Kind));
        await using (var audit = await world.Factory.CreateSystemAsync())
        {
            Assert.Equal(0, await audit.AuditEntries.CountAsync(a => a.EntityId == submitted.Id.ToString()));
        }
        var application = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal((ResellerApplicationStatus.VendorReview, target.ExpectedVersion, null), (application.Status, application.Version, application.DecidedByName));
        Assert.Single(await world.EventsAsync(submitted.Id));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.AuditEntries.CountAsync());
        Assert.Equal(0, await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Reseller));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_a_distributor_sees_and_decides_only_the_applications_that_name_it(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewerB = await world.ReviewerBAsync();
        var (partnerD, reviewerD) = await world.SecondDistributorAsync();
        var forB = await world.VendorApprovedAsync(11);
        var forD = await world.VendorApprovedAsync(12, partnerD, "Hangzhou Reseller Co.", "hz@reseller.example");
        var forDAttachment = Assert.Single((await world.ResellerQueries().DetailAsync(world.Vendor, forD.Id)).Attachments).Id;
        var forDTarget = await world.TargetAsync(forD.Id);

        Assert.Equal([forB.Id], (await world.ResellerQueries().ListAsync(reviewerB, ApplicationFilter.All, 0, 20)).Items.Select(r => r.Id));
        Assert.Equal([forD.Id], (await world.ResellerQueries().ListAsync(reviewerD, ApplicationFilter.ToReview, 0, 20)).Items.Select(r => r.Id));
        Assert.Equal(2, (await world.ResellerQueries().ListAsync(world.Vendor, ApplicationFilter.All, 0, 20)).TotalCount);
        await Assert.ThrowsAsync<NotFoundException>(() => world.ResellerQueries().DetailAsync(reviewerB, forD.Id));
        Assert.Null(await world.ResellerQueries().AttachmentAsync(reviewerB, forD.Id, forDAttachment));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Reviews().DistributorApproveAsync(reviewerB, forDTarget, BaseUri));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Reviews().DistributorRejectAsync(reviewerB, new RejectApplicationInput(forDTarget, "Not ours")));
        var batch = Assert.Single(await world.Reviews().DistributorApproveManyAsync(reviewerB, [forDTarget], BaseUri));
        Assert.False(batch.Succeeded);
        Assert.Equal("", batch.CompanyName); // another distributor's company is not even named

        var untouched = await world.LoadApplicationAsync(forD.Id);
        Assert.Equal((ResellerApplicationStatus.DistributorReview, forDTarget.ExpectedVersion), (untouched.Status, untouched.Version));

        var file = await world.ResellerQueries().AttachmentAsync(reviewerD, forD.Id, forDAttachment);
        Assert.Equal(PdfBytes(), Assert.IsType<ResellerApplicationAttachment>(file).Content);
        var detail = await world.ResellerQueries().DetailAsync(reviewerD, forD.Id);
        Assert.Equal(("Hangzhou Reseller Co.", "Partner D"), (detail.CompanyName, detail.DistributorName));
        var resellerId = await world.Reviews().DistributorApproveAsync(reviewerD, forDTarget, BaseUri);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal((Guid?)partnerD, await db.Organizations.Where(o => o.Id == resellerId).Select(o => o.ParentOrganizationId).SingleAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_a_rejection_needs_a_reason_which_the_applicant_reads_and_a_corrected_resubmission_starts_round_2(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var submitted = await world.SubmitAsync();
        var target = await world.TargetAsync(submitted.Id);

        var noReason = await Assert.ThrowsAsync<ValidationException>(() => world.Reviews().VendorRejectAsync(world.Vendor, new RejectApplicationInput(target, "   ")));
        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => world.Reviews().VendorRejectAsync(world.Vendor, new RejectApplicationInput(target, new string('x', ResellerRules.MaxReason + 1))));
        Assert.Equal("Validation.Required", noReason.FieldErrors["Reason"]);
        Assert.Equal("Validation.TooLong", tooLong.FieldErrors["Reason"]);
        var unchanged = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal((ResellerApplicationStatus.VendorReview, target.ExpectedVersion), (unchanged.Status, unchanged.Version));
        Assert.Equal(0, await world.AuditCountAsync(submitted.Id.ToString(), ResellerAuditActions.VendorReject));

        world.Clock.Advance(TimeSpan.FromHours(2));
        await world.Reviews().VendorRejectAsync(world.Vendor, new RejectApplicationInput(target, " The licence scan is unreadable. "));

        var rejected = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal((ResellerApplicationStatus.Rejected, (ResellerReviewLevel?)ResellerReviewLevel.Vendor, "The licence scan is unreadable.", "Vendor Op", null),
            (rejected.Status, rejected.RejectedAt, rejected.RejectionReason, rejected.DecidedByName, rejected.HeldCreditCode));
        Assert.Equal(1, await world.AuditCountAsync(submitted.Id.ToString(), ResellerAuditActions.VendorReject));
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == ResellerAuditActions.VendorReject);
            Assert.Equal("The licence scan is unreadable.", audit.Reason);
            var mails = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Recipient == ContactEmail).ToListAsync();
            Assert.Equal(2, mails.Count);
            Assert.Contains(mails, m => m.Body.Contains("The licence scan is unreadable.", StringComparison.Ordinal));
        }

        var opened = await world.Intake().OpenAsync(submitted.Token);
        Assert.Equal((ResellerApplicationStatus.Rejected, (ResellerReviewLevel?)ResellerReviewLevel.Vendor, "The licence scan is unreadable.", true),
            (opened.Status, opened.RejectedAt, opened.RejectionReason, opened.CanResubmit));
        Assert.Equal((ResellerEventKind.VendorRejected, "The licence scan is unreadable.", "Vendor Op"),
            (opened.History[^1].Kind, opened.History[^1].Reason, opened.History[^1].ActorName));
        // A vendor rejection never reaches the distributor.
        Assert.Equal(0, (await world.ResellerQueries().ListAsync(reviewer, ApplicationFilter.All, 0, 20)).TotalCount);
        await Assert.ThrowsAsync<NotFoundException>(() => world.ResellerQueries().DetailAsync(reviewer, submitted.Id));

        world.Clock.Advance(TimeSpan.FromDays(1));
        var corrected = Input(world.PartnerB, company: "Suzhou Cloud Reseller Co., Ltd.") with { ContactPhone = "13900001111" };
        await world.Intake().ResubmitAsync(submitted.Token, corrected, [Upload("licence-clear.pdf", PdfBytes("clear"))], BaseUri);

        var round2 = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal((2, ResellerApplicationStatus.VendorReview, null, null, null),
            (round2.Round, round2.Status, round2.RejectedAt, round2.RejectionReason, round2.DecidedByName));
        Assert.Equal(("Suzhou Cloud Reseller Co., Ltd.", "13900001111", Code(), world.Clock.GetUtcNow().UtcDateTime),
            (round2.CompanyName, round2.ContactPhone, round2.HeldCreditCode, round2.RoundSubmittedAtUtc));
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime.AddDays(-1).AddHours(-2), round2.SubmittedAtUtc);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, round2.WaitingSinceUtc);

        var detail = await world.Intake().OpenAsync(submitted.Token);
        Assert.Equal([(1, ResellerEventKind.Submitted), (1, ResellerEventKind.VendorRejected), (2, ResellerEventKind.Resubmitted)],
            detail.History.Select(e => (e.Round, e.Kind)));
        Assert.Contains("Suzhou Cloud Reseller Co. ·", detail.History[0].Details);
        Assert.Contains("Suzhou Cloud Reseller Co., Ltd.", detail.History[2].Details);
        Assert.Equal([(1, "licence.pdf"), (2, "licence-clear.pdf")], detail.Attachments.Select(a => (a.Round, a.FileName)));
        Assert.Equal(submitted.Id, Assert.Single((await world.ResellerQueries().ListAsync(world.Vendor, ApplicationFilter.ToReview, 0, 20)).Items).Id);

        var notRejected = await Assert.ThrowsAsync<BusinessException>(() => world.Intake().ResubmitAsync(submitted.Token, corrected, [], BaseUri));
        Assert.Equal("ResellerApply.NotRejected", notRejected.ResourceKey);
        Assert.Equal(2, (await world.LoadApplicationAsync(submitted.Id)).Round);
        Assert.Equal(3, (await world.EventsAsync(submitted.Id)).Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_a_distributor_rejection_stays_in_its_list_and_a_resubmission_goes_back_to_the_vendor_first(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var submitted = await world.VendorApprovedAsync();
        var target = await world.TargetAsync(submitted.Id);

        var noReason = await Assert.ThrowsAsync<ValidationException>(() => world.Reviews().DistributorRejectAsync(reviewer, new RejectApplicationInput(target, null)));
        Assert.Equal("Validation.Required", noReason.FieldErrors["Reason"]);
        await world.Reviews().DistributorRejectAsync(reviewer, new RejectApplicationInput(target, "We do not cover Suzhou."));

        var rejected = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal((ResellerApplicationStatus.Rejected, (ResellerReviewLevel?)ResellerReviewLevel.Distributor, "We do not cover Suzhou.", "Reviewer B", null),
            (rejected.Status, rejected.RejectedAt, rejected.RejectionReason, rejected.DecidedByName, rejected.HeldCreditCode));
        Assert.Equal(1, await world.AuditCountAsync(submitted.Id.ToString(), ResellerAuditActions.DistributorReject));
        Assert.Equal(ResellerApplicationStatus.Rejected, Assert.Single((await world.ResellerQueries().ListAsync(reviewer, ApplicationFilter.All, 0, 20)).Items).Status);
        Assert.Equal("We do not cover Suzhou.", (await world.Intake().OpenAsync(submitted.Token)).RejectionReason);
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            Assert.Equal(0, await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Reseller));
            Assert.Equal(0, await db.MemberInvitations.CountAsync());
        }

        await world.Intake().ResubmitAsync(submitted.Token, Input(world.PartnerB), [], BaseUri);

        var round2 = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal((2, ResellerApplicationStatus.VendorReview, world.PartnerB), (round2.Round, round2.Status, round2.OrganizationId));
        Assert.Equal(0, (await world.ResellerQueries().ListAsync(reviewer, ApplicationFilter.All, 0, 20)).TotalCount);
        // Without new documents the reviewers read round 1's.
        Assert.Equal(1, Assert.Single((await world.ResellerQueries().DetailAsync(world.Vendor, submitted.Id)).Attachments).Round);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_a_reviewer_who_comes_second_is_told_who_decided_first_and_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var secondVendor = await world.SecondVendorAsync();
        var submitted = await world.SubmitAsync();
        var seen = await world.TargetAsync(submitted.Id);

        await world.Reviews().VendorApproveAsync(world.Vendor, seen);
        var late = await Assert.ThrowsAsync<ResellerAlreadyDecidedException>(() => world.Reviews().VendorApproveAsync(secondVendor, seen));
        var lateReject = await Assert.ThrowsAsync<ResellerAlreadyDecidedException>(() =>
            world.Reviews().VendorRejectAsync(secondVendor, new RejectApplicationInput(seen, "Too late")));

        Assert.Equal(("Reseller.AlreadyDecided", ErrorCodes.AlreadyProcessed), (late.ResourceKey, late.Code));
        Assert.Contains("Vendor Op", late.Arguments);
        Assert.Contains(submitted.Number, late.Arguments);
        Assert.Contains("Vendor Op", lateReject.Arguments);
        var application = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal((ResellerApplicationStatus.DistributorReview, "Vendor Op", seen.ExpectedVersion + 1), (application.Status, application.DecidedByName, application.Version));
        Assert.Equal(1, (await world.EventsAsync(submitted.Id)).Count(e => e.Kind == ResellerEventKind.VendorApproved));
        Assert.Equal(0, (await world.EventsAsync(submitted.Id)).Count(e => e.Kind == ResellerEventKind.VendorRejected));
        Assert.Equal(1, await world.AuditCountAsync(submitted.Id.ToString(), ResellerAuditActions.VendorApprove));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_two_vendor_reviewers_deciding_at_once_make_exactly_one_decision(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var secondVendor = await world.SecondVendorAsync();
        var submitted = await world.SubmitAsync();
        var seen = await world.TargetAsync(submitted.Id);

        using var start = new ManualResetEventSlim(false);
        var approve = Task.Run(async () => { start.Wait(); await world.Reviews().VendorApproveAsync(world.Vendor, seen); });
        var reject = Task.Run(async () => { start.Wait(); await world.Reviews().VendorRejectAsync(secondVendor, new RejectApplicationInput(seen, "Incomplete")); });
        start.Set();
        var outcomes = await Task.WhenAll(Outcome(approve), Outcome(reject));

        var loser = Assert.IsType<ResellerAlreadyDecidedException>(Assert.Single(outcomes, o => o is not null));
        var application = await world.LoadApplicationAsync(submitted.Id);
        var winner = outcomes[0] is null ? "Vendor Op" : "Vendor Op Two";
        Assert.Equal(winner, application.DecidedByName);
        Assert.Equal(outcomes[0] is null ? ResellerApplicationStatus.DistributorReview : ResellerApplicationStatus.Rejected, application.Status);
        Assert.Contains(winner, loser.Arguments);
        Assert.Equal(seen.ExpectedVersion + 1, application.Version);
        var decisions = (await world.EventsAsync(submitted.Id)).Where(e => e.Kind != ResellerEventKind.Submitted).ToList();
        Assert.Equal(winner, Assert.Single(decisions).ActorName);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityId == submitted.Id.ToString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_two_distributor_reviewers_approving_at_once_create_exactly_one_reseller_and_one_invitation(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var first = await world.ReviewerBAsync();
        var second = await world.ReviewerBAsync("rev-b2", "Reviewer B Two");
        var submitted = await world.VendorApprovedAsync();
        var seen = await world.TargetAsync(submitted.Id);

        using var start = new ManualResetEventSlim(false);
        var attempts = new[] { first, second }
            .Select(reviewer => Task.Run(async () => { start.Wait(); await world.Reviews().DistributorApproveAsync(reviewer, seen, BaseUri); }))
            .ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts.Select(Outcome));

        var loser = Assert.IsType<ResellerAlreadyDecidedException>(Assert.Single(outcomes, o => o is not null));
        var winner = outcomes[0] is null ? "Reviewer B" : "Reviewer B Two";
        Assert.Contains(winner, loser.Arguments);
        var application = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal((ResellerApplicationStatus.Approved, winner), (application.Status, application.DecidedByName));
        await using var db = await world.Factory.CreateSystemAsync();
        var reseller = await db.Organizations.AsNoTracking().SingleAsync(o => o.Kind == OrganizationKind.Reseller);
        Assert.Equal(reseller.Id, application.ResellerOrganizationId);
        Assert.Equal(reseller.Id, (await db.MemberInvitations.AsNoTracking().SingleAsync()).OrganizationId);
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == MemberInvitations.MailKind));
        Assert.Single(await world.EventsAsync(submitted.Id), e => e.Kind == ResellerEventKind.DistributorApproved);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_a_distributor_approves_a_batch_and_each_application_reports_its_own_outcome(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var one = await world.VendorApprovedAsync(21, company: "Batch One Co.", email: "one@reseller.example");
        var two = await world.VendorApprovedAsync(22, company: "Batch Two Co.", email: "two@reseller.example");
        var stale = await world.VendorApprovedAsync(23, company: "Batch Stale Co.", email: "stale@reseller.example");
        // A page loaded before the vendor's approval: the version it saw is one behind.
        var fresh = await world.TargetAsync(stale.Id);
        var staleTarget = fresh with { ExpectedVersion = fresh.ExpectedVersion - 1 };

        var outcomes = await world.Reviews().DistributorApproveManyAsync(reviewer,
            [await world.TargetAsync(one.Id), staleTarget, await world.TargetAsync(two.Id)], BaseUri);

        Assert.Equal([one.Id, stale.Id, two.Id], outcomes.Select(o => o.Id));
        Assert.Equal([(true, null), (false, "Reseller.ChangedElsewhere"), (true, null)], outcomes.Select(o => (o.Succeeded, o.MessageKey)));
        var failed = outcomes[1];
        Assert.Equal((stale.Number, "Batch Stale Co."), (failed.Number, failed.CompanyName));
        Assert.Contains(stale.Number, failed.Arguments);

        Assert.Equal(ResellerApplicationStatus.Approved, (await world.LoadApplicationAsync(one.Id)).Status);
        Assert.Equal(ResellerApplicationStatus.Approved, (await world.LoadApplicationAsync(two.Id)).Status);
        var untouched = await world.LoadApplicationAsync(stale.Id);
        Assert.Equal((ResellerApplicationStatus.DistributorReview, staleTarget.ExpectedVersion + 1, null, "Vendor Op"),
            (untouched.Status, untouched.Version, untouched.ResellerOrganizationId, untouched.DecidedByName));
        await using var db = await world.Factory.CreateSystemAsync();
        var resellers = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Reseller).OrderBy(o => o.Name).ToListAsync();
        Assert.Equal([("Batch One Co.", (Guid?)world.PartnerB), ("Batch Two Co.", (Guid?)world.PartnerB)], resellers.Select(o => (o.Name, o.ParentOrganizationId)));
        Assert.Equal(["one@reseller.example", "two@reseller.example"], (await db.MemberInvitations.AsNoTracking().Select(i => i.Email).ToListAsync()).Order());

        // Again, now that two are decided: those report who was first, the stale one (with a fresh version) goes through.
        var again = await world.Reviews().DistributorApproveManyAsync(reviewer,
            [await world.TargetAsync(one.Id), await world.TargetAsync(stale.Id)], BaseUri);
        Assert.Equal([(false, "Reseller.AlreadyDecided"), (true, null)], again.Select(o => (o.Succeeded, o.MessageKey)));
        Assert.Contains("Reviewer B", again[0].Arguments);
        Assert.Equal(ResellerApplicationStatus.Approved, (await world.LoadApplicationAsync(stale.Id)).Status);
        Assert.Equal(3, await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Reseller));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_a_batch_reports_every_application_even_when_one_cannot_be_created(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var one = await world.VendorApprovedAsync(31, company: "Batch One Co.", email: "one@reseller.example");
        // Its reseller organization would take the name of an organization that exists already (Partner A, R41).
        var clash = await world.VendorApprovedAsync(32, company: "Partner A", email: "reseller@partner-a.example");
        var two = await world.VendorApprovedAsync(33, company: "Batch Two Co.", email: "two@reseller.example");

        var outcomes = await world.Reviews().DistributorApproveManyAsync(reviewer,
            [await world.TargetAsync(one.Id), await world.TargetAsync(clash.Id), await world.TargetAsync(two.Id)], BaseUri);

        Assert.Equal([one.Id, clash.Id, two.Id], outcomes.Select(o => o.Id));
        Assert.True(outcomes[0].Succeeded);
        Assert.True(outcomes[2].Succeeded);
        Assert.Equal(ResellerApplicationStatus.Approved, (await world.LoadApplicationAsync(two.Id)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R41_a_solution_provider_approved_as_a_reseller_gets_its_own_reseller_organization_beside_the_first(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        // Partner A, a solution provider, applies under its own name with a separate contact (a new account).
        var submitted = await world.VendorApprovedAsync(company: "Partner A", email: "reseller@partner-a.example");

        var outcome = await Outcome(world.Reviews().DistributorApproveAsync(reviewer, await world.TargetAsync(submitted.Id), BaseUri));

        Assert.Null(outcome);
        var application = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal(ResellerApplicationStatus.Approved, application.Status);
        Assert.NotEqual(world.PartnerA, application.ResellerOrganizationId);
        await using var db = await world.Factory.CreateSystemAsync();
        var reseller = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == application.ResellerOrganizationId);
        Assert.Equal((OrganizationKind.Reseller, (Guid?)world.PartnerB), (reseller.Kind, reseller.ParentOrganizationId));
        // Organization names are unique (people sign in by them): the reseller's carries its application number.
        Assert.Equal($"Partner A · {application.Number}", reseller.Name);
        var partnerA = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == world.PartnerA);
        Assert.Equal((OrganizationKind.SolutionProvider, null), (partnerA.Kind, partnerA.ParentOrganizationId));
        Assert.Equal("reseller@partner-a.example", (await db.MemberInvitations.AsNoTracking().SingleAsync(i => i.OrganizationId == reseller.Id)).Email);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_a_reseller_whose_name_only_looks_like_an_existing_organization_carries_its_application_number(DatabaseProvider provider)
    {
        // "partner  a." beside "Partner A" would let the vendor pick the wrong one by name on top-up and quota screens.
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var submitted = await world.VendorApprovedAsync(company: "partner  a.", email: "lookalike@reseller.example");

        Assert.Null(await Outcome(world.Reviews().DistributorApproveAsync(reviewer, await world.TargetAsync(submitted.Id), BaseUri)));

        var application = await world.LoadApplicationAsync(submitted.Id);
        await using var db = await world.Factory.CreateSystemAsync();
        var reseller = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == application.ResellerOrganizationId);
        Assert.Equal($"partner  a. · {application.Number}", reseller.Name);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R41_a_contact_who_got_an_account_since_submitting_is_not_invited_and_nothing_is_created(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var submitted = await world.VendorApprovedAsync();
        var seen = await world.TargetAsync(submitted.Id);
        await world.AddUserAsync(world.PartnerA, "xu-ming", "Xu Ming", AppRoles.AccountManager, email: ContactEmail);

        var refused = await Assert.ThrowsAsync<BusinessException>(() => world.Reviews().DistributorApproveAsync(reviewer, seen, BaseUri));

        Assert.Equal("Reseller.EmailTakenSince", refused.ResourceKey);
        var application = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal((ResellerApplicationStatus.DistributorReview, seen.ExpectedVersion, null), (application.Status, application.Version, application.ResellerOrganizationId));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Reseller));
        Assert.Equal(0, await db.MemberInvitations.CountAsync());
        Assert.Equal(0, await world.AuditCountAsync(submitted.Id.ToString(), ResellerAuditActions.DistributorApprove));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_the_distributors_age_order_and_lateness_count_from_the_vendors_approval_not_from_the_submission(DatabaseProvider provider)
    {
        // Monday 2026-11-16, 10:00 Beijing: a plain working week.
        var clock = TestClock.AtBeijing(2026, 11, 16);
        await using var world = await TestWorld.CreateAsync(provider, clock);
        var reviewer = await world.ReviewerBAsync();
        var inbox = world.Get<BlazorPartner.Features.ReviewInbox.ReviewInbox>();
        var slow = await world.SubmitAsync(11, company: "Slow Vendor Co.", email: "slow@reseller.example");
        clock.Advance(TimeSpan.FromHours(1));
        var quick = await world.SubmitAsync(12, company: "Quick Vendor Co.", email: "quick@reseller.example");
        await world.Reviews().VendorApproveAsync(world.Vendor, await world.TargetAsync(quick.Id));

        // Friday: 4 working days at the vendor, late there; then the vendor approves it.
        clock.Now = TestClock.AtBeijing(2026, 11, 20).Now;
        var lateAtVendor = await inbox.ListAsync(world.Vendor, new TodoFilter { OverdueOnly = true }, 0, 20);
        Assert.Equal(slow.Id, Assert.Single(lateAtVendor.Items).Id);
        await world.Reviews().VendorApproveAsync(world.Vendor, await world.TargetAsync(slow.Id));
        var approvedAt = clock.GetUtcNow().UtcDateTime;

        var application = await world.LoadApplicationAsync(slow.Id);
        Assert.Equal((approvedAt, TestClock.AtBeijing(2026, 11, 16).Now.UtcDateTime), (application.WaitingSinceUtc, application.RoundSubmittedAtUtc));
        // At the distributor it has waited since Friday: not late (the one passed on on Monday is), and listed after that one.
        Assert.Equal([quick.Id], (await inbox.ListAsync(reviewer, new TodoFilter { OverdueOnly = true }, 0, 20)).Items.Select(i => i.Id));
        var todo = await inbox.ListAsync(reviewer, new TodoFilter(), 0, 20);
        Assert.Equal([quick.Id, slow.Id], todo.Items.Select(i => i.Id));
        Assert.Equal(approvedAt, todo.Items[1].SubmittedAtUtc);
        var queue = await world.ResellerQueries().ListAsync(reviewer, ApplicationFilter.ToReview, 0, 20);
        Assert.Equal([quick.Id, slow.Id], queue.Items.Select(r => r.Id));
        Assert.Equal(approvedAt, queue.Items[1].WaitingSinceUtc);

        // Wednesday: 3 working days at the distributor (Mon, Tue, Wed), still within the service level.
        clock.Now = TestClock.AtBeijing(2026, 11, 25).Now;
        Assert.Equal([quick.Id], (await inbox.ListAsync(reviewer, new TodoFilter { OverdueOnly = true }, 0, 20)).Items.Select(i => i.Id));
        // Thursday: the fourth, now late at the distributor too.
        clock.Now = TestClock.AtBeijing(2026, 11, 26).Now;
        Assert.Equal([quick.Id, slow.Id], (await inbox.ListAsync(reviewer, new TodoFilter { OverdueOnly = true }, 0, 20)).Items.Select(i => i.Id));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_a_zh_CN_applicant_gets_every_mail_in_Chinese_whatever_language_its_reviewers_use(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        SubmittedApplication rejected, approved;
        using (Cultures.Use("zh-CN"))
        {
            rejected = await world.SubmitAsync(11, company: "苏州云经销有限公司", email: "rejected@reseller.example");
            approved = await world.SubmitAsync(12, company: "南京云经销有限公司", email: "approved@reseller.example");
        }

        using (Cultures.Use("en-US"))
        {
            // A minute between steps keeps the mails in order.
            world.Clock.Advance(TimeSpan.FromMinutes(1));
            await world.Reviews().VendorApproveAsync(world.Vendor, await world.TargetAsync(rejected.Id));
            await world.Reviews().VendorApproveAsync(world.Vendor, await world.TargetAsync(approved.Id));
            world.Clock.Advance(TimeSpan.FromMinutes(1));
            await world.Reviews().DistributorRejectAsync(reviewer, new RejectApplicationInput(await world.TargetAsync(rejected.Id), "No office in Suzhou."));
            await world.Reviews().DistributorApproveAsync(reviewer, await world.TargetAsync(approved.Id), BaseUri);
        }

        Assert.Equal(("zh-CN", "zh-CN"), ((await world.LoadApplicationAsync(rejected.Id)).ApplicantCulture, (await world.LoadApplicationAsync(approved.Id)).ApplicantCulture));
        await using var db = await world.Factory.CreateSystemAsync();
        var toRejected = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Recipient == "rejected@reseller.example").OrderBy(m => m.CreatedAtUtc).ToListAsync();
        var toApproved = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Recipient == "approved@reseller.example").OrderBy(m => m.CreatedAtUtc).ToListAsync();
        Assert.Equal(3, toRejected.Count);
        Assert.Equal(3, toApproved.Count);
        Assert.All(toRejected.Concat(toApproved), m => Assert.Equal("zh-CN", m.Culture));
        using (Cultures.Use("zh-CN"))
        {
            var L = TestWorld.Localizer;
            Assert.Equal(L["ResellerApply.MailVendorApprovedSubject", rejected.Number].Value, toRejected[1].Subject);
            Assert.Equal(L["ResellerApply.MailRejectedSubject", rejected.Number].Value, toRejected[2].Subject);
            Assert.Equal(string.Format(CultureInfo.CurrentCulture, L["ResellerApply.MailRejectedBody"].Value, rejected.Number, "No office in Suzhou."), toRejected[2].Body);
            Assert.Equal(L["ResellerApply.MailApprovedSubject", approved.Number, "南京云经销有限公司"].Value, toApproved[2].Subject);
            Assert.Equal(MemberInvitations.MailKind, toApproved[2].Kind);
            Assert.StartsWith(L["ResellerApply.MailApprovedLead", approved.Number, "Partner B", "南京云经销有限公司"].Value, toApproved[2].Body);
            Assert.Contains(L["Role.PartnerAdmin"].Value, toApproved[2].Body);
        }

        // The reviewers' own notifications stay in the language of whoever acted: users have no stored language.
        Assert.All(await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Kind == ResellerNotifications.ForDistributor).ToListAsync(), m => Assert.Equal("en-US", m.Culture));
    }
}
