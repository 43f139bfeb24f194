using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>The funds slice's pages and dialogs (opened, audited, never submitted successfully).</summary>
public static partial class AuditedPages
{
    // A property, not a field: static fields of a partial class initialize in an unspecified file order.
    private static IReadOnlyList<AuditedPage> FundsPages =>
    [
        new("funds (partner admin)", AuditAccount.PartnerAdmin, (page, _) => GotoFundsAsync(page)),
        new("funds (finance)", AuditAccount.Finance, (page, _) => GotoFundsAsync(page)),
        new("funds allocate dialog", AuditAccount.PartnerAdmin, (page, culture) => OpenFundsDialogAsync(page, culture, "Funds.Allocate", "Funds.AllocateTitle")),
        new("funds allocate dialog with errors", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            var dialog = await OpenFundsDialogAsync(page, culture, "Funds.Allocate", "Funds.AllocateTitle");
            await dialog.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Funds.SubmitAllocate", culture), Exact = true }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("funds reclaim dialog", AuditAccount.PartnerAdmin, (page, culture) => OpenFundsDialogAsync(page, culture, "Funds.Reclaim", "Funds.ReclaimTitle")),
        new("funds withdrawal dialog", AuditAccount.PartnerAdmin, (page, culture) => OpenFundsDialogAsync(page, culture, "Funds.Withdraw", "Funds.WithdrawTitle")),
        new("vendor top up", AuditAccount.VendorOperator, (page, _) => GotoInteractiveAsync(page, "vendor/funds/top-up")),
        new("vendor top up with errors", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/funds/top-up");
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Funds.SubmitTopUp", culture), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
    ];

    private static async Task GotoFundsAsync(IPage page)
    {
        await GotoInteractiveAsync(page, "finance/funds");
        await WaitForGridAsync(page);
    }

    private static async Task<ILocator> OpenFundsDialogAsync(IPage page, string culture, string buttonKey, string titleKey)
    {
        await GotoFundsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get(buttonKey, culture), Exact = true }).First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = UiText.Get(titleKey, culture), Exact = true });
        await dialog.ExpectDialogReadyAsync();
        return dialog;
    }
}
