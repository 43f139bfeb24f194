using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>The customer console's pages and dialogs for the audits (opened, never saved: no reveal, no assign, no unbind).</summary>
public static class CustomerAuditedPages
{
    public static readonly IReadOnlyList<AuditedPage> All =
    [
        new("customer list (partner admin)", AuditAccount.PartnerAdmin, (page, _) => OpenListAsync(page)),
        new("customer list (account manager)", AuditAccount.AccountManager, (page, _) => OpenListAsync(page)),
        new("customer list (finance, no reveal)", AuditAccount.Finance, (page, _) => OpenListAsync(page)),
        new("customer detail (assign form, unbind)", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await OpenFirstDetailAsync(page, culture);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("Customer.Assign", culture), Exact = true })).ToBeVisibleAsync();
        }),
        new("customer detail (supervisor, read-only)", AuditAccount.Supervisor, (page, culture) => OpenFirstDetailAsync(page, culture)),
        new("customer detail (not found)", AuditAccount.PartnerAdmin, async (page, _) =>
        {
            await page.GotoInteractiveAsync($"sales/customers/{Guid.Empty}");
            await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        }),
        new("customer unbind dialog", AuditAccount.PartnerAdmin, async (page, culture) =>
        {
            await OpenFirstDetailAsync(page, culture);
            await page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Customer.Unbind", culture), Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog).GetByTestId("unbind-effects")).ToBeVisibleAsync();
        }),
    ];

    private static async Task OpenListAsync(IPage page)
    {
        await AuditedPages.GotoInteractiveAsync(page, "sales/customers");
        await AuditedPages.WaitForGridAsync(page);
    }

    /// <summary>
    /// The first customer of the list (associated, newest first). Other tests add customers that were never assigned, so
    /// this waits for the history's heading, which every detail shows, not its table.
    /// </summary>
    private static async Task OpenFirstDetailAsync(IPage page, string culture)
    {
        await OpenListAsync(page);
        await page.GetByTestId("customer-link").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("Customer.AssignmentHistory", culture), Exact = true })).ToBeVisibleAsync();
    }
}
