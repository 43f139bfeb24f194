using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>The vendor's consumption import page (issue 7 §1). Opened only: nothing is uploaded by the audit.</summary>
public static partial class AuditedPages
{
    public static IReadOnlyList<AuditedPage> ConsumptionImportPages =>
    [
        new("consumption import", AuditAccount.VendorOperator, async (page, culture) =>
        {
            await GotoInteractiveAsync(page, "vendor/consumption/import");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("ConsumptionImport.Recent", culture), Exact = true })).ToBeVisibleAsync();
        }),
    ];
}
