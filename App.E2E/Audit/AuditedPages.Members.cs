using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.Features.Members;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>Members (R1, R2): the list, the invitations tab, the invite dialog, the unbind confirmation and the public join page.</summary>
public static partial class AuditedPages
{
    private static IEnumerable<AuditedPage> MemberPages =>
    [
        new("members", AuditAccount.PartnerAdmin, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "organization/members");
            await WaitForGridAsync(page);
        }),
        new("member invitations", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "organization/members");
            await WaitForGridAsync(page);
            await page.GetByRole(AriaRole.Tab, new() { Name = UiText.Get("Member.Invitations", culture), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = UiText.Get("Member.Status", culture), Exact = true })).ToBeVisibleAsync();
            await WaitForGridAsync(page);
        }),
        new("invite member dialog with errors", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "organization/members");
            await WaitForGridAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Member.Invite", culture), Exact = true }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Member.SendInvitation", culture), Exact = true }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("unbind member confirm dialog", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "organization/members");
            await WaitForGridAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Member.Unbind", culture) }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alertdialog)).ToBeVisibleAsync();
        }),
        new("join page (public)", null, async (page, _) =>
        {
            await GotoStaticAsync(page, $"join/{MemberDemoData.DemoJoinToken}");
            await Expect(page.Locator("form")).ToBeVisibleAsync();
        }),
        new("join page with errors", null, async (page, _) =>
        {
            await GotoStaticAsync(page, $"join/{MemberDemoData.DemoJoinToken}");
            await page.RunAndWaitForNewDocumentAsync(() => page.Locator("form button[type=submit]").ClickAsync());
            await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("join page (unknown link)", null, async (page, _) =>
        {
            await GotoStaticAsync(page, "join/" + new string('x', 43));
            await Expect(page.GetByTestId("join-failure")).ToBeVisibleAsync();
        }),
    ];
}
