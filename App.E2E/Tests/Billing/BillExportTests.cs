using System.Globalization;
using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages.Billing;
using BlazorPartner.E2E.Pages.Exports;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Billing;

/// <summary>
/// R34 + the export center: finance exports a bill's line items; the job runs in the background with its progress on
/// "My exports", completes, and the downloaded workbook opens with the Open XML SDK and holds every line of the bill.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class BillExportTests(PartnerAFinanceSession finance) : IClassFixture<PartnerAFinanceSession>
{
    [Fact]
    public Task R34_A_bill_export_completes_with_progress_and_the_file_opens() => finance.RunAsync(async page =>
    {
        var bills = new BillsPage(page);
        await bills.GotoAsync();
        var lineText = (await bills.LineCount.InnerTextAsync()).Trim();
        var lines = int.Parse(lineText, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.True(lines > 0, "The newest demo bill should have line items.");
        var period = Regex.Match(await bills.PeriodPicker.InnerTextAsync(), @"\d{4}-\d{2}").Value;
        Assert.NotEmpty(period);

        await bills.ExportButton.ClickAsync();
        var queued = page.GetByTestId("export-queued-link");
        await Expect(queued).ToBeVisibleAsync();
        await queued.ClickAsync();

        var exports = new MyExportsPage(page);
        await Expect(exports.Heading).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        var row = exports.Row(UiText.Get("ExportKind.bills.lines", "en-US")).First;
        await Expect(row).ToBeVisibleAsync();
        // Progress is the rows written of the bill's lines; the page refreshes itself while the job runs.
        await Expect(exports.Status(row)).ToHaveTextAsync(new Regex("Completed"), new() { Timeout = 30_000 });
        await Expect(row).ToContainTextAsync($"{lines:N0} of {lines:N0} rows");

        var download = await page.RunAndWaitForDownloadAsync(() => exports.DownloadLink(row).ClickAsync());
        Assert.Null(await download.FailureAsync());
        Assert.Equal($"bill-lines-{period}.xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"e2e-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(path);
            var sheet = XlsxReader.ReadFirstSheet(path);
            Assert.Equal(UiText.Get("Bill.SheetName", "en-US"), XlsxReader.SheetName(path));
            Assert.Equal(UiText.Get("Bill.Customer", "en-US"), sheet[0][0]);
            Assert.Equal(lines, sheet.Count - 1);
            Assert.All(sheet.Skip(1), r => Assert.Equal(sheet[0].Count, r.Count));
        }
        finally
        {
            File.Delete(path);
        }
    });
}
