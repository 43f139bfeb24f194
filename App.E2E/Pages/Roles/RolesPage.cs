using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Roles;

/// <summary>Organization › Roles and permissions (/organization/roles): the roles table and the role editor dialog.</summary>
public sealed class RolesPage(IPage page)
{
    public const string Path = "organization/roles";

    public ILocator Table => page.GetByRole(AriaRole.Table, new() { Name = "Roles", Exact = true });

    public ILocator Row(string role) => Table.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = role, Exact = true }) });

    public ILocator Notification(string text) => page.Locator(".rz-notification-message").Filter(new() { HasText = text });

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(Path);
        await Expect(page.GetByTestId("custom-role-count")).ToBeVisibleAsync();
    }

    /// <summary>Creates a custom role; <paramref name="permissions"/> are the permissions' descriptions as the matrix shows them.</summary>
    public async Task CreateAsync(string title, params string[] permissions)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "New role", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New role" });
        await dialog.ExpectDialogReadyAsync();
        await dialog.GetByLabel("Role name", new() { Exact = true }).FillAsync(title);
        foreach (var permission in permissions)
        {
            await dialog.GetByRole(AriaRole.Checkbox, new() { Name = permission, Exact = true }).CheckAsync();
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }

    public async Task DeleteAsync(string title)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete role {title}", Exact = true }).ClickAsync();
        await new ConfirmDialog(page, "Delete").ConfirmAsync("Delete");
    }
}
