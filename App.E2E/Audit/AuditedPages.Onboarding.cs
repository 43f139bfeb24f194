using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Platform.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>
/// Onboarding and certification (R5, R6): the public partner-network application (and its errors), the applicant's page of
/// the demo's rejected application, the vendor's two review lists with their dialogs, and the partner's certification page
/// (Partner A is certified; Partner B's bank letter waits for a reviewer).
/// </summary>
public static partial class AuditedPages
{
    private static IEnumerable<AuditedPage> OnboardingPages =>
    [
        new("partner-network application form", null, (page, _) => GotoStaticAsync(page, "apply/partner")),
        new("partner-network application form with errors", null, async (page, _) =>
        {
            await GotoStaticAsync(page, "apply/partner");
            await page.RunAndWaitForNewDocumentAsync(() => page.Locator("main button[type=submit]").ClickAsync());
            await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("partner-network applicant page (rejected)", null, (page, _) => GotoStaticAsync(page, $"apply/partner/{OnboardingDemoData.DemoRejectedToken}")),
        new("partner-network applications (vendor)", AuditAccount.VendorOperator, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "vendor/partner-applications");
            await Expect(page.GetByTestId("network-row").First).ToBeVisibleAsync();
        }),
        new("partner-network application details", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/partner-applications");
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Reseller.DetailsNamed", culture, OnboardingDemoData.ChecksumCompany), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog).GetByTestId("history-step").First).ToBeVisibleAsync();
        }),
        new("reject partner-network application dialog with errors", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/partner-applications");
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Reseller.RejectNamed", culture, OnboardingDemoData.NoLicenceCompany), Exact = true }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Reseller.ConfirmReject", culture), Exact = true }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("business certifications (vendor)", AuditAccount.VendorOperator, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "vendor/certifications");
            await Expect(page.GetByTestId("certification-row").First).ToBeVisibleAsync();
        }),
        new("business certification details", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/certifications");
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Reseller.DetailsNamed", culture, DemoAccounts.PartnerBName), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog).GetByTestId("supplier-record")).ToBeVisibleAsync();
        }),
        new("business certification (partner)", AuditAccount.PartnerAdmin, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "organization/certification");
            await Expect(page.GetByTestId("certification-status")).ToBeVisibleAsync();
        }),
    ];
}
