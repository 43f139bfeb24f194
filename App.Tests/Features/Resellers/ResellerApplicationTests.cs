using BlazorPartner.Platform.Uploads;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Features.Onboarding.Network;
using BlazorPartner.Features.Resellers;
using BlazorPartner.Tests.Features.Onboarding;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Notifications;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static BlazorPartner.Tests.Features.Resellers.ResellerTestKit;

namespace BlazorPartner.Tests.Features.Resellers;

/// <summary>R40–R42, the public side: a company applies under the distributor it names, one application per company, a new account.</summary>
public class ResellerApplicationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_a_valid_application_waits_for_the_vendor_with_its_licence_a_mail_to_the_contact_and_the_vendor_reviewers_told(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var secondVendor = await world.SecondVendorAsync();

        var submitted = await world.Intake().SubmitAsync(
            Input(world.PartnerB) with { CreditCode = " " + Code().ToLowerInvariant() + " " },
            [Upload("C:\\scans\\licence.pdf", PdfBytes("Suzhou"))], BaseUri);

        var application = await world.LoadApplicationAsync(submitted.Id);
        Assert.Equal((ResellerApplicationStatus.VendorReview, 1, world.PartnerB), (application.Status, application.Round, application.OrganizationId));
        Assert.Equal((Code(), Code()), (application.CreditCode, application.HeldCreditCode));
        Assert.Equal(("Suzhou Cloud Reseller Co.", "Xu Ming", "13812345678", ContactEmail),
            (application.CompanyName, application.ContactName, application.ContactPhone, application.ContactEmail));
        Assert.Equal((ResellerRules.NumberFor(submitted.Id), ResellerRules.NumberFor(submitted.Id)), (submitted.Number, application.Number));
        Assert.Equal(LinkTokens.Hash(submitted.Token), application.TokenHash);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, application.SubmittedAtUtc);
        Assert.Null(application.DecidedByName);

        var submittedEvent = Assert.Single(await world.EventsAsync(submitted.Id));
        Assert.Equal((ResellerEventKind.Submitted, 1, null), (submittedEvent.Kind, submittedEvent.Round, submittedEvent.ActorName));
        Assert.Contains(Code(), submittedEvent.Details);

        await using var db = await world.Factory.CreateSystemAsync();
        var attachment = Assert.Single(await db.ResellerApplicationAttachments.AsNoTracking().Where(f => f.ApplicationId == submitted.Id).ToListAsync());
        Assert.Equal(("licence.pdf", "application/pdf", 1, world.PartnerB), (attachment.FileName, attachment.ContentType, attachment.Round, attachment.OrganizationId));
        Assert.Equal(PdfBytes("Suzhou"), attachment.Content);
        Assert.Equal(PdfBytes("Suzhou").Length, attachment.SizeBytes);

        var mail = Assert.Single(await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Kind == ResellerApplicationIntake.MailKind).ToListAsync());
        Assert.Equal((ContactEmail, ResellerApplicationIntake.MailKind), (mail.Recipient, mail.Kind));
        Assert.Contains(ResellerRoutes.FollowLink(BaseUri, submitted.Token), mail.Body);
        Assert.Contains(submitted.Number, mail.Subject + mail.Body);

        var bells = await db.Set<Notification>().AsNoTracking().Where(n => n.Kind == ResellerNotifications.Submitted).ToListAsync();
        Assert.Equal(new[] { world.Vendor.UserId, secondVendor.UserId }.Order(), bells.Select(n => n.RecipientUserId).Order());
        Assert.All(bells, n => Assert.Equal(ResellerRoutes.VendorApplications, n.Link));
        Assert.All(bells, n => Assert.Contains(submitted.Number, n.Arguments));

        var opened = await world.Intake().OpenAsync(submitted.Token);
        Assert.Equal((submitted.Id, ResellerApplicationStatus.VendorReview, "Partner B", world.PartnerB), (opened.Id, opened.Status, opened.DistributorName, opened.DistributorId));
        Assert.Equal(ResellerEventKind.Submitted, Assert.Single(opened.History).Kind);
        Assert.Equal(attachment.Id, Assert.Single(opened.Attachments).Id);
        Assert.False(opened.CanResubmit);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_an_unknown_or_malformed_link_opens_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var submitted = await world.SubmitAsync();

        var unknown = await Assert.ThrowsAsync<ResellerLinkInvalidException>(() => world.Intake().OpenAsync(LinkTokens.NewToken()));
        var malformed = await Assert.ThrowsAsync<ResellerLinkInvalidException>(() => world.Intake().OpenAsync(submitted.Token + "x"));
        var storedHash = (await world.LoadApplicationAsync(submitted.Id)).TokenHash;
        var hash = await Assert.ThrowsAsync<ResellerLinkInvalidException>(() => world.Intake().OpenAsync(storedHash));

        Assert.All(new[] { unknown, malformed, hash }, e => Assert.Equal((ResellerErrorCodes.LinkInvalid, "ResellerApply.LinkInvalid"), (e.Code, e.ResourceKey)));
        Assert.Equal(submitted.Id, (await world.Intake().OpenAsync(submitted.Token)).Id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_bad_fields_are_refused_one_by_one_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        Task<SubmittedApplication> Submit(ResellerApplicationInput input, IReadOnlyList<DocumentUpload>? uploads = null) =>
            world.Intake().SubmitAsync(input, uploads ?? Licence(), BaseUri);
        var valid = Input(world.PartnerB);

        var badCode = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { CreditCode = BadCode() }));
        var noDistributor = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { DistributorId = null }));
        var emptyDistributor = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { DistributorId = Guid.Empty }));
        var unknownDistributor = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { DistributorId = Guid.NewGuid() }));
        var solutionProvider = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { DistributorId = world.PartnerA }));
        var vendor = await Assert.ThrowsAsync<ValidationException>(() => Submit(valid with { DistributorId = world.VendorOrg }));
        var required = await Assert.ThrowsAsync<ValidationException>(() => Submit(new ResellerApplicationInput { DistributorId = world.PartnerB }));

        Assert.Equal("Registration.CreditCodeInvalid", badCode.FieldErrors[nameof(ResellerApplicationInput.CreditCode)]);
        Assert.Single(badCode.FieldErrors);
        Assert.Equal("ResellerApply.DistributorRequired", noDistributor.FieldErrors[nameof(ResellerApplicationInput.DistributorId)]);
        Assert.Equal("ResellerApply.DistributorRequired", emptyDistributor.FieldErrors[nameof(ResellerApplicationInput.DistributorId)]);
        Assert.Equal("ResellerApply.DistributorUnknown", unknownDistributor.FieldErrors[nameof(ResellerApplicationInput.DistributorId)]);
        Assert.Equal("ResellerApply.DistributorUnknown", solutionProvider.FieldErrors[nameof(ResellerApplicationInput.DistributorId)]);
        Assert.Equal("ResellerApply.DistributorUnknown", vendor.FieldErrors[nameof(ResellerApplicationInput.DistributorId)]);
        foreach (var field in new[] { nameof(ResellerApplicationInput.CompanyName), nameof(ResellerApplicationInput.CreditCode), nameof(ResellerApplicationInput.ContactName),
            nameof(ResellerApplicationInput.ContactPhone), nameof(ResellerApplicationInput.ContactEmail) })
        {
            Assert.Equal("Validation.Required", required.FieldErrors[field]);
        }

        Assert.Equal((0, 0, 0, 0, 0, 0), await world.CountResellerRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_the_licence_is_required_and_checked_by_content_and_size_and_a_refused_file_stores_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        Task<SubmittedApplication> Submit(params DocumentUpload[] uploads) => world.Intake().SubmitAsync(Input(world.PartnerB), uploads, BaseUri);
        var oversized = new byte[ResellerRules.MaxAttachmentBytes + 1];
        PdfBytes().CopyTo(oversized, 0);

        var none = await Assert.ThrowsAsync<ValidationException>(() => Submit());
        var pngAsPdf = await Assert.ThrowsAsync<ValidationException>(() => Submit(Upload("licence.pdf", PngBytes())));
        var textAsPdf = await Assert.ThrowsAsync<ValidationException>(() => Submit(Upload("licence.pdf", "<script>alert(1)</script>"u8.ToArray())));
        var pdfAsScript = await Assert.ThrowsAsync<ValidationException>(() => Submit(Upload("licence.js", PdfBytes())));
        var tooLarge = await Assert.ThrowsAsync<ValidationException>(() => Submit(Upload("licence.pdf", oversized)));
        var tooLargeToRead = await Assert.ThrowsAsync<ValidationException>(() => Submit(new DocumentUpload("licence.pdf", ResellerRules.MaxAttachmentBytes + 1, null)));
        var secondBad = await Assert.ThrowsAsync<ValidationException>(() => Submit(Upload(), Upload("photo.png", PdfBytes())));

        const string field = "Attachments";
        Assert.Equal("ResellerApply.LicenceRequired", none.FieldErrors[field]);
        Assert.Equal("Upload.FileType", pngAsPdf.FieldErrors[field]);
        Assert.Equal("Upload.FileType", textAsPdf.FieldErrors[field]);
        Assert.Equal("Upload.FileType", pdfAsScript.FieldErrors[field]);
        Assert.Equal("Upload.FileTooLarge", tooLarge.FieldErrors[field]);
        Assert.Equal("Upload.FileTooLarge", tooLargeToRead.FieldErrors[field]);
        Assert.Equal("Upload.FileType", secondBad.FieldErrors[field]);
        Assert.Equal((0, 0, 0, 0, 0, 0), await world.CountResellerRowsAsync());

        // The same checks let a real PNG named .png through, next to the PDF: both stored with their sniffed types.
        var accepted = await Submit(Upload(), Upload("licence-back.png", PngBytes()));
        await using var db = await world.Factory.CreateSystemAsync();
        var stored = await db.ResellerApplicationAttachments.AsNoTracking().Where(f => f.ApplicationId == accepted.Id).OrderBy(f => f.FileName).ToListAsync();
        Assert.Equal([("licence-back.png", "image/png"), ("licence.pdf", "application/pdf")], stored.Select(f => (f.FileName, f.ContentType)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R41_the_contact_address_of_an_existing_account_is_refused_but_the_same_company_applies_with_another_address(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        // Partner A (a solution provider) has a member who signs in with this address.
        await world.AddUserAsync(world.PartnerA, "sales-a", "Sales A", AppRoles.AccountManager, email: "sales@partner-a.example");
        var partnerA = Input(world.PartnerB, company: "Partner A") with { ContactEmail = "Sales@Partner-A.example" };

        var refused = await Assert.ThrowsAsync<ValidationException>(() => world.Intake().SubmitAsync(partnerA, Licence(), BaseUri));

        Assert.Equal("ResellerApply.EmailHasAccount", refused.FieldErrors[nameof(ResellerApplicationInput.ContactEmail)]);
        Assert.Equal((0, 0, 0, 0, 0, 0), await world.CountResellerRowsAsync());

        // R41: the solution provider may also be a reseller, through a separate account.
        var accepted = await world.Intake().SubmitAsync(partnerA with { ContactEmail = "reseller@partner-a.example" }, Licence(), BaseUri);
        var application = await world.LoadApplicationAsync(accepted.Id);
        Assert.Equal(("Partner A", "reseller@partner-a.example", ResellerApplicationStatus.VendorReview), (application.CompanyName, application.ContactEmail, application.Status));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R42_a_company_with_an_open_application_cannot_apply_again_until_the_vendor_rejects_it(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var (partnerD, _) = await world.SecondDistributorAsync();
        var first = await world.SubmitAsync();

        // Another distributor, another contact, the code typed in lower case: still the same company.
        var again = await Assert.ThrowsAsync<ValidationException>(() => world.Intake().SubmitAsync(
            Input(partnerD, email: "other@reseller.example") with { CreditCode = Code().ToLowerInvariant() }, Licence(), BaseUri));

        Assert.Equal("ResellerApply.CompanyApplied", again.FieldErrors[nameof(ResellerApplicationInput.CreditCode)]);
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            Assert.Equal(1, await db.ResellerApplications.CountAsync());
        }

        await world.Reviews().VendorRejectAsync(world.Vendor, new RejectApplicationInput(await world.TargetAsync(first.Id), "Wrong distributor"));
        Assert.Null((await world.LoadApplicationAsync(first.Id)).HeldCreditCode);

        var second = await world.Intake().SubmitAsync(Input(partnerD, email: "other@reseller.example"), Licence(), BaseUri);

        var application = await world.LoadApplicationAsync(second.Id);
        Assert.Equal((ResellerApplicationStatus.VendorReview, partnerD, Code()), (application.Status, application.OrganizationId, application.HeldCreditCode));
        // The rejected one cannot now come back while the new one holds the company.
        var resubmit = await Assert.ThrowsAsync<ValidationException>(() => world.Intake().ResubmitAsync(first.Token, Input(world.PartnerB), [], BaseUri));
        Assert.Equal("ResellerApply.CompanyApplied", resubmit.FieldErrors[nameof(ResellerApplicationInput.CreditCode)]);
        var stillRejected = await world.LoadApplicationAsync(first.Id);
        Assert.Equal((ResellerApplicationStatus.Rejected, 1, null), (stillRejected.Status, stillRejected.Round, stillRejected.HeldCreditCode));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R42_an_approved_reseller_keeps_its_company_and_cannot_apply_to_any_program_again(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var (partnerD, _) = await world.SecondDistributorAsync();
        var reseller = await world.ApprovedResellerAsync(reviewer);

        var again = await Assert.ThrowsAsync<ValidationException>(() => world.Intake().SubmitAsync(
            Input(partnerD, company: "Suzhou Cloud Reseller (East) Co.", email: "east@reseller.example"), Licence(), BaseUri));

        Assert.Equal("ResellerApply.CompanyApplied", again.FieldErrors[nameof(ResellerApplicationInput.CreditCode)]);

        // Nor to the partner network with the reseller's own address: while its admin invitation is open the address is about
        // to be the reseller's account, and once the admin joined it is that account.
        var network = world.Get<NetworkApplicationIntake>();
        var asPartner = OnboardingTestKit.NetworkInput(company: "Suzhou Cloud Reseller Co.", email: ContactEmail) with { CreditCode = Code() };
        var invited = await Assert.ThrowsAsync<ValidationException>(() => network.SubmitAsync(asPartner, Licence(), BaseUri));
        Assert.Equal("NetworkApply.EmailInvited", invited.FieldErrors[nameof(NetworkApplicationInput.ContactEmail)]);
        await world.AddUserAsync(reseller, "xu-ming", "Xu Ming", AppRoles.PartnerAdmin, email: ContactEmail);
        var joined = await Assert.ThrowsAsync<ValidationException>(() => network.SubmitAsync(asPartner, Licence(), BaseUri));
        Assert.Equal("NetworkApply.EmailHasAccount", joined.FieldErrors[nameof(NetworkApplicationInput.ContactEmail)]);

        await using var db = await world.Factory.CreateSystemAsync();
        var approved = await db.ResellerApplications.AsNoTracking().SingleAsync();
        Assert.Equal((ResellerApplicationStatus.Approved, Code(), reseller), (approved.Status, approved.HeldCreditCode, approved.ResellerOrganizationId));
        Assert.Equal(0, await db.NetworkApplications.CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R41_an_approved_resellers_company_joins_the_partner_network_with_a_new_account_beside_the_reseller(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();
        var reseller = await world.ApprovedResellerAsync(reviewer);
        var input = OnboardingTestKit.NetworkInput(company: "Suzhou Cloud Reseller Co.", email: "partner@reseller.example") with { CreditCode = Code() };

        var submitted = await world.Get<NetworkApplicationIntake>().SubmitAsync(input, Licence(), BaseUri);

        // The name is the reseller's already: a reviewer decides, and admits it as a solution provider beside the reseller.
        Assert.Equal(NetworkApplicationStatus.ManualReview, submitted.Status);
        var target = new NetworkApplicationTarget(submitted.Id, (await world.Get<NetworkApplicationReviews>().DetailAsync(world.Vendor, submitted.Id)).Version);
        var partner = await world.Get<NetworkApplicationReviews>().ApproveAsync(world.Vendor, target, BaseUri);
        await using var db = await world.Factory.CreateSystemAsync();
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.Id == reseller || o.Id == partner).ToDictionaryAsync(o => o.Id);
        Assert.Equal((OrganizationKind.Reseller, (Guid?)world.PartnerB), (organizations[reseller].Kind, organizations[reseller].ParentOrganizationId));
        Assert.Equal((OrganizationKind.SolutionProvider, null), (organizations[partner].Kind, organizations[partner].ParentOrganizationId));
        Assert.Equal("partner@reseller.example", (await db.MemberInvitations.AsNoTracking().SingleAsync(i => i.OrganizationId == partner)).Email);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R44_a_solution_provider_joins_as_a_reseller_only_with_another_account_and_its_distributor_associates_it(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reviewer = await world.ReviewerBAsync();

        // A Partner A account stays Partner A's (R41, R44), and so does a member Partner A invited who has not joined yet.
        await world.AddUserAsync(world.PartnerA, "zhou-li", "Zhou Li", AppRoles.PartnerAdmin, email: "zhou.li@partner-a.example");
        var own = await Assert.ThrowsAsync<ValidationException>(() => world.SubmitAsync(company: "Partner A", email: "zhou.li@partner-a.example"));
        Assert.Equal("ResellerApply.EmailHasAccount", own.FieldErrors[nameof(ResellerApplicationInput.ContactEmail)]);
        await world.Get<MemberInvitations>().InviteAsync(world.AdminA,
            new InviteMemberInput { Email = "new.staff@partner-a.example", Roles = [AppRoles.AccountManager] }, BaseUri);
        var invited = await Assert.ThrowsAsync<ValidationException>(() => world.SubmitAsync(company: "Partner A", email: "new.staff@partner-a.example"));
        Assert.Equal("ResellerApply.EmailInvited", invited.FieldErrors[nameof(ResellerApplicationInput.ContactEmail)]);
        Assert.Equal(0, (await world.CountResellerRowsAsync()).Applications);

        // With a newly registered address it applies, and the distributor's approval makes it that distributor's reseller.
        var resellerId = await world.ApprovedResellerAsync(reviewer, company: "Partner A", email: "reseller@partner-a.example");

        await using var db = await world.Factory.CreateSystemAsync();
        var reseller = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == resellerId);
        Assert.Equal((OrganizationKind.Reseller, (Guid?)world.PartnerB), (reseller.Kind, reseller.ParentOrganizationId));
        var partnerA = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == world.PartnerA);
        Assert.Equal((OrganizationKind.SolutionProvider, null), (partnerA.Kind, partnerA.ParentOrganizationId));
        Assert.Equal("reseller@partner-a.example", (await db.MemberInvitations.AsNoTracking().SingleAsync(i => i.OrganizationId == resellerId)).Email);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R42_two_applications_of_one_company_submitted_at_once_store_exactly_one(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);

        using var start = new ManualResetEventSlim(false);
        var attempts = new[] { "first@reseller.example", "second@reseller.example", "third@reseller.example" }
            .Select(email => Task.Run(async () => { start.Wait(); await world.SubmitAsync(email: email); }))
            .ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts.Select(Outcome));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o =>
            Assert.Equal("ResellerApply.CompanyApplied", Assert.IsType<ValidationException>(o).FieldErrors[nameof(ResellerApplicationInput.CreditCode)]));
        var counts = await world.CountResellerRowsAsync();
        Assert.Equal((1, 1, 1, 1), (counts.Applications, counts.Events, counts.Attachments, counts.Notifications));
        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == ResellerApplicationIntake.MailKind));
    }
}
