using System.Globalization;
using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Customers;

/// <summary>Sales › Customers (/sales/customers): filter bar, server-paged grid with masked values and eye buttons.</summary>
public sealed partial class CustomerListPage(IPage page)
{
    public const string Path = "sales/customers";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Customers", Level = 1, Exact = true });

    public ILocator SearchBox => page.GetByRole(AriaRole.Textbox, new() { Name = "Search", Exact = true });

    public ILocator SearchButton => page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true });

    public ILocator Grid => page.GetByRole(AriaRole.Grid);

    /// <summary>Data rows only (the header row has no detail link).</summary>
    public ILocator DataRows => Grid.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByTestId("customer-link") });

    public ILocator EmptyMessage => Grid.GetByText("No records match.", new() { Exact = true });

    /// <summary>"Page 1 of 4 (39 items)".</summary>
    public ILocator PagerSummary => page.GetByText(PagerSummaryPattern());

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(Path);
        await Expect(Heading).ToBeVisibleAsync();
        // Loaded: a data row or the empty message (the pager shows 0 items before the first load).
        await Expect(DataRows.First.Or(EmptyMessage)).ToBeVisibleAsync();
        await Expect(PagerSummary).ToBeVisibleAsync();
    }

    public async Task SearchAsync(string text)
    {
        await SearchBox.FillAsync(text);
        await SearchButton.ClickAsync();
    }

    /// <summary>The row showing a credit code (names are masked, codes are not).</summary>
    public ILocator Row(string creditCode) => DataRows.Filter(new() { HasText = creditCode });

    /// <summary>An eye button of a row: "Show: phone" / "Hide: phone".</summary>
    public ILocator Eye(ILocator row, string action, string field) =>
        row.GetByRole(AriaRole.Button, new() { Name = $"{action}: {field}", Exact = true });

    public async Task<int> ItemCountAsync()
    {
        var text = await PagerSummary.InnerTextAsync();
        return int.Parse(ItemCount().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public Task ExpectItemCountAsync(int count) => Expect(PagerSummary).ToHaveTextAsync(new Regex($"\\({count} items\\)$"));

    [GeneratedRegex(@"^Page \d+ of \d+ \(\d+ items\)$")]
    private static partial Regex PagerSummaryPattern();

    [GeneratedRegex(@"\((\d+) items\)$")]
    private static partial Regex ItemCount();
}
