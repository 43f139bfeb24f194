using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Members;

/// <summary>Organization › Members (/organization/members): the members tab, the invitations tab and the invite dialog.</summary>
public sealed class MembersPage(IPage page)
{
    public const string Path = "organization/members";

    public ILocator Grid => page.GetByRole(AriaRole.Grid).First;

    public ILocator Row(string text) => Grid.Locator("tbody tr").Filter(new() { HasText = text });

    public ILocator InvitationsToday => page.GetByTestId("invitations-today");

    public ILocator Notification(string text) => page.Locator(".rz-notification-message").Filter(new() { HasText = text });

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(Path);
        await Expect(Grid.Locator("tbody tr").First).ToBeVisibleAsync();
    }

    public async Task ShowInvitationsAsync()
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Invitations", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Status", Exact = true })).ToBeVisibleAsync();
    }

    public async Task InviteAsync(string email, params string[] roles)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite member", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Invite member" });
        await dialog.ExpectDialogReadyAsync();
        await dialog.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        foreach (var role in roles)
        {
            await dialog.GetByRole(AriaRole.Checkbox, new() { Name = role }).CheckAsync();
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send invitation", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }

    /// <summary>Gives the member exactly <paramref name="roles"/> (the roles' names as the dialog lists them).</summary>
    public async Task ChangeRolesAsync(string name, params string[] roles)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Change the roles of {name}", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Roles" });
        await dialog.ExpectDialogReadyAsync();
        var boxes = dialog.GetByRole(AriaRole.Checkbox);
        await Expect(boxes.First).ToBeVisibleAsync();
        foreach (var box in await boxes.AllAsync())
        {
            var label = await box.EvaluateAsync<string>("b => b.closest('label').querySelector('strong').textContent");
            await box.SetCheckedAsync(roles.Contains(label.Trim()));
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }

    public async Task UnbindAsync(string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Unbind {name}", Exact = true }).ClickAsync();
        await new ConfirmDialog(page, "Unbind").ConfirmAsync("Unbind");
    }
}

/// <summary>The public page a member invitation link opens (static server rendering, anonymous).</summary>
public sealed class JoinPublicPage(IPage page)
{
    public ILocator Heading => page.Locator("h1");

    public ILocator Failure => page.GetByTestId("join-failure");

    public ILocator Done => page.GetByTestId("join-done");

    public async Task JoinAsync(string name, string password)
    {
        await page.GetByLabel("Your name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Repeat the password", new() { Exact = true }).FillAsync(password);
        await page.RunAndWaitForNewDocumentAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync());
    }
}
