using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Audit;

/// <summary>The export center's page: "My exports" (a list when the user has jobs, the empty state otherwise).</summary>
public static partial class AuditedPages
{
    private static IReadOnlyList<AuditedPage> ExportPages =>
    [
        new("my exports (partner admin)", AuditAccount.PartnerAdmin, (page, culture) => GotoMyExportsAsync(page, culture)),
        new("my exports (finance)", AuditAccount.Finance, (page, culture) => GotoMyExportsAsync(page, culture)),
    ];

    private static async Task GotoMyExportsAsync(IPage page, string culture)
    {
        await GotoInteractiveAsync(page, "exports");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("Nav.MyExports", culture), Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=exports-empty], [data-testid=export-row]").First).ToBeVisibleAsync();
    }
}
