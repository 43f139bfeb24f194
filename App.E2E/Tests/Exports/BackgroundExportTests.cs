using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.E2E.Pages.Exports;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Exports;

/// <summary>
/// The export center end to end: an export over the threshold (45 rows in the E2E host) is queued, runs in the
/// background, shows on "My exports" and downloads through the authorized endpoint, which answers 404 to another tenant
/// and sends a signed-out request to sign in.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class BackgroundExportTests(E2EHost host, PartnerAAdminSession session, PartnerBAdminSession otherPartner)
    : IClassFixture<PartnerAAdminSession>, IClassFixture<PartnerBAdminSession>
{
    [Fact]
    public Task A_big_export_runs_in_the_background_and_downloads_from_My_exports() => session.RunAsync(async page =>
    {
        var list = new OpportunityListPage(page);
        await list.GotoAsync();
        await list.SelectTabAsync(OpportunityListPage.All);
        var total = await list.TabCountAsync(OpportunityListPage.All);
        Assert.True(total > BlazorPartnerAppFactory.ExportThresholdRows, $"The All tab should exceed the E2E threshold ({total} rows).");

        await list.ExportButton.ClickAsync();
        var queued = page.GetByTestId("export-queued-link");
        await Expect(queued).ToBeVisibleAsync();
        await queued.ClickAsync();

        var exports = new MyExportsPage(page);
        await Expect(exports.Heading).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        var row = exports.Rows.First;
        await Expect(row).ToContainTextAsync("Opportunities");
        // The page refreshes itself from the database every second while the job is queued or running.
        await Expect(exports.Status(row)).ToHaveTextAsync(new Regex("Completed"), new() { Timeout = 30_000 });
        await Expect(row).ToContainTextAsync($"{total:N0} of {total:N0} rows");
        await Expect(row).ToContainTextAsync("GMT+08:00");

        var link = exports.DownloadLink(row);
        var href = await link.GetAttributeAsync("href") ?? "";
        Assert.Matches(@"^/exports/[0-9a-f-]{36}/download$", href);
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Null(await download.FailureAsync());
        Assert.Matches(@"^Opportunities-\d{8}-\d{6}\.xlsx$", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"e2e-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(path);
            var rows = XlsxReader.ReadFirstSheet(path);
            Assert.Equal("Number", rows[0][0]);
            Assert.Equal(total, rows.Count - 1);
        }
        finally
        {
            File.Delete(path);
        }

        // The owner's request carries the headers; another partner's admin gets 404; a signed-out request is sent to sign in.
        var own = await page.APIRequest.GetAsync(href);
        Assert.Equal(200, own.Status);
        Assert.Equal("no-store", own.Headers["cache-control"]);
        Assert.StartsWith("attachment;", own.Headers["content-disposition"]);

        var otherPage = await otherPartner.NewPageAsync();
        try
        {
            var other = await otherPage.APIRequest.GetAsync(new Uri(host.BaseAddress, href).ToString());
            Assert.Equal(404, other.Status);
            var guessed = await otherPage.APIRequest.GetAsync(new Uri(host.BaseAddress, $"/exports/{Guid.NewGuid()}/download").ToString());
            Assert.Equal(404, guessed.Status);
        }
        finally
        {
            await otherPage.CloseAsync();
        }

        await using var anonymous = await host.NewContextAsync();
        var signedOut = await anonymous.APIRequest.GetAsync(href, new() { MaxRedirects = 0 });
        Assert.True(signedOut.Status is 302 or 401, $"A signed-out download answered {signedOut.Status}.");
        if (signedOut.Status == 302)
        {
            Assert.Contains("/account/login", signedOut.Headers["location"], StringComparison.OrdinalIgnoreCase);
        }
    });
}
