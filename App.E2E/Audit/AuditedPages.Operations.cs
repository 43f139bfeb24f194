using BlazorPartner.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>Operating the app (issue 9 §5): the vendor operator's counters of the instance.</summary>
public static partial class AuditedPages
{
    private static IEnumerable<AuditedPage> OperationsPages =>
    [
        new("operations counters", AuditAccount.VendorOperator, async (page, _) =>
        {
            await GotoInteractiveAsync(page, "vendor/operations");
            await Expect(page.GetByTestId("operations-counters")).ToBeVisibleAsync();
        }),
    ];
}
