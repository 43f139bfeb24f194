using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.Platform.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>
/// The voucher console's pages and dialogs (R26–R30). A property, not a field: <see cref="AuditedPages.All"/> (another file of
/// this partial class) reads it during its own static initialization. The recall confirmation opens on a demo voucher and is
/// cancelled, so the shared data stays as seeded; the bulk-recall outcome is covered by the voucher E2E journeys.
/// </summary>
public static partial class AuditedPages
{
    private static AuditAccount Distributor => new(DemoAccounts.PartnerBAdmin, DemoAccounts.PartnerBName);

    public static IReadOnlyList<AuditedPage> VoucherPages =>
    [
        new("vouchers console (partner admin)", AuditAccount.PartnerAdmin, OpenVoucherConsoleAsync),
        new("vouchers console (finance)", AuditAccount.Finance, OpenVoucherConsoleAsync),
        new("vouchers console (distributor)", Distributor, OpenVoucherConsoleAsync),
        new("vouchers grant to reseller dialog", Distributor, async (page, culture) =>
        {
            await OpenVoucherConsoleAsync(page, culture);
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("VoucherQuota.Delegate", culture), Exact = true }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        }),
        new("vouchers recall confirm dialog", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await OpenVoucherConsoleAsync(page, culture);
            // Each usable row's recall button is named after its customer ("Recall the voucher of …").
            var recallOf = new Regex("^" + Regex.Escape(UiText.Get("Voucher.RecallOf", culture, "NAME")).Replace("NAME", ".+", StringComparison.Ordinal) + "$");
            await page.GetByRole(AriaRole.Button, new() { NameRegex = recallOf }).First.ClickAsync();
            var dialog = page.GetByRole(AriaRole.Alertdialog);
            await dialog.ExpectDialogReadyAsync();
        }),
        new("vouchers issue form", AuditAccount.PartnerAdmin, OpenIssueFormAsync),
        new("vouchers issue form with errors", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await OpenIssueFormAsync(page, culture);
            await ConfirmIssueAsync(page, culture);
            await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("vouchers issue confirm dialog", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await OpenIssueFormAsync(page, culture);
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Voucher.Issue", culture), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alertdialog)).ToBeVisibleAsync();
        }),
        new("vouchers operation log (partner)", AuditAccount.PartnerAdmin, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "finance/vouchers/log");
            await WaitForGridAsync(page);
        }),
        new("vouchers operation log (vendor)", AuditAccount.VendorOperator, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "vendor/voucher-quotas/log");
            await WaitForGridAsync(page);
        }),
        new("vendor voucher quotas", AuditAccount.VendorOperator, (page, _) => GotoInteractiveAsync(page, "vendor/voucher-quotas")),
        new("vendor voucher quotas grant errors", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/voucher-quotas");
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("VoucherQuota.Grant", culture), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
    ];

    private static async Task OpenVoucherConsoleAsync(IPage page, string culture)
    {
        await GotoInteractiveAsync(page, "finance/vouchers");
        await WaitForGridAsync(page);
    }

    /// <summary>The issue form of the first quota card (the demo data grants Partner A two quotas).</summary>
    private static async Task OpenIssueFormAsync(IPage page, string culture)
    {
        await OpenVoucherConsoleAsync(page, culture);
        await page.Locator("[data-quota]").First.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Voucher.IssueFromQuota", culture), Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("Voucher.IssueTitle", culture), Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Submits the empty form through its confirmation: the service refuses it (no customers, no face value), nothing is saved.</summary>
    private static async Task ConfirmIssueAsync(IPage page, string culture)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Voucher.Issue", culture), Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Alertdialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Voucher.Issue", culture), Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }
}
