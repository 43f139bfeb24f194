using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Customers;

/// <summary>
/// Sales › Customer registrations (/sales/customer-registrations) and the vendor's Registration reviews
/// (/vendor/customer-registrations): the same status tabs and grid; rows are found by company name.
/// </summary>
public sealed class RegistrationListPage(IPage page, string path)
{
    public const string PartnerPath = "sales/customer-registrations";
    public const string VendorPath = "vendor/customer-registrations";

    public static RegistrationListPage ForPartner(IPage page) => new(page, PartnerPath);

    public static RegistrationListPage ForVendor(IPage page) => new(page, VendorPath);

    public ILocator Grid => page.GetByRole(AriaRole.Grid);

    public ILocator Row(string company) => Grid.Locator("tbody tr").Filter(new() { Has = page.GetByTestId("company").GetByText(company, new() { Exact = true }) });

    public ILocator RowButton(string company, string name) => Row(company).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Notification(string text) => page.GetByText(text, new() { Exact = true });

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(path);
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Expect(Grid.Locator("tbody tr").First).ToBeVisibleAsync();
    }

    public async Task SelectTabAsync(string text)
    {
        var tab = page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex($"^{Regex.Escape(text)} \\(\\d+\\)$") });
        await tab.ClickAsync();
        await Expect(tab).ToHaveAttributeAsync("aria-checked", "true");
    }

    /// <summary>Opens the register dialog, fills every field and submits.</summary>
    public async Task RegisterAsync(string company, string creditCode, string email)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Register customer", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Register a customer", Exact = true });
        await dialog.ExpectDialogReadyAsync();
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Company", Exact = true }).FillAsync(company);
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Unified social credit code", Exact = true }).FillAsync(creditCode);
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Contact name", Exact = true }).FillAsync("Zhao Lei");
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Contact phone", Exact = true }).FillAsync("13800001234");
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Contact e-mail", Exact = true }).FillAsync(email);
        await ChooseAsync(dialog, "Region", "East China");
        await ChooseAsync(dialog, "Industry", "Retail");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Submit registration", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }

    private async Task ChooseAsync(ILocator dialog, string label, string option)
    {
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}

/// <summary>The invitation dialog: association mode (radio list), the mail preview, Send invitation.</summary>
public sealed class SendInvitationDialog(IPage page, string company)
{
    public ILocator Root => page.GetByRole(AriaRole.Dialog, new() { Name = $"Invite {company}", Exact = true });

    public ILocator Preview => Root.GetByTestId("invitation-preview");

    public Task ChooseModeAsync(string modeStartsWith) =>
        Root.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^" + Regex.Escape(modeStartsWith)) }).ClickAsync();

    public Task SendAsync() => Root.GetByRole(AriaRole.Button, new() { Name = "Send invitation", Exact = true }).ClickAsync();
}

/// <summary>Vendor console › Outbox (/vendor/outbox): newest first; View opens the body.</summary>
public sealed partial class OutboxListPage(IPage page)
{
    public const string Path = "vendor/outbox";

    public ILocator Row(string recipient) => page.GetByRole(AriaRole.Grid).Locator("tbody tr").Filter(new() { HasText = recipient });

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(Path);
        await Expect(page.GetByRole(AriaRole.Grid).Locator("tbody tr").First).ToBeVisibleAsync();
    }

    /// <summary>Opens the message sent to <paramref name="recipient"/> and returns the invitation link in its body.</summary>
    public Task<string> OpenInvitationLinkAsync(string recipient) => OpenLinkAsync(recipient, "/invitations/");

    /// <summary>Opens the member invitation sent to <paramref name="recipient"/> and returns its join link.</summary>
    /// <remarks>Picked by its subject too: a reseller applicant also got mails about its application at the same address.</remarks>
    public Task<string> OpenJoinLinkAsync(string recipient) => OpenLinkAsync(recipient, "/join/", "invites you to its partner console");

    private async Task<string> OpenLinkAsync(string recipient, string path, string? subject = null)
    {
        var row = subject is null ? Row(recipient) : Row(recipient).Filter(new() { HasText = subject });
        await row.GetByRole(AriaRole.Button, new() { Name = "View", Exact = true }).ClickAsync();
        var body = page.GetByRole(AriaRole.Dialog).GetByTestId("outbox-body");
        await Expect(body).ToContainTextAsync(path);
        var text = await body.InnerTextAsync();
        return LinkPattern().Matches(text).Select(m => m.Value).Single(link => link.Contains(path, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"https?://\S+/(invitations|join)/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}

/// <summary>The public page an invitation link opens (static server rendering, anonymous).</summary>
public sealed class InvitationPublicPage(IPage page)
{
    public ILocator Failure => page.GetByTestId("invitation-failure");

    public ILocator Done => page.GetByTestId("invitation-done");

    public ILocator Mode => page.GetByTestId("invitation-mode");

    public ILocator Heading => page.Locator("h1");

    public ILocator ContactPhone => page.GetByLabel("Contact phone", new() { Exact = true });

    public async Task AssociateAsync() =>
        await page.RunAndWaitForNewDocumentAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Associate", Exact = true }).ClickAsync());
}
