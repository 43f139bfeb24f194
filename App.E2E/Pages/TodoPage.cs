using System.Globalization;
using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages;

/// <summary>A reviewer's "To do" page and its count in the menu ("To do (3)").</summary>
public sealed partial class TodoPage(IPage page)
{
    public const string Path = "todo";

    public ILocator MenuLink => page.Locator(".rz-sidebar").GetByText(MenuText());

    public ILocator Row(string title) => page.GetByTestId("todo-row").Filter(new() { HasText = title });

    public ILocator Outcomes => page.GetByTestId("todo-outcomes");

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(Path);
        await Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
    }

    /// <summary>The count the menu shows now.</summary>
    public async Task<int> MenuCountAsync()
    {
        await Expect(MenuLink).ToBeVisibleAsync();
        var text = await MenuLink.InnerTextAsync();
        return int.Parse(MenuText().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public Task ExpectMenuCountAsync(int count) =>
        Expect(page.Locator(".rz-sidebar").GetByText($"To do ({count})", new() { Exact = true })).ToBeVisibleAsync();

    public async Task ApproveAsync(string title)
    {
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {title}", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve selected (1)", Exact = true }).ClickAsync();
    }

    [GeneratedRegex(@"^To do \((\d+)\)$")]
    private static partial Regex MenuText();
}
