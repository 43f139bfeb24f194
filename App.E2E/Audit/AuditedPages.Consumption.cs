using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>The consumption dashboard and the metrics page (issue 7), as each role sees them.</summary>
public static partial class AuditedPages
{
    // A property, not a field: static fields of a partial class initialize in an unspecified file order.
    private static IReadOnlyList<AuditedPage> ConsumptionPages =>
    [
        new("consumption dashboard (finance)", AuditAccount.Finance, (page, _) => GotoConsumptionAsync(page)),
        new("consumption dashboard (account manager)", AuditAccount.AccountManager, (page, _) => GotoConsumptionAsync(page)),
        new("consumption dashboard drilled down (finance)", AuditAccount.Finance, async (page, _) =>
        {
            await GotoConsumptionAsync(page);
            await page.GetByTestId("top-products").GetByRole(AriaRole.Button).First.ClickAsync();
            await Expect(page.GetByTestId("drill-chip")).ToHaveCountAsync(1);
            await WaitForGridAsync(page);
        }),
        new("consumption dashboard (vendor operator, partner picked)", AuditAccount.VendorOperator, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "sales/consumption");
            await page.Locator("#consumption-partner").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await Expect(page.GetByTestId("consumption-notice")).ToBeVisibleAsync();
            await WaitForGridAsync(page);
        }),
        new("metrics (finance)", AuditAccount.Finance, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "sales/metrics");
            await Expect(page.GetByTestId("metrics-grid")).ToBeVisibleAsync();
        }),
        new("metrics (vendor operator, partner picked)", AuditAccount.VendorOperator, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "sales/metrics");
            await page.Locator("#metrics-partner").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await Expect(page.GetByTestId("metrics-grid")).ToBeVisibleAsync();
        }),
    ];

    private static async Task GotoConsumptionAsync(IPage page)
    {
        await GotoInteractiveAsync(page, "sales/consumption");
        await Expect(page.GetByTestId("consumption-notice")).ToBeVisibleAsync();
        await WaitForGridAsync(page);
    }
}
