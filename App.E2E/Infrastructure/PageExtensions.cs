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

    /// <summary>
    /// Runs an action that makes the browser load a new document at the same URL (a plain form post such as the sign-in page, or
    /// the language switch, which redirects back to where it came from), and waits until that new document has replaced the
    /// current one. The URL cannot tell the two apart, so the current document is marked first and the mark must disappear.
    /// Returns as soon as the new document is committed: assert on its content with Expect (which retries), not with one-shot reads.
    /// </summary>
    public static async Task RunAndWaitForNewDocumentAsync(this IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => document.documentElement.setAttribute('data-e2e-previous-document', '')");
        await action();
        // No WaitForLoadStateAsync here: right after a commit it can miss the new document's events and hang; the caller's
        // web-first assertions (or WaitForInteractiveAsync) wait for the new content instead.
        await Expect(page.Locator("html[data-e2e-previous-document]")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Waits until a dialog is open and has taken focus (Radzen focuses its first field once the open animation's script ran).
    /// Filling before that races the dialog's own focus move: under load a later field's text lands in the first field.
    /// </summary>
    public static async Task ExpectDialogReadyAsync(this ILocator dialog)
    {
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator(":focus")).ToHaveCountAsync(1);
    }

    /// <summary>
    /// Selects files in a Blazor &lt;InputFile&gt;. Its change handler is attached by script after the component renders;
    /// files set before that are shown by the browser but never reach the circuit (seen under load). Waits for it first.
    /// </summary>
    public static async Task SetBlazorInputFilesAsync(this ILocator input, FilePayload file)
    {
        await Expect(input).ToHaveJSPropertyAsync("_blazorInputFileNextFileId", 0);
        await input.SetInputFilesAsync(file);
    }
}
