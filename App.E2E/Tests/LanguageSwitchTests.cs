using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests;

/// <summary>
/// The top bar's English | 中文 switch: the culture is a cookie of the browser context, so this class has its own signed-in
/// context (its own <see cref="PartnerAAdminSession"/> fixture) and switches back to English at the end anyway.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class LanguageSwitchTests(PartnerAAdminSession session) : IClassFixture<PartnerAAdminSession>
{
    [Fact]
    public Task Switching_to_Chinese_translates_the_navigation_and_the_shared_opportunities_page_and_back() => session.RunAsync(async page =>
    {
        // Loaded directly (see the skipped test below for the switch after client-side navigation).
        var list = new OpportunityListPage(page);
        await list.GotoAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");

        await SwitchLanguageAsync(page, "中文");
        try
        {
            await Expect(page).ToHaveURLAsync(ListUrl());
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "厂商共享的机会点", Level = 1, Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "销售", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "厂商共享的机会点", Exact = true })).ToBeVisibleAsync();
            var pending = page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex(@"^待接受 \(\d+\)$") });
            await Expect(pending).ToBeVisibleAsync();
            await Expect(pending).ToHaveAttributeAsync("aria-checked", "true");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "导出 Excel", Exact = true })).ToBeVisibleAsync();
            await Expect(list.Heading).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Sales", Exact = true })).ToHaveCountAsync(0);
        }
        finally
        {
            // Back to English, so the session's cookie is as the other tests expect it.
            await SwitchLanguageAsync(page, "English");
        }

        await Expect(page).ToHaveURLAsync(ListUrl());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
        await Expect(list.Heading).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Sales", Exact = true })).ToBeVisibleAsync();
        await Expect(list.Tab(OpportunityListPage.PendingAcceptance)).ToHaveAttributeAsync("aria-checked", "true");
    });

    [Fact]
    public Task Switching_language_after_navigating_through_the_menu_stays_on_the_current_page() => session.RunAsync(async page =>
    {
        var list = new OpportunityListPage(page);
        await list.OpenFromMenuAsync(); // starts on home, then client-side navigation to the list
        await SwitchLanguageAsync(page, "中文");
        try
        {
            await Expect(page).ToHaveURLAsync(ListUrl());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "厂商共享的机会点", Level = 1, Exact = true })).ToBeVisibleAsync();
        }
        finally
        {
            await SwitchLanguageAsync(page, "English");
        }

        await Expect(page).ToHaveURLAsync(ListUrl());
        await Expect(list.Heading).ToBeVisibleAsync();
    });

    /// <summary>Clicks a language link in the top bar: a full load through culture/set, which redirects back.</summary>
    private static async Task SwitchLanguageAsync(IPage page, string language)
    {
        await page.RunAndWaitForNewDocumentAsync(() => LanguageLink(page, language).ClickAsync());
        await page.WaitForInteractiveAsync();
    }

    private static Regex ListUrl() => new($"/{Regex.Escape(OpportunityListPage.Path)}$");

    /// <summary>The top bar's language links; the navigation's accessible name is localized, so the links are found by their own names (never translated).</summary>
    private static ILocator LanguageLink(IPage page, string language) =>
        page.GetByRole(AriaRole.Link, new() { Name = language, Exact = true });
}
