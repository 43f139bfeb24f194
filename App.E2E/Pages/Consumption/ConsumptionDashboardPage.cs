using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Consumption;

/// <summary>The consumption dashboard (/sales/consumption): filter bar, notice, KPI cards, charts with drill-down tables, detail grid.</summary>
public sealed class ConsumptionDashboardPage(IPage page)
{
    public ILocator Notice => page.GetByTestId("consumption-notice");
    public ILocator Kpis => page.GetByTestId("consumption-kpis");
    public ILocator Grid => page.GetByRole(AriaRole.Grid).First;
    public ILocator DataRows => Grid.Locator("tbody tr:not(.rz-datatable-emptymessage-row)");
    public ILocator Chips => page.GetByTestId("drill-chip");
    public ILocator TopProducts => page.GetByTestId("top-products");
    public ILocator TopCustomers => page.GetByTestId("top-customers");
    public ILocator ExportButton => page.GetByRole(AriaRole.Button, new() { Name = "Export to Excel" });
    public ILocator Pager => page.Locator(".rz-pager-summary");

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync("sales/consumption");
        await Expect(Notice).ToBeVisibleAsync();
        await WaitForGridAsync();
    }

    public async Task WaitForGridAsync()
    {
        await Expect(Grid).ToBeVisibleAsync();
        await Expect(page.Locator(".rz-datatable-loading, .rz-grid-loading")).ToHaveCountAsync(0);
    }

    public async Task SelectFilterAsync(string label, string optionLabel)
    {
        await page.GetByLabel(label, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = optionLabel });
    }

    public async Task ApplyFiltersAsync()
    {
        // The filter bar's Apply comes before the sub-user filter's.
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).First.ClickAsync();
        await WaitForGridAsync();
    }

    /// <summary>The figures table under a chart: each row's name is a button that drills into the detail.</summary>
    public ILocator RankedButtons(ILocator chart) => chart.GetByRole(AriaRole.Button);

    /// <summary>The total of the grid's pager summary ("Page 1 of 3 (57 items)"), in either language.</summary>
    public async Task<int> TotalAsync()
    {
        var text = await Pager.InnerTextAsync();
        var match = System.Text.RegularExpressions.Regex.Match(text, @"\((\d+)");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
