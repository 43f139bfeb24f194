using System.Globalization;
using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.Platform.Seeding;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests;

/// <summary>"Export to Excel" on the shared-opportunities list: every row of the current tab and filter, not just the page.</summary>
[Collection(E2ECollection.Name)]
public sealed partial class ExportTests(PartnerAAdminSession session) : IClassFixture<PartnerAAdminSession>
{
    private static readonly string[] ExpectedHeader =
    [
        "Number", "Partner", "Customer", "Industry", "Region", "City", "Cloud services of interest", "Estimated amount (CNY)",
        "Expected close", "Status", "Stage", "Account manager", "Shared at (GMT+08:00)", "Acceptance deadline (GMT+08:00)",
        "Contact name", "Contact phone",
    ];

    [Fact]
    public Task Export_to_Excel_downloads_every_row_of_the_current_tab_with_the_header_row() => session.RunAsync(async page =>
    {
        var list = new OpportunityListPage(page);
        await list.GotoAsync();
        await Expect(list.Tab(OpportunityListPage.PendingAcceptance)).ToHaveAttributeAsync("aria-checked", "true");
        var tabCount = await list.TabCountAsync(OpportunityListPage.PendingAcceptance);
        var pageRows = await list.DataRows.CountAsync();
        Assert.True(tabCount > pageRows, $"The seeded pending tab should span more than one grid page ({tabCount} rows, {pageRows} on the page).");

        var beijingBefore = DateTime.UtcNow.AddHours(8);
        var download = await page.RunAndWaitForDownloadAsync(() => list.ExportButton.ClickAsync());
        var beijingAfter = DateTime.UtcNow.AddHours(8);
        Assert.Null(await download.FailureAsync());
        // Checked right away: the toast closes itself after a few seconds.
        await Expect(list.Notification($"Exported {tabCount} rows.")).ToBeVisibleAsync();

        // opportunities-yyyyMMdd-HHmmss.xlsx, stamped in Beijing time.
        var match = FileNamePattern().Match(download.SuggestedFilename);
        Assert.True(match.Success, $"Unexpected file name '{download.SuggestedFilename}'.");
        var stamp = DateTime.ParseExact(match.Groups[1].Value, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        Assert.InRange(stamp, beijingBefore.AddMinutes(-1), beijingAfter.AddMinutes(1));

        var path = Path.Combine(Path.GetTempPath(), $"e2e-{Guid.NewGuid():N}-{download.SuggestedFilename}");
        try
        {
            await download.SaveAsAsync(path);
            Assert.Equal("Opportunities", XlsxReader.SheetName(path));
            var rows = XlsxReader.ReadFirstSheet(path);
            Assert.Equal(ExpectedHeader, rows[0]);

            var data = rows.Skip(1).ToList();
            Assert.Equal(tabCount, data.Count);
            var column = (string header) => Array.IndexOf(ExpectedHeader, header);
            Assert.All(data, row =>
            {
                // Seeded numbers end in a 4-digit index plus "A"; ones the vendor shares in other tests end in 8 hex digits.
                Assert.Matches(@"^OPP-\d{6}-(\d{4}A|[0-9A-F]{8})$", row[column("Number")]);
                Assert.Equal(DemoAccounts.PartnerAName, row[column("Partner")]);
                Assert.Equal(OpportunityListPage.PendingAcceptance, row[column("Status")]);
                Assert.Matches(@"^\d{3}\*+\d{4}$", row[column("Contact phone")]); // R4: masked in exports too
            });
            Assert.Equal(tabCount, data.Select(row => row[column("Number")]).Distinct().Count());
        }
        finally
        {
            File.Delete(path);
        }

    });

    [GeneratedRegex(@"^opportunities-(\d{8}-\d{6})\.xlsx$")]
    private static partial Regex FileNamePattern();
}
