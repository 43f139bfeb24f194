using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Features.Onboarding.Network;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Platform.Uploads;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static BlazorPartner.Tests.Features.Onboarding.OnboardingTestKit;

namespace BlazorPartner.Tests.Features.Onboarding;

/// <summary>R5 (and R41), the public side: a company applies to join the partner network; the automatic checks approve it or send it to a reviewer.</summary>
public class NetworkApplicationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_an_application_passing_every_check_is_approved_at_once_creating_the_solution_provider_and_inviting_its_admin(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var now = world.Clock.GetUtcNow().UtcDateTime;

        var submitted = await world.ApplyAsync(NetworkInput() with { CreditCode = " " + Code().ToLowerInvariant() + " " }, [Upload("C:\\scans\\licence.pdf", PdfBytes("Shenzhen"))]);

        Assert.Equal((NetworkApplicationStatus.Approved, 0), (submitted.Status, submitted.FailedChecks.Count));
        var application = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((NetworkApplicationStatus.Approved, 1, "", AuditExtensions.SystemActorName, (DateTime?)now),
            (application.Status, application.Round, application.FailedChecks, application.DecidedByName, application.DecidedAtUtc));
        Assert.Equal((Code(), Code()), (application.CreditCode, application.HeldCreditCode));
        Assert.Equal((OnboardingRules.NumberFor(submitted.Id), submitted.Number), (application.Number, application.Number));
        Assert.Equal(LinkTokens.Hash(submitted.Token), application.TokenHash);
        Assert.Equal([NetworkEventKind.Submitted, NetworkEventKind.AutoApproved], (await world.NetworkEventsAsync(submitted.Id)).Select(e => e.Kind));

        await using var db = await world.Factory.CreateSystemAsync();
        var partner = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == application.PartnerOrganizationId);
        Assert.Equal((Company, OrganizationKind.SolutionProvider, (Guid?)null), (partner.Name, partner.Kind, partner.ParentOrganizationId));

        // The first admin is invited, by the system (no user), to a new account (R41).
        var invitation = await db.MemberInvitations.AsNoTracking().SingleAsync();
        Assert.Equal((partner.Id, ContactEmail, AppRoles.PartnerAdmin, MemberInvitationStatus.Invited, ""),
            (invitation.OrganizationId, invitation.Email, invitation.Roles, invitation.Status, invitation.InvitedByUserId));
        var invitationMail = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Kind == MemberInvitations.MailKind);
        Assert.Equal((ContactEmail, (Guid?)partner.Id), (invitationMail.Recipient, invitationMail.OrganizationId));
        // §6: the invitation tells the applicant its application was approved, with its number, before the join link.
        Assert.Equal($"Partner-network application {submitted.Number} approved: {Company} invites you to its partner console", invitationMail.Subject);
        Assert.StartsWith($"Your application {submitted.Number} to join the partner network was approved: {Company} is now a solution provider", invitationMail.Body);
        Assert.Contains("/join/", invitationMail.Body);
        var receipt = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Kind == NetworkApplicationIntake.MailKind);
        Assert.Equal(ContactEmail, receipt.Recipient);

        // Audited as the system's decision, on the new partner.
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == submitted.Id.ToString());
        Assert.Equal((OnboardingAuditActions.AutoApprove, AuditExtensions.SystemActorName, null, (Guid?)partner.Id, nameof(NetworkApplication)),
            (audit.Action, audit.ActorName, audit.ActorUserId, audit.OrganizationId, audit.EntityType));
        Assert.Null(audit.Before);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityId == invitation.Id.ToString() && a.Action == MemberAuditActions.Invite));

        var document = await db.NetworkApplicationDocuments.AsNoTracking().SingleAsync(d => d.ApplicationId == submitted.Id);
        Assert.Equal(("licence.pdf", "application/pdf", 1, PdfBytes("Shenzhen").Length), (document.FileName, document.ContentType, document.Round, (int)document.SizeBytes));
        Assert.Equal(PdfBytes("Shenzhen"), document.Content);

        // No reviewer is bothered.
        Assert.Empty(await world.NotificationsAsync(OnboardingNotifications.ApplicationToReview));
        Assert.Equal(0, await world.NetworkReviews().WaitingCountAsync(world.Vendor));

        var opened = await world.NetworkIntake().OpenAsync(submitted.Token);
        Assert.Equal((submitted.Id, NetworkApplicationStatus.Approved, false, AuditExtensions.SystemActorName), (opened.Id, opened.Status, opened.CanResubmit, opened.DecidedByName));
        Assert.Equal(document.Id, Assert.Single(opened.Documents).Id);
        Assert.Equal([NetworkEventKind.Submitted, NetworkEventKind.AutoApproved], opened.History.Select(h => h.Kind));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_each_failed_check_sends_the_application_to_manual_review_and_tells_every_vendor_reviewer(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var secondOperator = await world.SecondOperatorAsync();

        var checksum = await world.ApplyAsync(NetworkInput(21, "Checksum Co.", "checksum@example.com") with { CreditCode = BadCode(21) });
        var noAddress = await world.ApplyAsync(NetworkInput(22, "No Address Co.", "address@example.com") with { RegisteredAddress = "  " });
        var noPhone = await world.ApplyAsync(NetworkInput(23, "No Phone Co.", "phone@example.com") with { ContactPhone = null });
        var noLicence = await world.ApplyAsync(NetworkInput(24, "No Licence Co.", "licence@example.com"), []);
        // An organization of this name exists already: a reviewer decides whether it is the same company.
        var known = await world.ApplyAsync(NetworkInput(25, "Partner A", "partner-a@example.com"));
        var noCode = await world.ApplyAsync(NetworkInput(26, "No Code Co.", "nocode@example.com") with { CreditCode = "" });
        var everything = await world.NetworkIntake().SubmitAsync(new NetworkApplicationInput
        {
            CompanyName = "Partner B", CreditCode = BadCode(27), ContactName = "Wang Fang", ContactEmail = "all@example.com",
        }, [], BaseUri);

        var expected = new (SubmittedNetworkApplication Submitted, NetworkCheck[] Failed)[]
        {
            (checksum, [NetworkCheck.CreditCode]),
            (noAddress, [NetworkCheck.RequiredFields]),
            (noPhone, [NetworkCheck.RequiredFields]),
            (noLicence, [NetworkCheck.Documents]),
            (known, [NetworkCheck.NewCompany]),
            (noCode, [NetworkCheck.CreditCode]),
            (everything, [NetworkCheck.CreditCode, NetworkCheck.RequiredFields, NetworkCheck.Documents, NetworkCheck.NewCompany]),
        };
        foreach (var (submitted, failed) in expected)
        {
            Assert.Equal(NetworkApplicationStatus.ManualReview, submitted.Status);
            Assert.Equal(failed, submitted.FailedChecks);
            var application = await world.LoadNetworkAsync(submitted.Id);
            Assert.Equal((NetworkApplicationStatus.ManualReview, NetworkChecks.Format(failed), null, null),
                (application.Status, application.FailedChecks, application.PartnerOrganizationId, application.DecidedByName));
            var events = await world.NetworkEventsAsync(submitted.Id);
            Assert.Equal([NetworkEventKind.Submitted, NetworkEventKind.SentToReview], events.Select(e => e.Kind));
            Assert.Equal(NetworkChecks.Format(failed), events[1].Details);
        }

        // The company holds its code while under review; an application without a code holds none.
        Assert.Equal(BadCode(21), (await world.LoadNetworkAsync(checksum.Id)).HeldCreditCode);
        Assert.Null((await world.LoadNetworkAsync(noCode.Id)).HeldCreditCode);

        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.SolutionProvider && o.Id != world.PartnerA));
        Assert.Equal(0, await db.MemberInvitations.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == OnboardingAuditActions.AutoApprove));

        // Both vendor operators are told of each one, with a link to the queue; nobody at a partner is.
        var bells = await world.NotificationsAsync(OnboardingNotifications.ApplicationToReview);
        Assert.Equal(expected.Length * 2, bells.Count);
        Assert.All(bells, n => Assert.Contains(n.RecipientUserId, new[] { world.Vendor.UserId, secondOperator.UserId }));
        Assert.All(bells, n => Assert.Equal((OnboardingRoutes.VendorApplications, world.VendorOrg), (n.Link, n.OrganizationId)));
        foreach (var (submitted, _) in expected)
        {
            Assert.Equal(2, bells.Count(n => n.Arguments.Contains(submitted.Number, StringComparison.Ordinal)));
        }

        // Each applicant got its receipt.
        Assert.Single(await world.MailsToAsync("checksum@example.com"), m => m.Kind == NetworkApplicationIntake.MailKind);
        Assert.Single(await world.MailsToAsync("all@example.com"), m => m.Kind == NetworkApplicationIntake.MailKind);

        var queue = await world.NetworkReviews().ListAsync(world.Vendor, NetworkApplicationFilter.ToReview, 0, 20);
        Assert.Equal(expected.Length, queue.TotalCount);
        Assert.Equal([NetworkCheck.NewCompany], queue.Rows.Single(r => r.Id == known.Id).FailedChecks);
        Assert.Equal(expected.Length, await world.NetworkReviews().WaitingCountAsync(world.Vendor));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_a_name_that_only_looks_like_an_existing_organization_is_not_admitted_automatically(DatabaseProvider provider)
    {
        // An anonymous impostor of "Partner A" would otherwise be admitted unreviewed, and the vendor picks partners by name
        // when it shares opportunities and tops up accounts.
        await using var world = await TestWorld.CreateAsync(provider);
        string[] lookAlikes = ["partner a", "Partner  A", "Partner A.", "Partner \u0410", "\uFF30artner A", "PARTNER-A"];

        var submitted = new List<SubmittedNetworkApplication>();
        for (var i = 0; i < lookAlikes.Length; i++)
        {
            submitted.Add(await world.ApplyAsync(NetworkInput(40 + i, lookAlikes[i], $"lookalike{i}@example.com")));
        }

        Assert.All(submitted, s =>
        {
            Assert.Equal(NetworkApplicationStatus.ManualReview, s.Status);
            Assert.Equal([NetworkCheck.NewCompany], s.FailedChecks);
        });
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(0, await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.SolutionProvider && o.Id != world.PartnerA));
        Assert.Equal(0, await db.MemberInvitations.CountAsync());

        // A reviewer who admits one anyway gets it under a name that cannot be mistaken for the original.
        var first = submitted[0];
        await world.NetworkReviews().ApproveAsync(world.Vendor, await world.NetworkTargetAsync(first.Id), BaseUri);
        var admitted = (await world.LoadNetworkAsync(first.Id)).PartnerOrganizationId;
        var partner = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == admitted);
        Assert.Equal(Organization.NameWithSuffix("partner a", first.Number), partner.Name);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_one_address_is_admitted_automatically_once_while_its_invitation_is_open(DatabaseProvider provider)
    {
        // Otherwise one address could collect an admin seat in a new organization per submission.
        await using var world = await TestWorld.CreateAsync(provider);

        var first = await world.ApplyAsync(NetworkInput(50, "First Integrator Co.", "same.person@example.com"));
        var second = await Assert.ThrowsAsync<ValidationException>(() => world.ApplyAsync(NetworkInput(51, "Second Integrator Co.", "Same.Person@example.com")));

        Assert.Equal(NetworkApplicationStatus.Approved, first.Status);
        Assert.Equal("NetworkApply.EmailInvited", second.FieldErrors[nameof(NetworkApplicationInput.ContactEmail)]);
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.MemberInvitations.CountAsync());
        Assert.Equal(1, await db.NetworkApplications.CountAsync(a => a.ContactEmail.ToLower() == "same.person@example.com"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_the_form_refuses_only_what_no_reviewer_could_act_on_and_stores_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var before = await world.CountOnboardingRowsAsync();
        Task<SubmittedNetworkApplication> Submit(NetworkApplicationInput input) => world.ApplyAsync(input);
        var valid = NetworkInput();

        var empty = await Assert.ThrowsAsync<ValidationException>(() => world.NetworkIntake().SubmitAsync(new NetworkApplicationInput(), [], BaseUri));
        var noCompany = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { CompanyName = "   " }));
        var noContact = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { ContactName = null }));
        var badEmail = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { ContactEmail = "Li Na <li.na@integrator.example>" }));
        var noDotEmail = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { ContactEmail = "lina@localhost" }));
        var shortCode = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { CreditCode = Code()[..17] }));
        var longCode = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { CreditCode = Code() + "1" }));
        var punctuatedCode = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { CreditCode = Code()[..17] + "-" }));
        var badPhone = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { ContactPhone = "call me" }));
        var longCompany = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { CompanyName = new string('x', OnboardingRules.MaxCompanyName + 1) }));

        // Required: company, contact and e-mail. Address, phone, code and licence are the automatic checks' business.
        Assert.Equal(
            [(nameof(NetworkApplicationInput.CompanyName), "Validation.Required"), (nameof(NetworkApplicationInput.ContactEmail), "Validation.Required"),
             (nameof(NetworkApplicationInput.ContactName), "Validation.Required")],
            empty.FieldErrors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value)));
        Assert.Equal("Validation.Required", Assert.Single(noCompany.FieldErrors, e => e.Key == nameof(NetworkApplicationInput.CompanyName)).Value);
        Assert.Single(noCompany.FieldErrors);
        Assert.Equal("Validation.Required", noContact.FieldErrors[nameof(NetworkApplicationInput.ContactName)]);
        Assert.Single(noContact.FieldErrors);
        Assert.Equal("Registration.EmailInvalid", badEmail.FieldErrors[nameof(NetworkApplicationInput.ContactEmail)]);
        Assert.Equal("Registration.EmailInvalid", noDotEmail.FieldErrors[nameof(NetworkApplicationInput.ContactEmail)]);
        foreach (var malformed in new[] { shortCode, longCode, punctuatedCode })
        {
            Assert.Equal("NetworkApply.CreditCodeFormat", malformed.FieldErrors[nameof(NetworkApplicationInput.CreditCode)]);
            Assert.Single(malformed.FieldErrors);
        }

        Assert.Equal("Validation.PhoneInvalid", badPhone.FieldErrors[nameof(NetworkApplicationInput.ContactPhone)]);
        Assert.Equal("Validation.TooLong", longCompany.FieldErrors[nameof(NetworkApplicationInput.CompanyName)]);
        Assert.Equal(before, await world.CountOnboardingRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_documents_are_checked_by_content_size_and_count_and_a_refused_file_stores_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var before = await world.CountOnboardingRowsAsync();
        Task<SubmittedNetworkApplication> Submit(params DocumentUpload[] uploads) => world.ApplyAsync(NetworkInput(), uploads);
        var oversized = new byte[DocumentUploads.MaxBytes + 1];
        PdfBytes().CopyTo(oversized, 0);

        var pngAsPdf = await Assert.ThrowsAsync<ValidationException>(() => Submit(Upload("licence.pdf", PngBytes())));
        var script = await Assert.ThrowsAsync<ValidationException>(() => Submit(Upload("licence.pdf", "<script>alert(1)</script>"u8.ToArray())));
        var pdfAsScript = await Assert.ThrowsAsync<ValidationException>(() => Submit(Upload("licence.js", PdfBytes())));
        var tooLarge = await Assert.ThrowsAsync<ValidationException>(() => Submit(Upload("licence.pdf", oversized)));
        var tooLargeToRead = await Assert.ThrowsAsync<ValidationException>(() => Submit(new DocumentUpload("licence.pdf", DocumentUploads.MaxBytes + 1, null)));
        var emptyFile = await Assert.ThrowsAsync<ValidationException>(() => Submit(new DocumentUpload("licence.pdf", 0, [])));
        var tooMany = await Assert.ThrowsAsync<ValidationException>(() => Submit(Upload("1.pdf"), Upload("2.pdf"), Upload("3.pdf"), Upload("4.pdf")));
        var secondBad = await Assert.ThrowsAsync<ValidationException>(() => Submit(Upload(), Upload("photo.png", PdfBytes())));

        const string field = "Attachments";
        Assert.Equal("Upload.FileType", pngAsPdf.FieldErrors[field]);
        Assert.Equal("Upload.FileType", script.FieldErrors[field]);
        Assert.Equal("Upload.FileType", pdfAsScript.FieldErrors[field]);
        Assert.Equal("Upload.FileTooLarge", tooLarge.FieldErrors[field]);
        Assert.Equal("Upload.FileTooLarge", tooLargeToRead.FieldErrors[field]);
        Assert.Equal("Upload.FileEmpty", emptyFile.FieldErrors[field]);
        Assert.Equal("Upload.TooManyFiles", tooMany.FieldErrors[field]);
        Assert.Equal("Upload.FileType", secondBad.FieldErrors[field]);
        Assert.Equal(before, await world.CountOnboardingRowsAsync());

        // A real PNG named .png beside the PDF: both kept with their sniffed types, and the Documents check passes.
        var accepted = await Submit(Upload(), Upload("licence-back.png", PngBytes()));
        Assert.Equal(NetworkApplicationStatus.Approved, accepted.Status);
        await using var db = await world.Factory.CreateSystemAsync();
        var stored = await db.NetworkApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == accepted.Id).OrderBy(d => d.FileName).ToListAsync();
        Assert.Equal([("licence-back.png", "image/png"), ("licence.pdf", "application/pdf")], stored.Select(d => (d.FileName, d.ContentType)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R41_an_address_that_already_has_an_account_is_refused_whatever_its_case(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.UserAsync(world.PartnerA, "sales-a", "Sales A", AppRoles.AccountManager, email: "sales@partner-a.example");
        var before = await world.CountOnboardingRowsAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => world.ApplyAsync(NetworkInput(email: "Sales@Partner-A.example")));

        Assert.Equal("NetworkApply.EmailHasAccount", refused.FieldErrors[nameof(NetworkApplicationInput.ContactEmail)]);
        Assert.Equal(before, await world.CountOnboardingRowsAsync());

        // The same company with an address that is nobody's account yet is approved.
        var accepted = await world.ApplyAsync(NetworkInput(email: "new.admin@partner-a.example"));
        Assert.Equal(NetworkApplicationStatus.Approved, accepted.Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_a_company_with_an_open_or_approved_application_cannot_apply_again_until_a_rejection_frees_it(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var waiting = await world.ManualReviewAsync(11);
        var approved = await world.ApplyAsync(NetworkInput(12, "Approved Co.", "approved@example.com"));
        Assert.Equal(NetworkApplicationStatus.Approved, approved.Status);
        var before = await world.CountOnboardingRowsAsync();

        // Another contact, the code typed in lower case: still the same company.
        var againWaiting = await Assert.ThrowsAsync<ValidationException>(() =>
            world.ApplyAsync(NetworkInput(11, email: "other@example.com") with { CreditCode = Code(11).ToLowerInvariant() }));
        var againApproved = await Assert.ThrowsAsync<ValidationException>(() => world.ApplyAsync(NetworkInput(12, "Approved Co. (2)", "other2@example.com")));

        Assert.Equal("NetworkApply.CompanyApplied", againWaiting.FieldErrors[nameof(NetworkApplicationInput.CreditCode)]);
        Assert.Equal("NetworkApply.CompanyApplied", againApproved.FieldErrors[nameof(NetworkApplicationInput.CreditCode)]);
        Assert.Equal(before, await world.CountOnboardingRowsAsync());

        await world.NetworkReviews().RejectAsync(world.Vendor, new RejectNetworkApplicationInput(await world.NetworkTargetAsync(waiting.Id), "Attach the business licence."));
        Assert.Null((await world.LoadNetworkAsync(waiting.Id)).HeldCreditCode);

        var second = await world.ApplyAsync(NetworkInput(11, "Shenzhen Cloud Integration Co., Ltd.", "other@example.com"));
        Assert.Equal((NetworkApplicationStatus.Approved, Code(11)), (second.Status, (await world.LoadNetworkAsync(second.Id)).HeldCreditCode));

        // The rejected one cannot come back while the new one holds the company.
        var resubmit = await Assert.ThrowsAsync<ValidationException>(() => world.NetworkIntake().ResubmitAsync(waiting.Token, NetworkInput(11), Licence(), BaseUri));
        Assert.Equal("NetworkApply.CompanyApplied", resubmit.FieldErrors[nameof(NetworkApplicationInput.CreditCode)]);
        var stillRejected = await world.LoadNetworkAsync(waiting.Id);
        Assert.Equal((NetworkApplicationStatus.Rejected, 1, null), (stillRejected.Status, stillRejected.Round, stillRejected.HeldCreditCode));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_an_unknown_or_malformed_link_opens_nothing_and_resubmits_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var submitted = await world.ManualReviewAsync();
        var storedHash = (await world.LoadNetworkAsync(submitted.Id)).TokenHash;

        var errors = new List<NetworkLinkInvalidException>
        {
            await Assert.ThrowsAsync<NetworkLinkInvalidException>(() => world.NetworkIntake().OpenAsync(LinkTokens.NewToken())),
            await Assert.ThrowsAsync<NetworkLinkInvalidException>(() => world.NetworkIntake().OpenAsync(submitted.Token + "x")),
            await Assert.ThrowsAsync<NetworkLinkInvalidException>(() => world.NetworkIntake().OpenAsync(storedHash)),
            await Assert.ThrowsAsync<NetworkLinkInvalidException>(() => world.NetworkIntake().OpenAsync(null)),
            await Assert.ThrowsAsync<NetworkLinkInvalidException>(() => world.NetworkIntake().ResubmitAsync(LinkTokens.NewToken(), NetworkInput(), Licence(), BaseUri)),
        };

        Assert.All(errors, e => Assert.Equal((OnboardingErrorCodes.LinkInvalid, "NetworkApply.LinkInvalid"), (e.Code, e.ResourceKey)));
        Assert.Equal(submitted.Id, (await world.NetworkIntake().OpenAsync(submitted.Token)).Id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_only_a_rejected_application_is_resubmitted_as_a_new_round_whose_checks_count_earlier_documents(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var secondOperator = await world.SecondOperatorAsync();
        // Round 1: the licence is attached but the registered address is missing.
        var submitted = await world.ApplyAsync(NetworkInput() with { RegisteredAddress = null });
        Assert.Equal([NetworkCheck.RequiredFields], submitted.FailedChecks);

        var notRejected = await Assert.ThrowsAsync<BusinessException>(() => world.NetworkIntake().ResubmitAsync(submitted.Token, NetworkInput(), [], BaseUri));
        Assert.Equal(("NetworkApply.NotRejected", ErrorCodes.IllegalOperation), (notRejected.ResourceKey, notRejected.Code));
        Assert.Equal((1, NetworkApplicationStatus.ManualReview), ((await world.LoadNetworkAsync(submitted.Id)).Round, (await world.LoadNetworkAsync(submitted.Id)).Status));

        await world.NetworkReviews().RejectAsync(world.Vendor, new RejectNetworkApplicationInput(await world.NetworkTargetAsync(submitted.Id), "Give the registered address."));
        var opened = await world.NetworkIntake().OpenAsync(submitted.Token);
        Assert.Equal((NetworkApplicationStatus.Rejected, "Give the registered address.", true), (opened.Status, opened.RejectionReason, opened.CanResubmit));

        // Round 2 still lacks the address: checked again, back to the reviewers, who are told again.
        world.Clock.Advance(TimeSpan.FromHours(3));
        await world.NetworkIntake().ResubmitAsync(submitted.Token, NetworkInput() with { RegisteredAddress = "", ContactPhone = "13900001111" }, [], BaseUri);
        var round2 = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((2, NetworkApplicationStatus.ManualReview, "RequiredFields", null, null, "13900001111", world.Clock.GetUtcNow().UtcDateTime),
            (round2.Round, round2.Status, round2.FailedChecks, round2.RejectionReason, round2.DecidedByName, round2.ContactPhone, round2.RoundSubmittedAtUtc));
        Assert.Equal(Code(), round2.HeldCreditCode);
        Assert.Equal(4, (await world.NotificationsAsync(OnboardingNotifications.ApplicationToReview)).Count);

        await world.NetworkReviews().RejectAsync(secondOperator, new RejectNetworkApplicationInput(await world.NetworkTargetAsync(submitted.Id), "Still no address."));

        // Round 3 gives the address and no new document: round 1's licence counts, so every check passes.
        world.Clock.Advance(TimeSpan.FromHours(3));
        await world.NetworkIntake().ResubmitAsync(submitted.Token, NetworkInput(), [], BaseUri);

        var round3 = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((3, NetworkApplicationStatus.Approved, "", AuditExtensions.SystemActorName, null),
            (round3.Round, round3.Status, round3.FailedChecks, round3.DecidedByName, round3.RejectionReason));
        Assert.NotNull(round3.PartnerOrganizationId);
        var events = await world.NetworkEventsAsync(submitted.Id);
        Assert.Equal(
            [(1, NetworkEventKind.Submitted), (1, NetworkEventKind.SentToReview), (1, NetworkEventKind.Rejected),
             (2, NetworkEventKind.Resubmitted), (2, NetworkEventKind.SentToReview), (2, NetworkEventKind.Rejected),
             (3, NetworkEventKind.Resubmitted), (3, NetworkEventKind.AutoApproved)],
            events.Select(e => (e.Round, e.Kind)));
        Assert.Equal("Still no address.", events.Single(e => e.Round == 2 && e.Kind == NetworkEventKind.Rejected).Reason);

        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.NetworkApplicationDocuments.CountAsync(d => d.ApplicationId == submitted.Id));
        Assert.Equal(ContactEmail, (await db.MemberInvitations.AsNoTracking().SingleAsync(i => i.OrganizationId == round3.PartnerOrganizationId)).Email);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityId == submitted.Id.ToString() && a.Action == OnboardingAuditActions.AutoApprove));
        // The applicant's mails: the receipt, two rejections, two resubmissions, and the invitation.
        var mails = await world.MailsToAsync(ContactEmail);
        Assert.Equal(5, mails.Count(m => m.Kind == NetworkApplicationIntake.MailKind));
        Assert.Single(mails, m => m.Kind == MemberInvitations.MailKind);

        // Approved: nothing to resubmit any more.
        var approved = await Assert.ThrowsAsync<BusinessException>(() => world.NetworkIntake().ResubmitAsync(submitted.Token, NetworkInput(), [], BaseUri));
        Assert.Equal("NetworkApply.NotRejected", approved.ResourceKey);
        Assert.Equal(3, (await world.LoadNetworkAsync(submitted.Id)).Round);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_documents_added_on_resubmission_are_kept_with_their_round_and_pass_the_documents_check(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var submitted = await world.ManualReviewAsync();
        Assert.Equal([NetworkCheck.Documents], submitted.FailedChecks);
        await world.NetworkReviews().RejectAsync(world.Vendor, new RejectNetworkApplicationInput(await world.NetworkTargetAsync(submitted.Id), "Attach the business licence."));

        await world.NetworkIntake().ResubmitAsync(submitted.Token, NetworkInput(), Licence("licence-round-2.pdf", "round 2"), BaseUri);

        var application = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((2, NetworkApplicationStatus.Approved), (application.Round, application.Status));
        var detail = await world.NetworkIntake().OpenAsync(submitted.Token);
        var document = Assert.Single(detail.Documents);
        Assert.Equal((2, "licence-round-2.pdf"), (document.Round, document.FileName));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R41_a_resubmission_from_an_address_that_gained_an_account_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var submitted = await world.ManualReviewAsync();
        await world.NetworkReviews().RejectAsync(world.Vendor, new RejectNetworkApplicationInput(await world.NetworkTargetAsync(submitted.Id), "Attach the business licence."));
        await world.UserAsync(world.PartnerA, "li-na", "Li Na", AppRoles.AccountManager, email: ContactEmail);
        var rejected = await world.LoadNetworkAsync(submitted.Id);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => world.NetworkIntake().ResubmitAsync(submitted.Token, NetworkInput(), Licence(), BaseUri));

        Assert.Equal("NetworkApply.EmailHasAccount", refused.FieldErrors[nameof(NetworkApplicationInput.ContactEmail)]);
        var unchanged = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((NetworkApplicationStatus.Rejected, 1, rejected.Version), (unchanged.Status, unchanged.Round, unchanged.Version));
    }
    [Theory, MemberData(nameof(Providers))]
    public async Task R5_an_application_with_a_company_name_of_the_maximum_length_that_fails_a_check_reaches_the_reviewers(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        // The form allows 200 characters; the reviewers' notification (and its mail's subject) quotes the name.
        var company = "Shenzhen " + new string('X', OnboardingRules.MaxCompanyName - "Shenzhen  Co.".Length) + " Co.";
        Assert.Equal(OnboardingRules.MaxCompanyName, company.Length);

        var submitted = await world.NetworkIntake().SubmitAsync(NetworkInput(company: company), [], BaseUri);

        Assert.Equal(NetworkApplicationStatus.ManualReview, submitted.Status);
        Assert.Equal(company, (await world.LoadNetworkAsync(submitted.Id)).CompanyName);
        var bell = Assert.Single(await world.NotificationsAsync(OnboardingNotifications.ApplicationToReview));
        Assert.Equal(world.Vendor.UserId, bell.RecipientUserId);
        Assert.Contains(company, bell.Arguments);
        Assert.Single(await world.MailsToAsync("vendor@test"), m => m.Kind == OnboardingNotifications.ApplicationToReview);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R5_the_same_link_resubmitted_twice_at_once_makes_one_round_and_one_partner(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var submitted = await world.ManualReviewAsync();
        await world.NetworkReviews().RejectAsync(world.Vendor, new RejectNetworkApplicationInput(await world.NetworkTargetAsync(submitted.Id), "Attach the business licence."));

        using var start = new ManualResetEventSlim(false);
        var attempts = Enumerable.Range(1, 2)
            .Select(tab => Task.Run(async () => { start.Wait(); await world.NetworkIntake().ResubmitAsync(submitted.Token, NetworkInput(), Licence($"licence-tab-{tab}.pdf"), BaseUri); }))
            .ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts.Select(Outcome));

        var failure = Assert.Single(outcomes, o => o is not null);
        var loser = failure as BusinessException ?? throw new Xunit.Sdk.XunitException($"The second tab got {failure}");
        var application = await world.LoadNetworkAsync(submitted.Id);
        Assert.Equal((2, NetworkApplicationStatus.Approved), (application.Round, application.Status));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.Name == Company));
        Assert.Equal(1, await db.MemberInvitations.CountAsync());
        Assert.Equal(1, await db.NetworkApplicationDocuments.CountAsync(d => d.ApplicationId == submitted.Id));
        Assert.Single(await world.NetworkEventsAsync(submitted.Id), e => e.Kind == NetworkEventKind.Resubmitted);
        // The second tab is told its application moved on (resubmitted meanwhile, or no longer rejected), not that its company
        // has an application elsewhere.
        Assert.True(loser.ResourceKey is "NetworkApply.AlreadyResubmitted" or "NetworkApply.NotRejected", $"The second tab was told: {loser.Message}");
    }
}
