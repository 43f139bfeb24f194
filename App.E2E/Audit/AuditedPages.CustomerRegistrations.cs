using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.Features.Customers.Registrations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>Customer registrations (R15), invitations (R16) and the outbox: pages and dialogs, opened but never confirmed.</summary>
public static partial class AuditedPages
{
    private static IEnumerable<AuditedPage> CustomerRegistrationPages() =>
    [
        new("customer registrations (partner admin)", AuditAccount.PartnerAdmin, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "sales/customer-registrations");
            await WaitForGridAsync(page);
        }),
        new("customer registrations (account manager)", AuditAccount.AccountManager, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "sales/customer-registrations");
            await WaitForGridAsync(page);
        }),
        new("register customer dialog", AuditAccount.PartnerAdmin, (page, culture) => OpenRegisterDialogAsync(page, culture)),
        new("register customer dialog with errors", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            var dialog = await OpenRegisterDialogAsync(page, culture);
            await dialog.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Registration.Submit", culture), Exact = true }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("send invitation dialog with preview", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "sales/customer-registrations");
            await WaitForGridAsync(page);
            await RowButton(page, culture, "Invitation.Invite").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Radio).First.ClickAsync();
            await Expect(dialog.GetByTestId("invitation-preview")).ToBeVisibleAsync();
        }),
        new("registration inbox", AuditAccount.VendorOperator, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "vendor/customer-registrations");
            await WaitForGridAsync(page);
        }),
        new("approve registration confirm dialog", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/customer-registrations");
            await WaitForGridAsync(page);
            await RowButton(page, culture, "Registration.Approve").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alertdialog)).ToBeVisibleAsync();
        }),
        new("reject registration dialog with errors", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/customer-registrations");
            await WaitForGridAsync(page);
            await RowButton(page, culture, "Registration.Reject").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Registration.ConfirmReject", culture), Exact = true }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("outbox", AuditAccount.VendorOperator, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "vendor/outbox");
            await WaitForGridAsync(page);
        }),
        new("outbox message dialog", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/outbox");
            await WaitForGridAsync(page);
            await RowButton(page, culture, "Outbox.View").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog).GetByTestId("outbox-body")).ToBeVisibleAsync();
        }),
        // The public page (static SSR, anonymous): the demo invitation's published link, and an unknown link.
        new("invitation page (public)", null, async (page, _) =>
        {
            await GotoStaticAsync(page, $"invitations/{RegistrationDemoData.DemoInvitationToken}");
            await Expect(page.GetByTestId("invitation-mode")).ToBeVisibleAsync();
        }),
        new("invitation page (unknown link)", null, async (page, _) =>
        {
            await GotoStaticAsync(page, "invitations/" + new string('x', 43));
            await Expect(page.GetByTestId("invitation-failure")).ToBeVisibleAsync();
        }),
    ];

    private static async Task<ILocator> OpenRegisterDialogAsync(IPage page, string culture)
    {
        await GotoInteractiveAsync(page, "sales/customer-registrations");
        await WaitForGridAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Registration.Register", culture), Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.ExpectDialogReadyAsync();
        return dialog;
    }
}
