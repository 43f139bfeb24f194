using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>Roles and permissions (R1): the roles list, the role editor with its permission matrix, the history, the member's roles dialog; the notifications page.</summary>
public static partial class AuditedPages
{
    private static IEnumerable<AuditedPage> RolePages =>
    [
        new("roles", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "organization/roles");
            await Expect(page.GetByTestId("custom-role-count")).ToBeVisibleAsync();
        }),
        new("new role dialog with errors", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "organization/roles");
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Role.New", culture), Exact = true }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByRole(AriaRole.Checkbox).First).ToBeVisibleAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Common.Save", culture), Exact = true }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }),
        new("role history", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "organization/roles");
            await page.GetByRole(AriaRole.Tab, new() { Name = UiText.Get("Role.History", culture), Exact = true }).ClickAsync();
            await WaitForGridAsync(page);
        }),
        new("notifications", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "notifications");
            await Expect(page.GetByTestId("notification-unread")).ToBeVisibleAsync();
            await Expect(page.Locator(".rz-datatable-loading, .rz-grid-loading")).ToHaveCountAsync(0);
        }),
        new("member roles dialog", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "organization/members");
            await WaitForGridAsync(page);
            // The buttons are named for their member ("Change the roles of …"); the visible text is the same for all.
            await page.GetByRole(AriaRole.Grid).First.GetByRole(AriaRole.Button).Filter(new() { HasTextString = UiText.Get("Member.ChangeRoles", culture) }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Checkbox).First).ToBeVisibleAsync();
        }),
    ];
}
