using Microsoft.Playwright;

namespace BlazorPartner.E2E.Pages;

/// <summary>"Reject opportunity {number}": a coded reason (Radzen DropDown, not a native select), an explanation, Cancel / Reject.</summary>
public sealed class RejectDialog(IPage page, string number)
{
    public ILocator Root => page.GetByRole(AriaRole.Dialog, new() { Name = $"Reject opportunity {number}", Exact = true });

    public ILocator Reason => Root.GetByRole(AriaRole.Combobox, new() { Name = "Reason", Exact = true });

    public ILocator Explanation => Root.GetByRole(AriaRole.Textbox, new() { Name = "Explanation", Exact = true });

    /// <summary>Field errors render as role=alert under their field.</summary>
    public ILocator FieldErrors => Root.GetByRole(AriaRole.Alert);

    public ILocator RejectButton => Root.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true });

    public ILocator CancelButton => Root.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true });

    /// <summary>Opens the drop-down and clicks the item; the popup is the only visible listbox while it is open.</summary>
    public async Task ChooseReasonAsync(string reason)
    {
        await Reason.ClickAsync();
        await page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = reason, Exact = true }).ClickAsync();
    }

    public Task SubmitAsync() => RejectButton.ClickAsync();

    public Task CancelAsync() => CancelButton.ClickAsync();
}
