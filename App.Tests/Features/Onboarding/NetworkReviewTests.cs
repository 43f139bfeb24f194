using System.Globalization;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Features.Onboarding.Network;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Localization;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static BlazorPartner.Tests.Features.Onboarding.OnboardingTestKit;

namespace BlazorPartner.Tests.Features.Onboarding;

/// <summary>R5, the vendor operator's side: the applications the checks sent to manual review, approved or rejected once, by whoever was first.</summary>
public class NetworkReviewTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_the_operator_reads_the_failed_checks_and_documents_and_approving_enrolls_the_partner_under_a_unique_name(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        // Only the NewCompany check fails: an organization is called "Partner A" already.
        var submitted = await world.ApplyAsync(NetworkInput(company: "Partner A"), Licence(text: "Partner A licence"));
        Assert.Equal([NetworkCheck.NewCompany], submitted.FailedChecks);

        var queue = await world.NetworkReviews().ListAsync(world.Vendor, NetworkApplicationFilter.ToReview, 0, 20);
        var row = Assert.Single(queue.Rows);
        Assert.Equal((submitted.Id, submitted.Number, "Partner A", NetworkApplicationStatus.ManualReview, 1), (row.Id, row.Number, row.CompanyName, row.Status, row.Round));
        Assert.Equal([NetworkCheck.NewCompany], row.FailedChecks);
        Assert.Equal(1, await world.NetworkReviews().WaitingCountAsync(world.Vendor));
        var detail = await world.NetworkReviews().DetailAsync(world.Vendor, submitted.Id);
        Assert.Equal(("Li Na", "13812345678", ContactEmail, Code()), (detail.ContactName, detail.ContactPhone, detail.ContactEmail, detail.CreditCode));
        var document = Assert.Single(detail.Documents);
        var file = await world.NetworkReviews().DocumentAsync(world.Vendor, submitted.Id, document.Id);
        Assert.Equal(("licence.pdf", "application/pdf"), (file!.FileName, file.ContentType));
        Assert.Equal(PdfBytes("Partner A licence"), file.Content);
        // The document only under its own application.
        Assert.Null(await world.NetworkReviews().DocumentAsync(world.Vendor, Guid.NewGuid(), document.Id));

        world.Clock.Advance(TimeSpan.FromHours(2));
        var partnerId = await world.NetworkReviews().ApproveAsync(world.Vendor, new NetworkApplicationTarget(row.Id, row.Version), BaseUri);

        var application = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((NetworkApplicationStatus.Approved, "Vendor Op", (DateTime?)world.Clock.GetUtcNow().UtcDateTime, (Guid?)partnerId, row.Version + 1),
            (application.Status, application.DecidedByName, application.DecidedAtUtc, application.PartnerOrganizationId, application.Version));
        Assert.Equal([NetworkEventKind.Submitted, NetworkEventKind.SentToReview, NetworkEventKind.Approved], (await world.NetworkEventsAsync(submitted.Id)).Select(e => e.Kind));
        Assert.Equal("Vendor Op", (await world.NetworkEventsAsync(submitted.Id))[^1].ActorName);

        await using var db = await world.Factory.CreateSystemAsync();
        var partner = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == partnerId);
        // Organization names are unique (people sign in by them): the new one carries its application number.
        Assert.Equal(($"Partner A · {submitted.Number}", OrganizationKind.SolutionProvider), (partner.Name, partner.Kind));
        Assert.Equal("Partner A", (await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == world.PartnerA)).Name);

        var invitation = await db.MemberInvitations.AsNoTracking().SingleAsync();
        Assert.Equal((partnerId, ContactEmail, AppRoles.PartnerAdmin, world.Vendor.UserId, "Vendor Op"),
            (invitation.OrganizationId, invitation.Email, invitation.Roles, invitation.InvitedByUserId, invitation.InvitedByName));
        var invitationMail = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Kind == MemberInvitations.MailKind);
        Assert.Equal(ContactEmail, invitationMail.Recipient);
        // §6: the applicant reads in the invitation that its application was approved, with its number, and as what.
        Assert.Equal($"Partner-network application {submitted.Number} approved: Partner A · {submitted.Number} invites you to its partner console", invitationMail.Subject);
        Assert.StartsWith($"Your application {submitted.Number} to join the partner network was approved: Partner A · {submitted.Number} is now", invitationMail.Body);

        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == submitted.Id.ToString());
        Assert.Equal((OnboardingAuditActions.Approve, "Vendor Op", world.Vendor.UserId, (Guid?)partnerId),
            (audit.Action, audit.ActorName, audit.ActorUserId, audit.OrganizationId));
        Assert.Contains("ManualReview", audit.Before);

        Assert.Empty((await world.NetworkReviews().ListAsync(world.Vendor, NetworkApplicationFilter.ToReview, 0, 20)).Rows);
        Assert.Equal(0, await world.NetworkReviews().WaitingCountAsync(world.Vendor));
        var all = Assert.Single((await world.NetworkReviews().ListAsync(world.Vendor, NetworkApplicationFilter.All, 0, 20)).Rows);
        Assert.Equal((NetworkApplicationStatus.Approved, "Vendor Op"), (all.Status, all.DecidedByName));
        Assert.Equal(NetworkApplicationStatus.Approved, (await world.NetworkIntake().OpenAsync(submitted.Token)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_a_rejection_needs_a_reason_which_is_mailed_audited_and_shown_to_the_applicant(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var submitted = await world.ManualReviewAsync();
        var target = await world.NetworkTargetAsync(submitted.Id);

        var noReason = await Assert.ThrowsAsync<ValidationException>(() => world.NetworkReviews().RejectAsync(world.Vendor, new RejectNetworkApplicationInput(target, "  ")));
        var tooLong = await Assert.ThrowsAsync<ValidationException>(() =>
            world.NetworkReviews().RejectAsync(world.Vendor, new RejectNetworkApplicationInput(target, new string('x', OnboardingRules.MaxReason + 1))));
        Assert.Equal("Validation.Required", noReason.FieldErrors["Reason"]);
        Assert.Equal("Validation.TooLong", tooLong.FieldErrors["Reason"]);
        var unchanged = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((NetworkApplicationStatus.ManualReview, target.ExpectedVersion, Code()), (unchanged.Status, unchanged.Version, unchanged.HeldCreditCode));
        Assert.Empty(await world.AuditsAsync(submitted.Id));

        await world.NetworkReviews().RejectAsync(world.Vendor, new RejectNetworkApplicationInput(target, " Attach the business licence. "));

        var rejected = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((NetworkApplicationStatus.Rejected, "Attach the business licence.", "Vendor Op", null, null),
            (rejected.Status, rejected.RejectionReason, rejected.DecidedByName, rejected.HeldCreditCode, rejected.PartnerOrganizationId));
        var audit = Assert.Single(await world.AuditsAsync(submitted.Id));
        Assert.Equal((OnboardingAuditActions.Reject, "Vendor Op", "Attach the business licence."), (audit.Action, audit.ActorName, audit.Reason));
        var mails = (await world.MailsToAsync(ContactEmail)).Where(m => m.Kind == NetworkApplicationIntake.MailKind).ToList();
        Assert.Equal(2, mails.Count);
        Assert.Contains(mails, m => m.Body.Contains("Attach the business licence.", StringComparison.Ordinal));
        var history = (await world.NetworkEventsAsync(submitted.Id))[^1];
        Assert.Equal((NetworkEventKind.Rejected, "Vendor Op", "Attach the business licence."), (history.Kind, history.ActorName, history.Reason));

        var opened = await world.NetworkIntake().OpenAsync(submitted.Token);
        Assert.Equal((NetworkApplicationStatus.Rejected, "Attach the business licence.", true), (opened.Status, opened.RejectionReason, opened.CanResubmit));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.MemberInvitations.CountAsync());
        Assert.Equal(3, await db.Organizations.CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_a_reviewer_who_comes_second_is_told_who_decided_first_and_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var secondOperator = await world.SecondOperatorAsync();
        var submitted = await world.ManualReviewAsync();
        var seen = await world.NetworkTargetAsync(submitted.Id);

        await world.NetworkReviews().ApproveAsync(world.Vendor, seen, BaseUri);
        var lateApprove = await Assert.ThrowsAsync<NetworkAlreadyDecidedException>(() => world.NetworkReviews().ApproveAsync(secondOperator, seen, BaseUri));
        var lateReject = await Assert.ThrowsAsync<NetworkAlreadyDecidedException>(() =>
            world.NetworkReviews().RejectAsync(secondOperator, new RejectNetworkApplicationInput(seen, "Too late")));
        // Even with the version as it is now: an approved application is not decided again.
        var now = await world.NetworkTargetAsync(submitted.Id);
        var fresh = await Assert.ThrowsAsync<NetworkAlreadyDecidedException>(() => world.NetworkReviews().ApproveAsync(secondOperator, now, BaseUri));

        foreach (var late in new[] { lateApprove, lateReject, fresh })
        {
            Assert.Equal(("Network.AlreadyDecided", ErrorCodes.AlreadyProcessed), (late.ResourceKey, late.Code));
            Assert.Contains(submitted.Number, late.Arguments);
            Assert.Contains("Vendor Op", late.Arguments);
        }

        var application = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((NetworkApplicationStatus.Approved, "Vendor Op", seen.ExpectedVersion + 1), (application.Status, application.DecidedByName, application.Version));
        Assert.Single(await world.NetworkEventsAsync(submitted.Id), e => e.Kind == NetworkEventKind.Approved);
        Assert.DoesNotContain(await world.NetworkEventsAsync(submitted.Id), e => e.Kind == NetworkEventKind.Rejected);
        Assert.Equal([OnboardingAuditActions.Approve], (await world.AuditsAsync(submitted.Id)).Select(a => a.Action));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.MemberInvitations.CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_a_page_older_than_the_latest_round_is_refused_as_changed_elsewhere(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var secondOperator = await world.SecondOperatorAsync();
        var submitted = await world.ManualReviewAsync();
        var round1 = await world.NetworkTargetAsync(submitted.Id);
        await world.NetworkReviews().RejectAsync(world.Vendor, new RejectNetworkApplicationInput(round1, "Attach the business licence."));
        // Resubmitted still without a licence: waiting again, in round 2.
        await world.NetworkIntake().ResubmitAsync(submitted.Token, NetworkInput(), [], BaseUri);
        var round2 = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((NetworkApplicationStatus.ManualReview, 2), (round2.Status, round2.Round));

        // A second operator's page still shows round 1.
        var stale = await Assert.ThrowsAsync<BusinessException>(() => world.NetworkReviews().ApproveAsync(secondOperator, round1, BaseUri));
        var staleReject = await Assert.ThrowsAsync<BusinessException>(() => world.NetworkReviews().RejectAsync(secondOperator, new RejectNetworkApplicationInput(round1, "Old page")));

        Assert.All(new[] { stale, staleReject }, e => Assert.Equal(("Network.ChangedElsewhere", ErrorCodes.AlreadyProcessed), (e.ResourceKey, e.Code)));
        var unchanged = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((NetworkApplicationStatus.ManualReview, round2.Version, null), (unchanged.Status, unchanged.Version, unchanged.PartnerOrganizationId));
        Assert.Equal([OnboardingAuditActions.Reject], (await world.AuditsAsync(submitted.Id)).Select(a => a.Action));

        // With the current version the decision goes through.
        await world.NetworkReviews().ApproveAsync(secondOperator, await world.NetworkTargetAsync(submitted.Id), BaseUri);
        Assert.Equal((NetworkApplicationStatus.Approved, "Vendor Op Two"), ((await world.LoadNetworkAsync(submitted.Id)).Status, (await world.LoadNetworkAsync(submitted.Id)).DecidedByName));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_two_operators_deciding_at_once_make_exactly_one_decision_and_the_loser_is_told_the_winner(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var secondOperator = await world.SecondOperatorAsync();
        var submitted = await world.ManualReviewAsync();
        var seen = await world.NetworkTargetAsync(submitted.Id);

        using var start = new ManualResetEventSlim(false);
        var approve = Task.Run(async () => { start.Wait(); await world.NetworkReviews().ApproveAsync(world.Vendor, seen, BaseUri); });
        var reject = Task.Run(async () => { start.Wait(); await world.NetworkReviews().RejectAsync(secondOperator, new RejectNetworkApplicationInput(seen, "Incomplete")); });
        start.Set();
        var outcomes = await Task.WhenAll(Outcome(approve), Outcome(reject));

        var loser = Assert.IsType<NetworkAlreadyDecidedException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal("Network.AlreadyDecided", loser.ResourceKey);
        var approveWon = outcomes[0] is null;
        var winner = approveWon ? "Vendor Op" : "Vendor Op Two";
        Assert.Contains(winner, loser.Arguments);
        var application = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((approveWon ? NetworkApplicationStatus.Approved : NetworkApplicationStatus.Rejected, winner, seen.ExpectedVersion + 1),
            (application.Status, application.DecidedByName, application.Version));
        var decisions = (await world.NetworkEventsAsync(submitted.Id)).Where(e => e.Kind is NetworkEventKind.Approved or NetworkEventKind.Rejected).ToList();
        Assert.Equal(winner, Assert.Single(decisions).ActorName);
        Assert.Single(await world.AuditsAsync(submitted.Id));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(approveWon ? 1 : 0, await db.MemberInvitations.CountAsync());
        Assert.Equal(approveWon ? 4 : 3, await db.Organizations.CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_two_operators_approving_at_once_create_exactly_one_partner_and_one_invitation(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var secondOperator = await world.SecondOperatorAsync();
        var submitted = await world.ManualReviewAsync();
        var seen = await world.NetworkTargetAsync(submitted.Id);

        using var start = new ManualResetEventSlim(false);
        var attempts = new[] { world.Vendor, secondOperator }
            .Select(reviewer => Task.Run(async () => { start.Wait(); await world.NetworkReviews().ApproveAsync(reviewer, seen, BaseUri); }))
            .ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts.Select(Outcome));

        var loser = Assert.IsType<NetworkAlreadyDecidedException>(Assert.Single(outcomes, o => o is not null));
        var winner = outcomes[0] is null ? "Vendor Op" : "Vendor Op Two";
        Assert.Contains(winner, loser.Arguments);
        var application = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((NetworkApplicationStatus.Approved, winner), (application.Status, application.DecidedByName));
        await using var db = await world.Factory.CreateSystemAsync();
        var partner = await db.Organizations.AsNoTracking().SingleAsync(o => o.Name == Company);
        Assert.Equal(partner.Id, application.PartnerOrganizationId);
        Assert.Equal(partner.Id, (await db.MemberInvitations.AsNoTracking().SingleAsync()).OrganizationId);
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == MemberInvitations.MailKind));
        Assert.Single(await world.NetworkEventsAsync(submitted.Id), e => e.Kind == NetworkEventKind.Approved);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_only_the_vendors_operators_read_or_decide_applications(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var submitted = await world.ManualReviewAsync();
        await world.NetworkReviews().RejectAsync(world.Vendor, new RejectNetworkApplicationInput(await world.NetworkTargetAsync(submitted.Id), "Attach the business licence."));
        await world.NetworkIntake().ResubmitAsync(submitted.Token, NetworkInput() with { RegisteredAddress = "" }, Licence(), BaseUri);
        var target = await world.NetworkTargetAsync(submitted.Id);
        var documentId = Assert.Single((await world.NetworkReviews().DetailAsync(world.Vendor, submitted.Id)).Documents).Id;
        var before = await world.CountOnboardingRowsAsync();

        // Partner admins, a partner member, and a partner admin who somehow holds the review permission: none is the vendor.
        var outsiders = new[] { world.AdminA, world.AdminB, world.Manager1A, world.AdminA.With(OnboardingPermissions.ReviewApplications) };
        foreach (var actor in outsiders)
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.NetworkReviews().ListAsync(actor, NetworkApplicationFilter.All, 0, 20));
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.NetworkReviews().WaitingCountAsync(actor));
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.NetworkReviews().DetailAsync(actor, submitted.Id));
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.NetworkReviews().ApproveAsync(actor, target, BaseUri));
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.NetworkReviews().RejectAsync(actor, new RejectNetworkApplicationInput(target, "No")));
            Assert.Null(await world.NetworkReviews().DocumentAsync(actor, submitted.Id, documentId));
        }

        // A vendor user whose roles do not include reviewing applications.
        var vendorWithout = world.Vendor with { Permissions = world.Vendor.Permissions.Where(p => p != OnboardingPermissions.ReviewApplications).ToHashSet() };
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.NetworkReviews().ApproveAsync(vendorWithout, target, BaseUri));
        Assert.Null(await world.NetworkReviews().DocumentAsync(vendorWithout, submitted.Id, documentId));

        Assert.Equal(before, await world.CountOnboardingRowsAsync());
        var unchanged = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((NetworkApplicationStatus.ManualReview, target.ExpectedVersion), (unchanged.Status, unchanged.Version));
        Assert.NotNull(await world.NetworkReviews().DocumentAsync(world.Vendor, submitted.Id, documentId));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R41_a_contact_who_got_an_account_since_submitting_is_not_invited_and_nothing_is_created(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var submitted = await world.ManualReviewAsync();
        var seen = await world.NetworkTargetAsync(submitted.Id);
        await world.UserAsync(world.PartnerA, "li-na", "Li Na", AppRoles.AccountManager, email: ContactEmail);
        var before = await world.CountOnboardingRowsAsync();

        var refused = await Assert.ThrowsAsync<BusinessException>(() => world.NetworkReviews().ApproveAsync(world.Vendor, seen, BaseUri));

        Assert.Equal("Network.EmailTakenSince", refused.ResourceKey);
        Assert.Contains(submitted.Number, refused.Arguments);
        var application = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((NetworkApplicationStatus.ManualReview, seen.ExpectedVersion, null, null),
            (application.Status, application.Version, application.PartnerOrganizationId, application.DecidedByName));
        Assert.Equal(before, await world.CountOnboardingRowsAsync());
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.MemberInvitations.CountAsync());

        // The reviewer can still reject it, so the applicant may apply with another address.
        await world.NetworkReviews().RejectAsync(world.Vendor, new RejectNetworkApplicationInput(seen, "Use an address without an account."));
        Assert.Equal(NetworkApplicationStatus.Rejected, (await world.LoadNetworkAsync(submitted.Id)).Status);
    }
    [Theory, MemberData(nameof(Providers))]
    public async Task R5_approving_a_long_company_name_that_is_taken_still_gives_the_partner_a_unique_name_that_fits(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        // 180 characters: within the form's 200, and an organization of that name exists already.
        var company = "Guangzhou " + new string('Y', 180 - "Guangzhou  Co.".Length) + " Co.";
        Assert.Equal(180, company.Length);
        await using (var seed = await world.Factory.CreateSystemAsync())
        {
            seed.Organizations.Add(new Organization { Name = company, Kind = OrganizationKind.SolutionProvider, CreatedUtc = world.Clock.GetUtcNow().UtcDateTime });
            await seed.SaveChangesAsync();
        }

        var submitted = await world.ApplyAsync(NetworkInput(company: company));
        Assert.Equal([NetworkCheck.NewCompany], submitted.FailedChecks);

        var outcome = await Outcome(world.NetworkReviews().ApproveAsync(world.Vendor, await world.NetworkTargetAsync(submitted.Id), BaseUri));

        Assert.Null(outcome);
        var application = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal(NetworkApplicationStatus.Approved, application.Status);
        await using var db = await world.Factory.CreateSystemAsync();
        var partner = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == application.PartnerOrganizationId);
        Assert.NotEqual(company, partner.Name);
        Assert.True(partner.Name.Length <= 200, $"The organization name has {partner.Name.Length} characters; Organizations.Name holds 200.");
        Assert.Contains(submitted.Number, partner.Name);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_a_zh_CN_applicant_rejected_then_approved_by_an_en_US_operator_gets_its_mails_in_Chinese(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        SubmittedNetworkApplication submitted;
        using (Cultures.Use("zh-CN"))
        {
            submitted = await world.ManualReviewAsync();
        }

        using (Cultures.Use("en-US"))
        {
            await world.NetworkReviews().RejectAsync(world.Vendor, new RejectNetworkApplicationInput(await world.NetworkTargetAsync(submitted.Id), "Attach the business licence."));
        }

        Assert.Equal("zh-CN", (await world.LoadNetworkAsync(submitted.Id)).ApplicantCulture);
        var rejection = (await world.MailsToAsync(ContactEmail)).Single(m => m.Body.Contains("Attach the business licence.", StringComparison.Ordinal));
        using (Cultures.Use("zh-CN"))
        {
            Assert.Equal(TestWorld.Localizer["NetworkApply.MailRejectedSubject", submitted.Number].Value, rejection.Subject);
            Assert.Equal(string.Format(CultureInfo.CurrentCulture, TestWorld.Localizer["NetworkApply.MailRejectedBody"].Value, submitted.Number, "Attach the business licence."), rejection.Body);
        }

        Assert.Equal("zh-CN", rejection.Culture);

        // Resubmitted from an English page, the applicant's language follows: the approval reaches it in English.
        using (Cultures.Use("en-US"))
        {
            await world.NetworkIntake().ResubmitAsync(submitted.Token, NetworkInput(), [], BaseUri);
        }

        Assert.Equal("en-US", (await world.LoadNetworkAsync(submitted.Id)).ApplicantCulture);
        using (Cultures.Use("zh-CN"))
        {
            await world.NetworkReviews().ApproveAsync(world.Vendor, await world.NetworkTargetAsync(submitted.Id), BaseUri);
        }

        var invitation = (await world.MailsToAsync(ContactEmail)).Single(m => m.Kind == MemberInvitations.MailKind);
        Assert.Equal(("en-US", $"Partner-network application {submitted.Number} approved: {Company} invites you to its partner console"), (invitation.Culture, invitation.Subject));
    }
}
