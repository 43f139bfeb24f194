using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages.Onboarding;
using BlazorPartner.E2E.Tests.Vouchers;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Platform.Seeding;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Onboarding;

/// <summary>
/// R6 end to end: Partner C submits bank details that differ from those the vendor holds for it as a supplier, so
/// certification fails and asks for a bank letter; the admin uploads one, the operator approves it in
/// Business certifications, and Partner C is certified.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class CertificationJourneyTests(VendorOperatorSession vendor, VoucherTestData.PartnerCAdminSession partnerC)
    : IClassFixture<VendorOperatorSession>, IClassFixture<VoucherTestData.PartnerCAdminSession>
{
    [Fact]
    public async Task R6_a_bank_mismatch_asks_for_a_bank_letter_which_a_reviewer_approves()
    {
        await partnerC.RunAsync(async page =>
        {
            var certification = new CertificationPage(page);
            await certification.GotoAsync();
            await certification.SubmitAsync(DemoAccounts.PartnerCName, OnboardingDemoData.PartnerCCode, "Bank of Ningbo", "6230 5800 0011 2233", DemoAccounts.PartnerCName);
            await Expect(certification.Status).ToHaveAttributeAsync("data-status", "BankLetterRequired");
            await Expect(certification.Next).ToContainTextAsync("Upload a bank letter");
            await certification.UploadBankLetterAsync(DemoAccounts.PartnerCName);
            await Expect(certification.Status).ToHaveAttributeAsync("data-status", "BankLetterReview");
        });

        await vendor.RunAsync(async page =>
        {
            var queue = OnboardingQueuePage.Certifications(page);
            await queue.GotoAsync();
            await Expect(queue.Row(DemoAccounts.PartnerCName)).ToContainTextAsync("Bank letter with a reviewer");
            await queue.ApproveAsync(DemoAccounts.PartnerCName);
            await Expect(queue.Notification($"{DemoAccounts.PartnerCName} is certified.")).ToBeVisibleAsync();
        });

        await partnerC.RunAsync(async page =>
        {
            var certification = new CertificationPage(page);
            await certification.GotoAsync();
            await Expect(certification.Status).ToHaveAttributeAsync("data-status", "Certified");
        });
    }
}
