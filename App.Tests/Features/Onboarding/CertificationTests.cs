using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Features.Onboarding.Certification;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static BlazorPartner.Tests.Features.Onboarding.OnboardingTestKit;

namespace BlazorPartner.Tests.Features.Onboarding;

/// <summary>R6, business-information certification: automatic when the bank account is the company's own and the vendor's; otherwise a bank letter or a reviewer.</summary>
public class CertificationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_an_account_in_the_companys_own_name_without_a_supplier_record_is_certified_automatically_and_R4_the_audit_masks_it(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var now = world.Clock.GetUtcNow().UtcDateTime;

        // The holder typed with other spacing, case and full-width brackets is still the company.
        var view = await world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code().ToLowerInvariant(),
            legalName: "Shanghai Partner A (Technology) Co., Ltd.", holder: "shanghai partner a（technology）co.,ltd."));

        Assert.Equal((CertificationStatus.Certified, 1, AuditExtensions.SystemActorName, (DateTime?)now, world.PartnerA, "Partner A"),
            (view.Status, view.Round, view.DecidedByName, view.DecidedAtUtc, view.OrganizationId, view.PartnerName));
        Assert.Equal((Code(), Account, BankA), (view.CreditCode, view.BankAccount, view.BankName));
        Assert.Equal([(CertificationEventKind.Submitted, "Admin A"), (CertificationEventKind.AutoCertified, null)], view.History.Select(h => (h.Kind, h.ActorName)));
        Assert.True(view.CanSubmit);

        var stored = await world.LoadCertificationAsync(world.PartnerA);
        Assert.Equal((view.Id, CertificationStatus.Certified, Account, Code()), (stored.Id, stored.Status, stored.BankAccount, stored.CreditCode));
        var audit = Assert.Single(await world.AuditsAsync(view.Id));
        Assert.Equal((OnboardingAuditActions.CertificationSubmit, "Admin A", (Guid?)world.PartnerA), (audit.Action, audit.ActorName, audit.OrganizationId));
        // R4: the audit shows the last four digits only.
        Assert.Contains(OnboardingRules.MaskAccount(Account), audit.After);
        Assert.DoesNotContain(Account, audit.After);
        Assert.Empty(await world.NotificationsAsync(OnboardingNotifications.CertificationToReview));
        Assert.Equal(0, await world.Certifications().WaitingCountAsync(world.Vendor));

        Assert.Equal(view.Id, (await world.Certifications().MineAsync(world.AdminA))!.Id);
        Assert.Null(await world.Certifications().MineAsync(world.AdminB));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_the_same_bank_account_and_bank_the_vendor_holds_as_a_supplier_certifies_automatically(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.SupplierAsync(Code(), "BANK OF  SHANGHAI", Account);

        var view = await world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code()));

        Assert.Equal((CertificationStatus.Certified, AuditExtensions.SystemActorName), (view.Status, view.DecidedByName));
        Assert.Equal(Account, (await world.LoadSupplierAsync(Code())).BankAccount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_an_account_holder_other_than_the_company_goes_to_a_vendor_reviewer_who_certifies_it(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var secondOperator = await world.SecondOperatorAsync();

        var view = await world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), holder: "Zhang Wei"));

        Assert.Equal((CertificationStatus.ManualReview, null, false), (view.Status, view.DecidedByName, view.CanSubmit));
        Assert.Equal([CertificationEventKind.Submitted, CertificationEventKind.SentToReview], view.History.Select(h => h.Kind));
        var bells = await world.NotificationsAsync(OnboardingNotifications.CertificationToReview);
        Assert.Equal(new[] { world.Vendor.UserId, secondOperator.UserId }.Order(), bells.Select(n => n.RecipientUserId).Order());
        Assert.All(bells, n => Assert.Equal(OnboardingRoutes.VendorCertifications, n.Link));
        Assert.All(bells, n => Assert.Contains("Partner A", n.Arguments));

        var queue = await world.Certifications().ListAsync(world.Vendor, CertificationFilter.ToReview, 0, 20);
        var row = Assert.Single(queue.Rows);
        Assert.Equal((view.Id, "Partner A", LegalNameA, CertificationStatus.ManualReview), (row.Id, row.PartnerName, row.LegalName, row.Status));
        Assert.Equal(1, await world.Certifications().WaitingCountAsync(world.Vendor));
        var review = await world.Certifications().ReviewAsync(world.Vendor, view.Id);
        Assert.Equal(("Zhang Wei", null, null), (review.Certification.AccountHolder, review.SupplierBankName, review.SupplierBankAccount));

        // While the reviewer has it the partner waits.
        var underReview = await Assert.ThrowsAsync<BusinessException>(() =>
            world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), view.Version)));
        Assert.Equal("Certification.UnderReview", underReview.ResourceKey);
        Assert.Equal((CertificationStatus.ManualReview, view.Version, 1), ((await world.LoadCertificationAsync(world.PartnerA)).Status, (await world.LoadCertificationAsync(world.PartnerA)).Version, (await world.LoadCertificationAsync(world.PartnerA)).Round));

        world.Clock.Advance(TimeSpan.FromHours(5));
        await world.Certifications().ApproveAsync(world.Vendor, new CertificationTarget(row.Id, row.Version));

        var certified = await world.LoadCertificationAsync(world.PartnerA);
        Assert.Equal((CertificationStatus.Certified, "Vendor Op", (DateTime?)world.Clock.GetUtcNow().UtcDateTime, row.Version + 1),
            (certified.Status, certified.DecidedByName, certified.DecidedAtUtc, certified.Version));
        Assert.Equal([OnboardingAuditActions.CertificationSubmit, OnboardingAuditActions.CertificationApprove], (await world.AuditsAsync(view.Id)).Select(a => a.Action));
        Assert.Equal("Vendor Op", (await world.AuditsAsync(view.Id))[^1].ActorName);
        // Partner A's certifiers (its admin) are told; its other members are not.
        var decided = Assert.Single(await world.NotificationsAsync(OnboardingNotifications.CertificationDecided));
        Assert.Equal((world.AdminA.UserId, world.PartnerA, OnboardingRoutes.Certification), (decided.RecipientUserId, decided.OrganizationId, decided.Link));
        Assert.Equal(0, await world.Certifications().WaitingCountAsync(world.Vendor));
        Assert.Equal(CertificationStatus.Certified, (await world.Certifications().MineAsync(world.AdminA))!.Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_another_bank_account_than_the_supplier_records_needs_a_bank_letter_whose_approval_updates_the_supplier_record(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var secondOperator = await world.SecondOperatorAsync();
        await world.SupplierAsync(Code(), BankA, "6222020200199999999");

        var view = await world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code()));

        Assert.Equal((CertificationStatus.BankLetterRequired, true, true), (view.Status, view.NeedsBankLetter, view.CanSubmit));
        Assert.Equal([CertificationEventKind.Submitted, CertificationEventKind.BankMismatch], view.History.Select(h => h.Kind));
        // Not a reviewer's business yet: the partner has a letter to upload.
        Assert.Empty(await world.NotificationsAsync(OnboardingNotifications.CertificationToReview));
        Assert.Equal(0, await world.Certifications().WaitingCountAsync(world.Vendor));

        var noFile = await Assert.ThrowsAsync<ValidationException>(() => world.Certifications().UploadBankLetterAsync(world.AdminA, view.Version, []));
        var badFile = await Assert.ThrowsAsync<ValidationException>(() => world.Certifications().UploadBankLetterAsync(world.AdminA, view.Version, [Upload("letter.pdf", PngBytes())]));
        var staleVersion = await Assert.ThrowsAsync<CertificationChangedException>(() =>
            world.Certifications().UploadBankLetterAsync(world.AdminA, view.Version + 1, [Upload("bank-letter.pdf")]));
        Assert.Equal("Certification.BankLetterRequiredField", noFile.FieldErrors["BankLetter"]);
        Assert.Equal("Upload.FileType", badFile.FieldErrors["BankLetter"]);
        Assert.Equal("Certification.ChangedMeanwhile", staleVersion.ResourceKey);
        Assert.Empty((await world.Certifications().MineAsync(world.AdminA))!.Documents);

        world.Clock.Advance(TimeSpan.FromHours(1));
        await world.Certifications().UploadBankLetterAsync(world.AdminA, view.Version, [Upload("bank-letter.pdf", PdfBytes("letter of Partner A"))]);

        var inReview = (await world.Certifications().MineAsync(world.AdminA))!;
        Assert.Equal((CertificationStatus.BankLetterReview, false, world.Clock.GetUtcNow().UtcDateTime), (inReview.Status, inReview.CanSubmit, inReview.WaitingSinceUtc));
        var letter = Assert.Single(inReview.Documents);
        Assert.Equal((1, "bank-letter.pdf"), (letter.Round, letter.FileName));
        Assert.Equal(CertificationEventKind.BankLetterUploaded, inReview.History[^1].Kind);
        Assert.Equal(2, (await world.NotificationsAsync(OnboardingNotifications.CertificationToReview)).Count);
        Assert.Equal(OnboardingAuditActions.CertificationLetter, (await world.AuditsAsync(view.Id))[^1].Action);

        // Once uploaded: no second letter, and no new submission while the reviewer has it.
        var again = await Assert.ThrowsAsync<BusinessException>(() => world.Certifications().UploadBankLetterAsync(world.AdminA, inReview.Version, [Upload("bank-letter-2.pdf")]));
        Assert.Equal("Certification.NoLetterNeeded", again.ResourceKey);
        var resubmit = await Assert.ThrowsAsync<BusinessException>(() => world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), inReview.Version)));
        Assert.Equal("Certification.UnderReview", resubmit.ResourceKey);

        // The reviewer compares with what the supplier system holds, and reads the letter; so does the partner's admin.
        var review = await world.Certifications().ReviewAsync(secondOperator, view.Id);
        Assert.Equal((BankA, "6222020200199999999", Account), (review.SupplierBankName, review.SupplierBankAccount, review.Certification.BankAccount));
        Assert.Equal(PdfBytes("letter of Partner A"), (await world.Certifications().DocumentAsync(secondOperator, view.Id, letter.Id))!.Content);
        Assert.Equal(PdfBytes("letter of Partner A"), (await world.Certifications().DocumentAsync(world.AdminA, view.Id, letter.Id))!.Content);
        var row = Assert.Single((await world.Certifications().ListAsync(world.Vendor, CertificationFilter.ToReview, 0, 20)).Rows);
        Assert.Equal(CertificationStatus.BankLetterReview, row.Status);

        world.Clock.Advance(TimeSpan.FromDays(3));
        await world.Certifications().ApproveAsync(secondOperator, new CertificationTarget(view.Id, row.Version));

        var certified = await world.LoadCertificationAsync(world.PartnerA);
        Assert.Equal((CertificationStatus.Certified, "Vendor Op Two"), (certified.Status, certified.DecidedByName));
        var supplier = await world.LoadSupplierAsync(Code());
        Assert.Equal((BankA, Account, world.Clock.GetUtcNow().UtcDateTime), (supplier.BankName, supplier.BankAccount, supplier.UpdatedAtUtc));
        var approveAudit = (await world.AuditsAsync(view.Id))[^1];
        Assert.Equal((OnboardingAuditActions.CertificationApprove, "Vendor Op Two"), (approveAudit.Action, approveAudit.ActorName));
        Assert.Contains("BankLetterReview", approveAudit.Before);

        // The next certification of the company passes on its own: the supplier record now holds the certified account.
        var round2 = await world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), certified.Version));
        Assert.Equal((CertificationStatus.Certified, 2, AuditExtensions.SystemActorName), (round2.Status, round2.Round, round2.DecidedByName));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_the_same_account_at_another_bank_than_the_supplier_records_also_needs_a_bank_letter(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await world.SupplierAsync(Code(), "China Merchants Bank", Account);

        var view = await world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code()));

        Assert.Equal(CertificationStatus.BankLetterRequired, view.Status);
        // A bank mismatch is asked of the partner before the holder is looked at.
        var otherHolder = await world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), view.Version, holder: "Zhang Wei"));
        Assert.Equal((CertificationStatus.BankLetterRequired, 2), (otherHolder.Status, otherHolder.Round));
        Assert.Empty(await world.NotificationsAsync(OnboardingNotifications.CertificationToReview));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_a_rejected_bank_letter_leaves_the_supplier_record_and_the_partner_submits_again_in_a_new_round(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var view = await world.BankLetterInReviewAsync(world.AdminA, Code());
        var target = new CertificationTarget(view.Id, view.Version);

        var noReason = await Assert.ThrowsAsync<ValidationException>(() => world.Certifications().RejectAsync(world.Vendor, new RejectCertificationInput(target, " ")));
        Assert.Equal("Validation.Required", noReason.FieldErrors["Reason"]);
        Assert.Equal((CertificationStatus.BankLetterReview, view.Version), ((await world.LoadCertificationAsync(world.PartnerA)).Status, (await world.LoadCertificationAsync(world.PartnerA)).Version));

        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.Certifications().RejectAsync(world.Vendor, new RejectCertificationInput(target, " The letter is not stamped by the bank. "));

        var rejected = (await world.Certifications().MineAsync(world.AdminA))!;
        Assert.Equal((CertificationStatus.Rejected, "The letter is not stamped by the bank.", "Vendor Op", true),
            (rejected.Status, rejected.RejectionReason, rejected.DecidedByName, rejected.CanSubmit));
        Assert.Equal((CertificationEventKind.Rejected, "The letter is not stamped by the bank."), (rejected.History[^1].Kind, rejected.History[^1].Reason));
        Assert.Equal("6222020200199999999", (await world.LoadSupplierAsync(Code())).BankAccount);
        var audit = (await world.AuditsAsync(view.Id))[^1];
        Assert.Equal((OnboardingAuditActions.CertificationReject, "Vendor Op", "The letter is not stamped by the bank."), (audit.Action, audit.ActorName, audit.Reason));
        var told = Assert.Single(await world.NotificationsAsync(OnboardingNotifications.CertificationDecided));
        Assert.Equal(world.AdminA.UserId, told.RecipientUserId);
        Assert.Contains("The letter is not stamped by the bank.", told.Arguments);
        // Decided: a second decision on the page the reviewer still has is refused.
        await Assert.ThrowsAsync<CertificationChangedException>(() => world.Certifications().ApproveAsync(world.Vendor, target));

        // Round 2: the account the supplier system holds, and the company's own name: certified at once.
        world.Clock.Advance(TimeSpan.FromDays(1));
        var round2 = await world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), rejected.Version, account: "6222020200199999999"));

        Assert.Equal((CertificationStatus.Certified, 2, null), (round2.Status, round2.Round, round2.RejectionReason));
        Assert.Equal(
            [(1, CertificationEventKind.Submitted), (1, CertificationEventKind.BankMismatch), (1, CertificationEventKind.BankLetterUploaded), (1, CertificationEventKind.Rejected),
             (2, CertificationEventKind.Submitted), (2, CertificationEventKind.AutoCertified)],
            round2.History.Select(h => (h.Round, h.Kind)));
        // Round 1's letter stays in the history.
        Assert.Equal(1, Assert.Single(round2.Documents).Round);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_a_stale_form_or_page_is_told_and_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        // A first submission claiming to have seen a version, when there is none.
        await Assert.ThrowsAsync<CertificationChangedException>(() => world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), expectedVersion: 0)));
        Assert.Null(await world.Certifications().MineAsync(world.AdminA));

        var view = await world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), holder: "Zhang Wei"));
        var rows = await world.CountOnboardingRowsAsync();

        // The partner's form: opened before the first submission (no version), or with a wrong one.
        var noVersion = await Assert.ThrowsAsync<CertificationChangedException>(() => world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code())));
        var wrongVersion = await Assert.ThrowsAsync<CertificationChangedException>(() => world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), view.Version + 1)));
        // The reviewer's page with an old version.
        var stalePage = await Assert.ThrowsAsync<CertificationChangedException>(() =>
            world.Certifications().ApproveAsync(world.Vendor, new CertificationTarget(view.Id, view.Version + 1)));
        var staleReject = await Assert.ThrowsAsync<CertificationChangedException>(() =>
            world.Certifications().RejectAsync(world.Vendor, new RejectCertificationInput(new CertificationTarget(view.Id, view.Version + 1), "No")));

        // Nobody decided these rounds yet: the message says only that the certification changed meanwhile.
        Assert.All(new[] { noVersion, wrongVersion, stalePage, staleReject }, e => Assert.Equal(("Certification.ChangedMeanwhile", ErrorCodes.AlreadyProcessed), (e.ResourceKey, e.Code)));
        Assert.Equal(rows, await world.CountOnboardingRowsAsync());
        var unchanged = await world.LoadCertificationAsync(world.PartnerA);
        Assert.Equal((CertificationStatus.ManualReview, view.Version, 1), (unchanged.Status, unchanged.Version, unchanged.Round));

        // A certified one is no longer with a reviewer: deciding it again is refused, naming who decided.
        await world.Certifications().ApproveAsync(world.Vendor, new CertificationTarget(view.Id, view.Version));
        var decided = await Assert.ThrowsAsync<CertificationChangedException>(() =>
            world.Certifications().ApproveAsync(world.Vendor, new CertificationTarget(view.Id, view.Version + 1)));
        Assert.Contains("Vendor Op", decided.Arguments);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_bad_input_is_refused_field_by_field_and_stores_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var before = await world.CountOnboardingRowsAsync();

        var empty = await Assert.ThrowsAsync<ValidationException>(() => world.Certifications().SubmitAsync(world.AdminA, new CertificationInput()));
        var badCode = await Assert.ThrowsAsync<ValidationException>(() => world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(BadCode())));
        var letters = await Assert.ThrowsAsync<ValidationException>(() => world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), account: "6222 ABCD 0010 0000")));
        var tooShort = await Assert.ThrowsAsync<ValidationException>(() => world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), account: "1234-567")));
        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), account: new string('1', 31))));

        foreach (var field in new[] { nameof(CertificationInput.LegalName), nameof(CertificationInput.CreditCode), nameof(CertificationInput.BankName),
            nameof(CertificationInput.BankAccount), nameof(CertificationInput.AccountHolder) })
        {
            Assert.Equal("Validation.Required", empty.FieldErrors[field]);
        }

        Assert.Equal(("Registration.CreditCodeInvalid", 1), (badCode.FieldErrors[nameof(CertificationInput.CreditCode)], badCode.FieldErrors.Count));
        Assert.All(new[] { letters, tooShort, tooLong }, e => Assert.Equal("Certification.BankAccountInvalid", e.FieldErrors[nameof(CertificationInput.BankAccount)]));
        Assert.Equal(before, await world.CountOnboardingRowsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_a_partner_never_sees_another_partners_certification_or_bank_letter_and_only_the_vendor_reviews(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var viewA = await world.BankLetterInReviewAsync(world.AdminA, Code());
        var letterId = Assert.Single(viewA.Documents).Id;
        var target = new CertificationTarget(viewA.Id, viewA.Version);
        var reviewerB = await world.UserAsync(world.PartnerB, "rev-b", "Reviewer B", AppRoles.DistributorReviewer);
        var rows = await world.CountOnboardingRowsAsync();

        // Partner B's admin certifies too, but sees only its own: not A's certification, not A's letter.
        Assert.Null(await world.Certifications().MineAsync(world.AdminB));
        Assert.Null(await world.Certifications().DocumentAsync(world.AdminB, viewA.Id, letterId));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Certifications().UploadBankLetterAsync(world.AdminB, viewA.Version, [Upload("bank-letter.pdf")]));

        // Members of Partner A without the certify permission: no form, no letter.
        foreach (var member in new[] { world.Manager1A, world.SupervisorA, world.FinanceA })
        {
            Assert.False(member.Can(OnboardingPermissions.Certify));
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.Certifications().MineAsync(member));
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.Certifications().SubmitAsync(member, BusinessInfo(Code(), viewA.Version)));
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.Certifications().UploadBankLetterAsync(member, viewA.Version, [Upload("bank-letter.pdf")]));
            Assert.Null(await world.Certifications().DocumentAsync(member, viewA.Id, letterId));
        }

        // A distributor's reviewer decides reseller applications, not certifications.
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Certifications().SubmitAsync(reviewerB, BusinessInfo(Code(2))));
        Assert.Null(await world.Certifications().DocumentAsync(reviewerB, viewA.Id, letterId));

        // The vendor's operations refuse partners, even one holding the review permission somehow.
        foreach (var partner in new[] { world.AdminA, world.AdminB, reviewerB, world.AdminA.With(OnboardingPermissions.ReviewCertifications) })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.Certifications().ListAsync(partner, CertificationFilter.All, 0, 20));
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.Certifications().WaitingCountAsync(partner));
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.Certifications().ReviewAsync(partner, viewA.Id));
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.Certifications().ApproveAsync(partner, target));
            await Assert.ThrowsAsync<AccessDeniedException>(() => world.Certifications().RejectAsync(partner, new RejectCertificationInput(target, "No")));
        }

        // And the partner's operations refuse the vendor.
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Certifications().MineAsync(world.Vendor));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Certifications().SubmitAsync(world.Vendor, BusinessInfo(Code(3))));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Certifications().SubmitAsync(world.Vendor.With(OnboardingPermissions.Certify), BusinessInfo(Code(3))));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Certifications().UploadBankLetterAsync(world.Vendor, 0, [Upload("bank-letter.pdf")]));

        Assert.Equal(rows, await world.CountOnboardingRowsAsync());
        var unchanged = await world.LoadCertificationAsync(world.PartnerA);
        Assert.Equal((CertificationStatus.BankLetterReview, viewA.Version), (unchanged.Status, unchanged.Version));

        // Partner B certifies on its own: A's row is untouched, each sees its own, the vendor both.
        var viewB = await world.Certifications().SubmitAsync(world.AdminB, BusinessInfo(Code(2), legalName: "Beijing Partner B Co., Ltd."));
        Assert.Equal((world.PartnerB, CertificationStatus.Certified), (viewB.OrganizationId, viewB.Status));
        Assert.Equal(viewB.Id, (await world.Certifications().MineAsync(world.AdminB))!.Id);
        Assert.Equal(viewA.Id, (await world.Certifications().MineAsync(world.AdminA))!.Id);
        Assert.Null(await world.Certifications().DocumentAsync(world.AdminB, viewA.Id, letterId));
        Assert.Equal(2, (await world.Certifications().ListAsync(world.Vendor, CertificationFilter.All, 0, 20)).TotalCount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_two_admins_submitting_the_first_certification_at_once_make_exactly_one(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var secondAdmin = await world.UserAsync(world.PartnerA, "admin-a2", "Admin A Two", AppRoles.PartnerAdmin);

        using var start = new ManualResetEventSlim(false);
        var attempts = new[] { (world.AdminA, "6222020200100000001"), (secondAdmin, "6222020200100000002") }
            .Select(a => Task.Run(async () => { start.Wait(); await world.Certifications().SubmitAsync(a.Item1, BusinessInfo(Code(), account: a.Item2)); }))
            .ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts.Select(Outcome));

        var loser = Assert.IsType<CertificationChangedException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal("Certification.AlreadyChanged", loser.ResourceKey);
        var winner = outcomes[0] is null ? ("Admin A", "6222020200100000001") : ("Admin A Two", "6222020200100000002");
        await using var db = await world.Factory.CreateSystemAsync();
        var certification = await db.BusinessCertifications.AsNoTracking().SingleAsync();
        Assert.Equal((world.PartnerA, winner.Item2, 1, CertificationStatus.Certified), (certification.OrganizationId, certification.BankAccount, certification.Round, certification.Status));
        var events = await world.CertificationEventsAsync(certification.Id);
        Assert.Equal([(CertificationEventKind.Submitted, winner.Item1), (CertificationEventKind.AutoCertified, null)], events.Select(e => (e.Kind, e.ActorName)));
        Assert.Equal(2, await db.CertificationEvents.CountAsync());
        Assert.Equal(winner.Item1, Assert.Single(await db.AuditEntries.AsNoTracking().Where(a => a.Action == OnboardingAuditActions.CertificationSubmit).ToListAsync()).ActorName);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_two_reviewers_deciding_at_once_make_exactly_one_decision(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var secondOperator = await world.SecondOperatorAsync();
        var view = await world.BankLetterInReviewAsync(world.AdminA, Code());
        var seen = new CertificationTarget(view.Id, view.Version);

        using var start = new ManualResetEventSlim(false);
        var approve = Task.Run(async () => { start.Wait(); await world.Certifications().ApproveAsync(world.Vendor, seen); });
        var reject = Task.Run(async () => { start.Wait(); await world.Certifications().RejectAsync(secondOperator, new RejectCertificationInput(seen, "Not stamped")); });
        start.Set();
        var outcomes = await Task.WhenAll(Outcome(approve), Outcome(reject));

        var loser = Assert.IsType<CertificationChangedException>(Assert.Single(outcomes, o => o is not null));
        var approveWon = outcomes[0] is null;
        var winner = approveWon ? "Vendor Op" : "Vendor Op Two";
        Assert.Contains(winner, loser.Arguments);
        var certification = await world.LoadCertificationAsync(world.PartnerA);
        Assert.Equal((approveWon ? CertificationStatus.Certified : CertificationStatus.Rejected, winner, seen.ExpectedVersion + 1),
            (certification.Status, certification.DecidedByName, certification.Version));
        Assert.Equal(approveWon ? Account : "6222020200199999999", (await world.LoadSupplierAsync(Code())).BankAccount);
        var decisions = (await world.CertificationEventsAsync(view.Id)).Where(e => e.Kind is CertificationEventKind.Approved or CertificationEventKind.Rejected).ToList();
        Assert.Equal(winner, Assert.Single(decisions).ActorName);
        Assert.Single(await world.NotificationsAsync(OnboardingNotifications.CertificationDecided));
    }
    [Theory, MemberData(nameof(Providers))]
    public async Task R6_a_rejection_with_a_reason_of_the_maximum_length_is_saved_and_told_to_the_partner(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var view = await world.BankLetterInReviewAsync(world.AdminA, Code());
        // The reviewer may write 500 characters; the partner's notification (and its mail's subject) quotes them.
        var reason = string.Concat(Enumerable.Repeat("The letter must carry the bank's stamp. ", 20))[..OnboardingRules.MaxReason];

        var outcome = await Outcome(world.Certifications().RejectAsync(world.Vendor, new RejectCertificationInput(new CertificationTarget(view.Id, view.Version), reason)));

        Assert.Null(outcome);
        var rejected = await world.LoadCertificationAsync(world.PartnerA);
        Assert.Equal((CertificationStatus.Rejected, reason.Trim()), (rejected.Status, rejected.RejectionReason));
        var told = Assert.Single(await world.NotificationsAsync(OnboardingNotifications.CertificationDecided));
        Assert.Equal(world.AdminA.UserId, told.RecipientUserId);
        Assert.Single(await world.MailsToAsync("admin-a@test"), m => m.Kind == OnboardingNotifications.CertificationDecided);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_a_new_round_waiting_for_a_reviewer_names_no_decider_until_one_decides(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var view = await world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), holder: "Zhang Wei"));
        await world.Certifications().RejectAsync(world.Vendor, new RejectCertificationInput(new CertificationTarget(view.Id, view.Version), "The account must be the company's."));
        var rejected = await world.LoadCertificationAsync(world.PartnerA);
        Assert.Equal("Vendor Op", rejected.DecidedByName);

        // Round 2, still another holder: back with a reviewer, undecided (as a resubmitted R5 application is).
        world.Clock.Advance(TimeSpan.FromDays(1));
        var round2 = await world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(Code(), rejected.Version, holder: "Zhang Wei"));

        Assert.Equal((CertificationStatus.ManualReview, 2), (round2.Status, round2.Round));
        Assert.Equal((null, null), (round2.DecidedByName, round2.DecidedAtUtc));
        var row = Assert.Single((await world.Certifications().ListAsync(world.Vendor, CertificationFilter.ToReview, 0, 20)).Rows);
        Assert.Null(row.DecidedByName);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R6_a_credit_code_another_partner_certified_cannot_be_certified_again_so_its_supplier_record_stays_that_partners(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var code = Code(77);
        await world.SupplierAsync(code, BankA, "6222020200100000001");
        await world.Certifications().SubmitAsync(world.AdminA, BusinessInfo(code, account: "6222020200100000001"));
        var rows = await world.CountOnboardingRowsAsync();

        var taken = await Assert.ThrowsAsync<ValidationException>(() => world.Certifications().SubmitAsync(world.AdminB, BusinessInfo(code, account: "6214830100200000099")));

        Assert.Equal("Certification.CodeTaken", taken.FieldErrors[nameof(CertificationInput.CreditCode)]);
        Assert.Equal(rows, await world.CountOnboardingRowsAsync());
        Assert.Null(await world.Certifications().MineAsync(world.AdminB));
        Assert.Equal("6222020200100000001", (await world.LoadSupplierAsync(code)).BankAccount);
    }
}
