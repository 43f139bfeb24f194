using System.Globalization;
using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Funds;

/// <summary>Finance › Funds (/finance/funds): the cash account card, allocate/reclaim/withdraw dialogs, the ledger grid.</summary>
public sealed class FundsPage(IPage page, string culture = "en-US")
{
    public const string Path = "finance/funds";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("Funds.Title", culture), Level = 1, Exact = true });

    public ILocator Cash => page.GetByTestId("cash");

    public ILocator Withdrawable => page.GetByTestId("withdrawable");

    public ILocator AllocateButton => HeaderButton("Funds.Allocate");

    public ILocator ReclaimButton => HeaderButton("Funds.Reclaim");

    public ILocator WithdrawButton => HeaderButton("Funds.Withdraw");

    /// <summary>The page has one grid (Radzen puts the aria-label on its wrapper, not on the role=grid table).</summary>
    public ILocator Grid => page.GetByRole(AriaRole.Grid).First;

    public ILocator Rows => Grid.Locator("tbody tr");

    public ILocator Notification(string text) => page.GetByText(text, new() { Exact = true });

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(Path);
        await Expect(Heading).ToBeVisibleAsync();
        await WaitForGridAsync();
    }

    public async Task WaitForGridAsync()
    {
        await Expect(Rows.First).ToBeVisibleAsync();
        await Expect(page.Locator(".rz-datatable-loading, .rz-grid-loading")).ToHaveCountAsync(0);
    }

    public async Task<TransferDialog> OpenAllocateAsync()
    {
        await AllocateButton.ClickAsync();
        var dialog = new TransferDialog(page, UiText.Get("Funds.AllocateTitle", culture), UiText.Get("Funds.SubmitAllocate", culture), culture);
        await dialog.Root.ExpectDialogReadyAsync();
        return dialog;
    }

    public async Task<TransferDialog> OpenReclaimAsync()
    {
        await ReclaimButton.ClickAsync();
        var dialog = new TransferDialog(page, UiText.Get("Funds.ReclaimTitle", culture), UiText.Get("Funds.SubmitReclaim", culture), culture);
        await dialog.Root.ExpectDialogReadyAsync();
        return dialog;
    }

    public async Task<ILocator> OpenWithdrawalAsync()
    {
        await WithdrawButton.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = UiText.Get("Funds.WithdrawTitle", culture), Exact = true });
        await dialog.ExpectDialogReadyAsync();
        return dialog;
    }

    /// <summary>Filters the ledger to one customer (by its name in the filter's list) and every account, and applies it.</summary>
    public async Task FilterByCustomerAsync(string customer, string view = "All")
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = UiText.Get("Ledger.View", culture), Exact = true }).SelectOptionAsync(view);
        await page.GetByRole(AriaRole.Combobox, new() { Name = UiText.Get("Ledger.Customer", culture), Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = customer });
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Common.Apply", culture), Exact = true }).ClickAsync();
    }

    public static string Amount(decimal yuan) => (yuan < 0 ? "-¥" : "+¥") + Math.Abs(yuan).ToString("#,##0.00", CultureInfo.InvariantCulture);

    private ILocator HeaderButton(string key) =>
        page.GetByRole(AriaRole.Button, new() { Name = UiText.Get(key, culture), Exact = true }).First;
}

/// <summary>The allocate or reclaim dialog: a searchable customer picker, the amount, the before/after preview.</summary>
public sealed class TransferDialog(IPage page, string title, string submitText, string culture)
{
    public ILocator Root => page.GetByRole(AriaRole.Dialog, new() { Name = title, Exact = true });

    public ILocator Customer => Root.GetByRole(AriaRole.Combobox, new() { Name = UiText.Get("Funds.Customer", culture), Exact = true });

    /// <summary>Named by RadzenNumeric's AriaLabel.</summary>
    public ILocator Amount => Root.GetByRole(AriaRole.Spinbutton, new() { Name = UiText.Get("Funds.Amount", culture), Exact = true });

    public ILocator Submit => Root.GetByRole(AriaRole.Button, new() { Name = submitText, Exact = true });

    public ILocator Preview => Root.GetByTestId("transfer-preview");

    public ILocator FieldErrors => Root.GetByRole(AriaRole.Alert);

    /// <summary>Opens the picker, searches for the customer (server-side) and picks it.</summary>
    public async Task ChooseCustomerAsync(string name)
    {
        await Customer.ClickAsync();
        await page.Locator("input.rz-dropdown-filter").FillAsync(name);
        var option = page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = name, Exact = true });
        await option.ClickAsync();
        await Expect(Customer).ToContainTextAsync(name);
    }

    public async Task EnterAmountAsync(decimal amount)
    {
        await Amount.FillAsync(amount.ToString(CultureInfo.InvariantCulture));
        await Amount.PressAsync("Tab");
    }
}
