using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>The billing slice's page and dialog (opened, audited, never submitted successfully).</summary>
public static partial class AuditedPages
{
    // A property, not a field: static fields of a partial class initialize in an unspecified file order.
    private static IReadOnlyList<AuditedPage> BillingPages =>
    [
        new("bills (finance)", AuditAccount.Finance, (page, _) => GotoBillsAsync(page)),
        new("bills (vendor operator, partner picked)", AuditAccount.VendorOperator, (page, culture) => GotoVendorBillsAsync(page, culture)),
        new("bills adjustment dialog with errors", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoVendorBillsAsync(page, culture);
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Bill.RecordAdjustment", culture), Exact = true }).First.ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = UiText.Get("Bill.AdjustmentDialogTitle", culture), Exact = true });
            await dialog.ExpectDialogReadyAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Bill.RecordAdjustment", culture), Exact = true }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
    ];

    private static async Task GotoBillsAsync(IPage page)
    {
        await GotoInteractiveAsync(page, "finance/bills");
        await Expect(page.GetByTestId("bill-summary")).ToBeVisibleAsync();
        await WaitForGridAsync(page);
    }

    private static async Task GotoVendorBillsAsync(IPage page, string culture)
    {
        await GotoInteractiveAsync(page, "finance/bills");
        await page.GetByRole(AriaRole.Combobox, new() { Name = UiText.Get("Bill.Partner", culture) }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = Platform.Seeding.DemoAccounts.PartnerAName, Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("bill-summary")).ToBeVisibleAsync();
        await WaitForGridAsync(page);
    }
}
