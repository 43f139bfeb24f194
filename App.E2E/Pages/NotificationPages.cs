using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages;

/// <summary>The bell in the top bar and the notifications page it opens.</summary>
public sealed partial class NotificationBell(IPage page)
{
    public ILocator Link => page.GetByTestId("notification-bell");

    /// <summary>The unread count, read from the bell's accessible name ("Notifications: 3 unread").</summary>
    public async Task<int> UnreadAsync()
    {
        await Expect(Link).ToHaveAttributeAsync("aria-label", CountPattern());
        return int.Parse(CountPattern().Match((await Link.GetAttributeAsync("aria-label"))!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task ExpectUnreadAsync(int count) => Expect(Link).ToHaveAttributeAsync("aria-label", $"Notifications: {count} unread");

    [GeneratedRegex(@"^Notifications: (\d+) unread$")]
    private static partial Regex CountPattern();
}

public sealed class NotificationsPage(IPage page)
{
    public ILocator Grid => page.GetByRole(AriaRole.Grid).First;

    public ILocator Row(string text) => Grid.Locator("tbody tr").Filter(new() { HasText = text });

    public async Task ExpectLoadedAsync()
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();
        await Expect(Grid.Locator("tbody tr").First).ToBeVisibleAsync();
    }
}
