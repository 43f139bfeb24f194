using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Infrastructure;

public static class PageExtensions
{
    /// <summary>
    /// Waits until the Blazor circuit drives the page: the main layout sets <c>data-interactive="true"</c> on &lt;html&gt; after its
    /// first interactive render (wwwroot/js/app.js markInteractive). Clicks before that would be dropped. Call after every full load.
    /// </summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        Expect(page.Locator("html[data-interactive='true']")).ToBeAttachedAsync();

    /// <summary>Full page load of an app path (relative to the base address), then waits for interactivity.</summary>
    public static async Task GotoInteractiveAsync(this IPage page, string relativePath)
    {
        await page.GotoAsync(relativePath.TrimStart('/'));
        await page.WaitForInteractiveAsync();
    }
}
