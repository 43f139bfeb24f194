using System.Globalization;
using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages;

/// <summary>
/// Sales › Opportunities › Shared by vendor (/sales/opportunities): status tabs with counts, filter bar, server-paged grid.
/// The vendor's Vendor console › Shared opportunities (/vendor/opportunities) has the same tabs, filter bar and grid
/// (plus a Partner column): see <see cref="ForVendor"/>.
/// </summary>
public sealed partial class OpportunityListPage(IPage page, string path, string heading)
{
    public const string Path = "sales/opportunities";

    public const string VendorPath = "vendor/opportunities";

    public const string PendingAcceptance = "Pending acceptance";
    public const string InProgress = "In progress";
    public const string Rejected = "Rejected";
    public const string All = "All";

    /// <summary>The partner's list.</summary>
    public OpportunityListPage(IPage page)
        : this(page, Path, "Opportunities shared by the vendor")
    {
    }

    /// <summary>The vendor's list of everything it shared; tabs start on All.</summary>
    public static OpportunityListPage ForVendor(IPage page) => new(page, VendorPath, "Shared opportunities");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1, Exact = true });

    public ILocator SearchBox => page.GetByRole(AriaRole.Textbox, new() { Name = "Search", Exact = true });

    public ILocator SearchButton => page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true });

    public ILocator ExportButton => page.GetByRole(AriaRole.Button, new() { Name = "Export to Excel", Exact = true });

    public ILocator Grid => page.GetByRole(AriaRole.Grid);

    /// <summary>Data rows only (the header row has no number link).</summary>
    public ILocator DataRows => Grid.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link) });

    public ILocator EmptyMessage => Grid.GetByText("No records match.", new() { Exact = true });

    /// <summary>"Page 1 of 2 (25 items)".</summary>
    public ILocator PagerSummary => page.GetByText(PagerSummaryPattern());

    /// <summary>Full page load of the list, then waits for interactivity and for the grid's first load.</summary>
    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(path);
        await Expect(Heading).ToBeVisibleAsync();
        await WaitForGridAsync();
    }

    /// <summary>From the home page through the side menu: Sales › Opportunities › Shared by vendor (client-side navigation).</summary>
    public async Task OpenFromMenuAsync()
    {
        await page.GotoInteractiveAsync("");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Shared by vendor$") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{Path}$"));
        await Expect(Heading).ToBeVisibleAsync();
        await WaitForGridAsync();
    }

    /// <summary>A status tab (a radio in Radzen's select bar) whose accessible name is "{status} ({count})".</summary>
    public ILocator Tab(string status) =>
        page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex($"^{Regex.Escape(status)} \\(\\d+\\)$") });

    public ILocator TabWithCount(string status, int count) =>
        page.GetByRole(AriaRole.Radio, new() { Name = $"{status} ({count})", Exact = true });

    public async Task<int> TabCountAsync(string status)
    {
        var name = await Tab(status).GetAttributeAsync("aria-label") ?? "";
        var match = CountSuffix().Match(name);
        Assert.True(match.Success, $"Tab '{name}' shows no count.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public async Task SelectTabAsync(string status)
    {
        await Tab(status).ClickAsync();
        await Expect(Tab(status)).ToHaveAttributeAsync("aria-checked", "true");
        await WaitForGridAsync();
    }

    /// <summary>Types into the search box and presses the filter bar's Search button.</summary>
    public async Task SearchAsync(string text)
    {
        await SearchBox.FillAsync(text);
        await SearchButton.ClickAsync();
    }

    public ILocator Row(string customer) => DataRows.Filter(new() { HasText = customer });

    public ILocator NumberLink(string customer) => Row(customer).GetByRole(AriaRole.Link);

    public ILocator StatusBadge(string customer, string status) => Row(customer).GetByText(status, new() { Exact = true });

    public async Task<string> NumberOfAsync(string customer) => (await NumberLink(customer).InnerTextAsync()).Trim();

    /// <summary>The text of a row's cell under the column with the given title (columns shift: the selection column is pending-only).</summary>
    public async Task<string> CellTextAsync(ILocator row, string columnTitle)
    {
        var titles = (await Grid.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        var index = titles.IndexOf(columnTitle);
        Assert.True(index >= 0, $"No '{columnTitle}' column among: {string.Join(" | ", titles)}.");
        return (await row.GetByRole(AriaRole.Gridcell).Nth(index).InnerTextAsync()).Trim();
    }

    /// <summary>The id from the Number column's link, which points at <c>opportunities/{id}</c>.</summary>
    public async Task<Guid> IdOfAsync(ILocator row)
    {
        var href = await row.GetByRole(AriaRole.Link).GetAttributeAsync("href") ?? "";
        var match = DetailHref().Match(href);
        Assert.True(match.Success, $"The number link points at '{href}', not at opportunities/{{id}}.");
        return Guid.Parse(match.Groups[1].Value);
    }

    public async Task<ConfirmDialog> ClickAcceptAsync(string customer)
    {
        await Row(customer).GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        var dialog = new ConfirmDialog(page, "Accept opportunity");
        await dialog.Root.ExpectDialogReadyAsync();
        return dialog;
    }

    public async Task<RejectDialog> ClickRejectAsync(string customer)
    {
        var number = await NumberOfAsync(customer);
        await Row(customer).GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        var dialog = new RejectDialog(page, number);
        await dialog.Root.ExpectDialogReadyAsync();
        return dialog;
    }

    /// <summary>Radzen notifications (toasts) by their text.</summary>
    public ILocator Notification(string text) => page.GetByText(text, new() { Exact = true });

    /// <summary>The grid has loaded when its pager reports as many items as the selected tab counts.</summary>
    public async Task WaitForGridAsync()
    {
        var selected = page.GetByRole(AriaRole.Radio, new() { Checked = true });
        var name = await selected.GetAttributeAsync("aria-label") ?? "";
        var match = CountSuffix().Match(name);
        Assert.True(match.Success, $"The selected tab '{name}' shows no count.");
        await ExpectItemCountAsync(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The pager's total for the current tab and filter.</summary>
    public Task ExpectItemCountAsync(int count) =>
        Expect(PagerSummary).ToHaveTextAsync(new Regex($"\\({count} items\\)$"));

    [GeneratedRegex(@"\((\d+)\)$")]
    private static partial Regex CountSuffix();

    [GeneratedRegex(@"^Page \d+ of \d+ \(\d+ items\)$")]
    private static partial Regex PagerSummaryPattern();

    [GeneratedRegex(@"^/?opportunities/([0-9a-fA-F-]{36})$")]
    private static partial Regex DetailHref();
}
