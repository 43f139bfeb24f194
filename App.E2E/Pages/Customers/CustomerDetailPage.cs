using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Customers;

/// <summary>A customer's detail (/sales/customers/{id}): profile, assignment history, assign form, unbind, operation log.</summary>
public sealed class CustomerDetailPage(IPage page)
{
    public static string PathOf(Guid id) => $"sales/customers/{id}";

    public ILocator Profile => page.GetByRole(AriaRole.Heading, new() { Name = "Customer information", Exact = true });

    /// <summary>Rows of the account-manager history table, newest first (header excluded).</summary>
    public ILocator HistoryRows => page.GetByTestId("assignment-history").Locator("tbody tr");

    public ILocator ManagerSelect => page.GetByRole(AriaRole.Combobox, new() { Name = "Account manager", Exact = true });

    public ILocator AssignButton => page.GetByRole(AriaRole.Button, new() { Name = "Assign account manager", Exact = true });

    public ILocator UnbindButton => page.GetByRole(AriaRole.Button, new() { Name = "Unbind", Exact = true });

    public ILocator Status(string status) => page.Locator("dd").GetByText(status, new() { Exact = true });

    public ILocator Notification(string text) => page.GetByText(text, new() { Exact = true });

    public async Task GotoAsync(Guid id)
    {
        await page.GotoInteractiveAsync(PathOf(id));
        await Expect(Profile).ToBeVisibleAsync();
    }

    public async Task AssignAsync(string managerName)
    {
        await ManagerSelect.SelectOptionAsync(new SelectOptionValue { Label = managerName });
        await AssignButton.ClickAsync();
    }

    public async Task<UnbindCustomerDialog> OpenUnbindAsync(string maskedName)
    {
        await UnbindButton.ClickAsync();
        var dialog = new UnbindCustomerDialog(page, maskedName);
        await Expect(dialog.Effects).ToBeVisibleAsync();
        return dialog;
    }
}

/// <summary>"Unbind {masked name}": the preview of every effect, Cancel / Unbind.</summary>
public sealed class UnbindCustomerDialog(IPage page, string maskedName)
{
    public ILocator Root => page.GetByRole(AriaRole.Dialog, new() { Name = $"Unbind {maskedName}", Exact = true });

    public ILocator Effects => Root.GetByTestId("unbind-effects");

    public Task ConfirmAsync() => Root.GetByRole(AriaRole.Button, new() { Name = "Unbind", Exact = true }).ClickAsync();

    public Task CancelAsync() => Root.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
}
