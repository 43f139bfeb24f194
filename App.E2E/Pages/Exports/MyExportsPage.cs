using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Exports;

/// <summary>"My exports" (/exports): the signed-in user's background exports with progress, cancel and download.</summary>
public sealed class MyExportsPage(IPage page)
{
    public const string Path = "exports";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "My exports", Exact = true });

    public ILocator Rows => page.GetByTestId("export-row");

    public ILocator Row(string kind) => Rows.Filter(new() { HasText = kind });

    public ILocator Status(ILocator row) => row.GetByTestId("export-status");

    public ILocator DownloadLink(ILocator row) => row.GetByTestId("export-download");

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(Path);
        await Expect(Heading).ToBeVisibleAsync();
    }
}
