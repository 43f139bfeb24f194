using Microsoft.Playwright;

namespace BlazorPartner.E2E.Pages;

/// <summary>Radzen's confirm dialog (role=alertdialog), e.g. "Accept opportunity".</summary>
public sealed class ConfirmDialog(IPage page, string title)
{
    public ILocator Root => page.GetByRole(AriaRole.Alertdialog, new() { Name = title, Exact = true });

    public ILocator Message => Root.GetByRole(AriaRole.Paragraph);

    public Task ConfirmAsync(string buttonText) => Root.GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).ClickAsync();

    public Task CancelAsync() => Root.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
}
