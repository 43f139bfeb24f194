using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.Features.Resellers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>
/// The reseller program (R40–R43): the public application form (and its errors), the applicant's page of the demo's rejected
/// application with its resubmission form, both review queues with the detail and reject dialogs, and moving a reseller.
/// </summary>
public static partial class AuditedPages
{
    private static IEnumerable<AuditedPage> ResellerPages =>
    [
        new("reseller application form", null, (page, _) => GotoStaticAsync(page, "apply/reseller")),
        new("reseller application form with errors", null, async (page, _) =>
        {
            await GotoStaticAsync(page, "apply/reseller");
            await page.RunAndWaitForNewDocumentAsync(() => page.Locator("main button[type=submit]").ClickAsync());
            await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("reseller applicant page (rejected)", null, (page, _) => GotoStaticAsync(page, $"apply/reseller/{ResellerDemoData.DemoRejectedToken}")),
        new("reseller applications (vendor)", AuditAccount.VendorOperator, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "vendor/reseller-applications");
            await Expect(page.GetByTestId("application-row").First).ToBeVisibleAsync();
        }),
        new("reseller application details", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/reseller-applications");
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Reseller.DetailsNamed", culture, ResellerDemoData.VendorQueueCompany), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog).GetByTestId("history-step").First).ToBeVisibleAsync();
        }),
        new("reject reseller application dialog with errors", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/reseller-applications");
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Reseller.RejectNamed", culture, ResellerDemoData.VendorQueueCompany), Exact = true }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Reseller.ConfirmReject", culture), Exact = true }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("reseller cooperation applications (distributor)", AuditAccount.DistributorReviewer, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "organization/reseller-applications");
            await Expect(page.GetByTestId("application-row").First).ToBeVisibleAsync();
        }),
        new("resellers and distributors", AuditAccount.VendorOperator, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "vendor/resellers");
            await Expect(page.GetByTestId("reseller-row").First).ToBeVisibleAsync();
        }),
        new("to do (vendor)", AuditAccount.VendorOperator, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "todo");
            await Expect(page.GetByTestId("todo-row").First).ToBeVisibleAsync();
        }),
        new("to do (distributor reviewer)", AuditAccount.DistributorReviewer, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "todo");
            await Expect(page.GetByTestId("todo-row").First).ToBeVisibleAsync();
        }),
        new("move reseller dialog", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/resellers");
            await page.GetByTestId("reseller-row").First.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Combobox).First).ToBeVisibleAsync();
        }),
    ];
}
