using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages.Consumption;
using BlazorPartner.E2E.Tests.Customers;
using BlazorPartner.Platform.Seeding;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Consumption;

/// <summary>Partner A's finance manager (finance@partner-a.demo): sees the whole partner's consumption.</summary>
public sealed class PartnerAFinanceSession(E2EHost host) : SignedInSession(host, DemoAccounts.PartnerAFinance, DemoAccounts.PartnerAName);

/// <summary>The consumption dashboard on the seeded demo consumption (partner A: 12 customers over 18 months).</summary>
[Collection(E2ECollection.Name)]
public sealed class ConsumptionDashboardTests(PartnerAFinanceSession finance, PartnerAManager1Session manager)
    : IClassFixture<PartnerAFinanceSession>, IClassFixture<PartnerAManager1Session>
{
    [Fact]
    public Task R32_Finance_filters_drills_into_a_product_and_exports_what_is_shown() => finance.RunAsync(async page =>
    {
        var dashboard = new ConsumptionDashboardPage(page);
        await dashboard.GotoAsync();
        await Expect(dashboard.Notice).ToContainTextAsync("This summary is not a bill and cannot be used for settlement; it lags the detail. Data up to");
        await Expect(dashboard.Notice).ToContainTextAsync("GMT+08:00");
        await Expect(dashboard.Kpis.GetByTestId("kpi-value")).ToHaveCountAsync(4);
        var all = await dashboard.TotalAsync();

        await dashboard.SelectFilterAsync("Charge mode", "On-demand");
        await dashboard.ApplyFiltersAsync();
        await Expect(dashboard.Pager).Not.ToContainTextAsync($"({all} ");
        var onDemand = await dashboard.TotalAsync();
        Assert.InRange(onDemand, 1, all - 1);
        await Expect(dashboard.DataRows.First.GetByRole(AriaRole.Gridcell).Nth(4)).ToHaveTextAsync("On-demand");

        // Drill down through the figures under the top-products chart (the same drill-down as clicking its bar).
        var product = dashboard.RankedButtons(dashboard.TopProducts).First;
        var code = (await product.InnerTextAsync()).Trim();
        await product.ClickAsync();
        await Expect(dashboard.Chips).ToHaveCountAsync(1);
        await Expect(dashboard.Chips.First).ToContainTextAsync($"Product: {code}");
        await dashboard.WaitForGridAsync();
        await Expect(dashboard.Pager).Not.ToContainTextAsync($"({onDemand} ");
        var drilled = await dashboard.TotalAsync();
        Assert.InRange(drilled, 1, onDemand);
        foreach (var cell in await dashboard.DataRows.Locator("td:nth-child(3)").AllInnerTextsAsync())
        {
            Assert.Equal(code, cell.Trim());
        }

        var download = await page.RunAndWaitForDownloadAsync(() => dashboard.ExportButton.ClickAsync());
        Assert.Null(await download.FailureAsync());
        var path = Path.Combine(Path.GetTempPath(), $"e2e-{Guid.NewGuid():N}-{download.SuggestedFilename}");
        try
        {
            await download.SaveAsAsync(path);
            Assert.Matches(@"^consumption-\d{8}-\d{6}\.xlsx$", download.SuggestedFilename);
            using var document = SpreadsheetDocument.Open(path, false);
            Assert.Empty(new OpenXmlValidator().Validate(document));
            var workbook = document.WorkbookPart!;
            var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(["KPIs", "Trend", "Top products", "Top customers", "By account manager", "Detail"], sheets.Select(s => s.Name!.Value));
            var detail = ((WorksheetPart)workbook.GetPartById(sheets[^1].Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
            Assert.Equal(drilled + 1, detail.Count);
            Assert.Equal("Day (GMT+08:00)", detail[0].Elements<Cell>().First().InnerText);
            Assert.All(detail.Skip(1), row => Assert.Equal(code, row.Elements<Cell>().ElementAt(2).InnerText));
        }
        finally
        {
            File.Delete(path);
        }

        // Removing the chip shows the whole filtered detail again.
        await dashboard.Chips.First.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(dashboard.Chips).ToHaveCountAsync(0);
        await Expect(dashboard.Pager).ToContainTextAsync($"({onDemand} ");
    });

    [Fact]
    public Task R3_An_account_manager_sees_only_the_consumption_attributed_to_them() => manager.RunAsync(async page =>
    {
        var dashboard = new ConsumptionDashboardPage(page);
        await dashboard.GotoAsync();
        var managers = page.GetByTestId("by-manager").GetByRole(AriaRole.Button);
        await Expect(managers).ToHaveCountAsync(1);
        var name = (await managers.First.InnerTextAsync()).Trim();
        await Expect(page.GetByLabel("Account manager", new() { Exact = true })).ToHaveCountAsync(0);
        await dashboard.WaitForGridAsync();
        await Expect(dashboard.DataRows.First).ToBeVisibleAsync();
        foreach (var cell in await dashboard.DataRows.Locator("td:last-child").AllInnerTextsAsync())
        {
            Assert.Equal(name, cell.Trim());
        }
    });
}
