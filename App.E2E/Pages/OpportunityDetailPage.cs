using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;

namespace BlazorPartner.E2E.Pages;

/// <summary>/opportunities/{id}.</summary>
public sealed class OpportunityDetailPage(IPage page)
{
    public const string NotFoundText = "This opportunity does not exist or is not shared with your organization.";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator NotFound => page.GetByTestId("not-found");

    public Task GotoAsync(Guid id) => page.GotoInteractiveAsync($"opportunities/{id}");
}
