using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests;

/// <summary>CSP in a real browser, the over-long search, the reconnect overlay and the not-found page inside the app.</summary>
[Collection(E2ECollection.Name)]
public sealed class BrowserHardeningTests(E2EHost host, PartnerAAdminSession partnerA, VendorOperatorSession vendor)
    : IClassFixture<PartnerAAdminSession>, IClassFixture<VendorOperatorSession>
{
    private const string TooLongMessage = "At most 100 characters; the rest was cut off.";

    /// <summary>Records every CSP violation the page reports (and Chrome's console errors about CSP) from its first script on.</summary>
    private static async Task<List<string>> WatchCspAsync(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.StartsWith("csp-violation", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync(
            "window.__csp = []; document.addEventListener('securitypolicyviolation', e => { window.__csp.push(e.violatedDirective); console.log('csp-violation ' + e.violatedDirective + ' ' + e.blockedURI); });");
        return violations;
    }

    /// <summary>Proves the watcher sees violations at all: an injected inline script must be refused and reported.</summary>
    private static async Task AssertWatcherCatchesInlineScriptAsync(IPage page)
    {
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true'; document.body.appendChild(s); }");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__inlineRan !== true"), "an inline script ran: the CSP does not block inline scripts");
        await page.WaitForFunctionAsync("() => window.__csp.includes('script-src-elem') || window.__csp.includes('script-src')");
    }

    [Fact]
    public Task No_csp_violations_on_the_sign_in_page() => host.RunSignedOutAsync(async page =>
    {
        var violations = await WatchCspAsync(page);
        await new LoginPage(page).GotoAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(violations);
        await AssertWatcherCatchesInlineScriptAsync(page);
    });

    [Fact]
    public Task No_csp_violations_on_the_opportunity_list_and_a_radzen_dialog() => partnerA.RunAsync(async page =>
    {
        var violations = await WatchCspAsync(page);
        var list = new OpportunityListPage(page);
        await list.GotoAsync();
        await list.Tab(OpportunityListPage.PendingAcceptance).ClickAsync();
        await list.DataRows.First.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.ExpectDialogReadyAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(violations);
        await AssertWatcherCatchesInlineScriptAsync(page);
    });

    [Fact]
    public Task No_csp_violations_on_the_work_calendar() => vendor.RunAsync(async page =>
    {
        var violations = await WatchCspAsync(page);
        await page.GotoInteractiveAsync("vendor/calendar");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Work calendar", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(violations);
    });

    [Fact]
    public Task An_over_long_search_is_cut_with_a_message_and_the_circuit_stays_alive() => partnerA.RunAsync(async page =>
    {
        var socketsClosed = 0;
        page.WebSocket += (_, socket) => socket.Close += (_, _) => socketsClosed++;
        var list = new OpportunityListPage(page);
        await list.GotoAsync();
        var modal = page.Locator("#components-reconnect-modal");

        // A 20,000-character paste: the browser keeps the first 100, the box says so.
        await list.SearchBox.ClickAsync();
        await page.Keyboard.InsertTextAsync(new string('x', 20_000));
        await Expect(page.GetByText(TooLongMessage)).ToBeVisibleAsync();
        await Expect(list.SearchBox).ToHaveValueAsync(new string('x', 100));

        // Scripted input past the maxlength reaches the server: cut there, same message, no reconnect.
        await list.SearchBox.EvaluateAsync("(input) => { input.removeAttribute('maxlength'); input.value = 'y'.repeat(20000); input.dispatchEvent(new Event('input', { bubbles: true })); }");
        await Expect(list.SearchBox).ToHaveValueAsync(new string('y', 100));
        await Expect(page.GetByText(TooLongMessage)).ToBeVisibleAsync();

        // The same circuit still answers: the search runs (nothing matches) and the reconnect overlay never showed.
        await list.SearchButton.ClickAsync();
        await Expect(list.EmptyMessage).ToBeVisibleAsync();
        await Expect(modal).Not.ToHaveClassAsync(new Regex("components-reconnect-(show|failed|rejected)"));
        Assert.Equal(0, socketsClosed);
    });

    [Fact]
    public Task While_reconnecting_an_overlay_says_so_and_blocks_the_page() => partnerA.RunAsync(async page =>
    {
        var list = new OpportunityListPage(page);
        await list.GotoAsync();
        var modal = page.Locator("#components-reconnect-modal");
        await Expect(modal).ToBeHiddenAsync();

        // Hold back reconnection (it starts with a negotiate request) so the overlay can be inspected, then drop the socket.
        await page.RouteAsync("**/_blazor/negotiate**", route => route.AbortAsync());
        await page.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");

        await Expect(modal).ToHaveClassAsync(new Regex("components-reconnect-show"));
        await Expect(modal.GetByText("The connection to the server was lost. Reconnecting…", new() { Exact = false })).ToBeVisibleAsync();
        Assert.True(await list.SearchButton.EvaluateAsync<bool>("(button) => button.closest('[inert]') !== null"), "the page behind the overlay is not inert");

        // Let it reconnect: the overlay goes away and the page works again on the same circuit.
        await page.UnrouteAsync("**/_blazor/negotiate**");
        await Expect(modal).ToBeHiddenAsync();
        Assert.False(await list.SearchButton.EvaluateAsync<bool>("(button) => button.closest('[inert]') !== null"));
        await list.SearchBox.FillAsync("no-such-customer");
        await list.SearchButton.ClickAsync();
        await Expect(list.EmptyMessage).ToBeVisibleAsync();
    });

    [Fact]
    public Task Unknown_routes_show_the_not_found_page_in_the_app_layout() => partnerA.RunAsync(async page =>
    {
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Page not found", Level = 1 });

        // Full load.
        var response = await page.GotoAsync("no-such-page");
        Assert.Equal(404, response?.Status);
        await page.WaitForInteractiveAsync();
        await Expect(heading).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Shared by vendor$") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Go to the home page" })).ToBeVisibleAsync();

        // Navigation from inside the app (the interactive router hands unknown routes to a full load).
        await page.GotoInteractiveAsync("");
        await Expect(heading).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => Blazor.navigateTo('/no-such-page-either')");
        await Expect(page).ToHaveURLAsync(new Regex("/no-such-page-either$"));
        await Expect(heading).ToBeVisibleAsync();
    });
}
