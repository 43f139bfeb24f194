using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Billing;

/// <summary>Finance › Bills (/finance/bills): the period picker, the summary card, the line grid.</summary>
public sealed class BillsPage(IPage page, string culture = "en-US")
{
    public const string Path = "finance/bills";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("Bill.Title", culture), Level = 1, Exact = true });

    public ILocator Summary => page.GetByTestId("bill-summary");

    public ILocator AmountDue => page.GetByTestId("bill-amount-due");

    public ILocator LineCount => page.GetByTestId("bill-line-count");

    public ILocator ExportButton => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Bill.Export", culture), Exact = true });

    public ILocator PeriodPicker => page.GetByRole(AriaRole.Combobox, new() { Name = UiText.Get("Bill.Period", culture) });

    /// <summary>The page has one grid (Radzen puts the aria-label on its wrapper, not on the role=grid table).</summary>
    public ILocator Grid => page.GetByRole(AriaRole.Grid).First;

    public ILocator Rows => Grid.Locator("tbody tr");

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(Path);
        await Expect(Heading).ToBeVisibleAsync();
        await Expect(Summary).ToBeVisibleAsync();
        await WaitForGridAsync();
    }

    public async Task WaitForGridAsync()
    {
        await Expect(Rows.First).ToBeVisibleAsync();
        await Expect(page.Locator(".rz-datatable-loading, .rz-grid-loading")).ToHaveCountAsync(0);
    }

    /// <summary>Opens the period picker and chooses <paramref name="period"/> (YYYY-MM).</summary>
    public async Task PickPeriodAsync(string period)
    {
        await PeriodPicker.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = period, Exact = true }).ClickAsync();
        await Expect(PeriodPicker).ToContainTextAsync(period);
    }

    /// <summary>Clicks a sortable column's header.</summary>
    public Task SortByAsync(string titleKey) =>
        Grid.GetByRole(AriaRole.Columnheader, new() { Name = UiText.Get(titleKey, culture) }).First.ClickAsync();

    public ILocator NextPage => page.GetByRole(AriaRole.Button, new() { Name = "Go to next page" }).Or(page.Locator(".rz-pager-next")).First;

    /// <summary>The text of one column of the visible rows.</summary>
    public Task<IReadOnlyList<string>> ColumnAsync(int index) => Rows.Locator($"td:nth-child({index + 1})").AllInnerTextsAsync();
}
