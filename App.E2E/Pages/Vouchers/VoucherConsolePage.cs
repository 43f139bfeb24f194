using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Vouchers;

/// <summary>
/// Finance › Vouchers and coupons (/finance/vouchers): quota cards (each with Issue and, for distributors, Grant to reseller),
/// the resellers' quota table (distributors), and the issued-voucher grid with status tabs, customer search and recall.
/// </summary>
public sealed class VoucherConsolePage(IPage page)
{
    public const string Path = "finance/vouchers";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Vouchers and coupons", Level = 1, Exact = true });

    public ILocator QuotaCard(Guid quotaId) => page.Locator($"[data-quota='{quotaId}']");

    public ILocator Remaining(Guid quotaId) => QuotaCard(quotaId).GetByTestId("quota-remaining");

    public ILocator Grid => page.GetByRole(AriaRole.Grid).First;

    public ILocator DataRows => Grid.Locator("tbody tr:has(td span.rz-badge)");

    public ILocator ResellerTable => page.GetByRole(AriaRole.Table, new() { Name = "Quota granted to resellers" });

    public ILocator Notification(string text) => page.GetByText(text, new() { Exact = true });

    public ILocator Tab(string status) => page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex($"^{Regex.Escape(status)} \\(\\d+\\)$") });

    public ILocator TabWithCount(string status, int count) => page.GetByRole(AriaRole.Radio, new() { Name = $"{status} ({count})", Exact = true });

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(Path);
        await Expect(Heading).ToBeVisibleAsync();
        await WaitForGridAsync();
    }

    public async Task WaitForGridAsync()
    {
        await Expect(Grid.Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator(".rz-datatable-loading, .rz-grid-loading")).ToHaveCountAsync(0);
    }

    public async Task<IssueVouchersPage> IssueFromAsync(Guid quotaId)
    {
        await QuotaCard(quotaId).GetByRole(AriaRole.Button, new() { Name = "Issue", Exact = true }).ClickAsync();
        var issue = new IssueVouchersPage(page);
        await Expect(issue.Heading).ToBeVisibleAsync();
        return issue;
    }

    public async Task SelectTabAsync(string status)
    {
        await Tab(status).ClickAsync();
        await Expect(Tab(status)).ToHaveAttributeAsync("aria-checked", "true");
        await WaitForGridAsync();
    }

    /// <summary>Filters the grid by customer name (the grid shows names masked, the search matches the full name).</summary>
    public async Task SearchAsync(string customer)
    {
        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search customers", Exact = true });
        await search.FillAsync(customer);
        await search.PressAsync("Enter");
        await search.BlurAsync();
        await WaitForGridAsync();
    }

    public async Task<ConfirmDialog> ClickRecallOnFirstRowAsync()
    {
        await DataRows.First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Recall the voucher of ") }).ClickAsync();
        var dialog = new ConfirmDialog(page, "Recall vouchers");
        await dialog.Root.ExpectDialogReadyAsync();
        return dialog;
    }

    /// <summary>Opens the distributor's "Grant quota to a reseller" dialog from a quota card.</summary>
    public async Task<ILocator> OpenDelegateDialogAsync(Guid quotaId)
    {
        await QuotaCard(quotaId).GetByRole(AriaRole.Button, new() { Name = "Grant to reseller", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Grant quota to a reseller" });
        await dialog.ExpectDialogReadyAsync();
        return dialog;
    }

    public async Task DelegateAsync(Guid quotaId, string reseller, decimal amount)
    {
        var dialog = await OpenDelegateDialogAsync(quotaId);
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Reseller", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = reseller, Exact = true }).ClickAsync();
        var amountBox = dialog.GetByRole(AriaRole.Spinbutton, new() { Name = "Amount", Exact = true });
        await amountBox.FillAsync(amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await amountBox.PressAsync("Tab");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Grant to reseller", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }
}
