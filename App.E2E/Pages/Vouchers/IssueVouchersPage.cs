using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Vouchers;

/// <summary>Finance › Vouchers › Issue (/finance/vouchers/issue/{quota}): customer picker, face value, validity, scope, remark, summary, confirm.</summary>
public sealed class IssueVouchersPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Issue vouchers", Level = 1, Exact = true });

    public ILocator Search => page.GetByRole(AriaRole.Searchbox, new() { Name = "Search customers", Exact = true });

    public ILocator Results => page.GetByRole(AriaRole.List, new() { Name = "Matching customers", Exact = true });

    public ILocator Picked => page.GetByTestId("picked-customer");

    public ILocator FaceValue => page.GetByRole(AriaRole.Spinbutton, new() { Name = "Face value", Exact = true });

    public ILocator Remark => page.GetByRole(AriaRole.Textbox, new() { Name = "Remark", Exact = true });

    public ILocator Summary => page.GetByTestId("issue-summary");

    public ILocator IssueButton => page.GetByRole(AriaRole.Button, new() { Name = "Issue", Exact = true });

    public ConfirmDialog Confirmation => new(page, "Confirm issue");

    /// <summary>Searches for a customer by name and ticks it in the results.</summary>
    public async Task PickAsync(string customer)
    {
        var before = await Picked.CountAsync();
        await Search.FillAsync(customer);
        var box = Results.GetByRole(AriaRole.Checkbox, new() { Name = customer });
        await box.CheckAsync();
        await Expect(Picked).ToHaveCountAsync(before + 1);
    }

    public async Task EnterFaceValueAsync(decimal value)
    {
        await FaceValue.FillAsync(value.ToString(CultureInfo.InvariantCulture));
        await FaceValue.PressAsync("Tab");
        await Expect(FaceValue).ToHaveValueAsync(value.ToString("#,##0.00", CultureInfo.InvariantCulture));
    }

    /// <summary>Issue, then the confirmation (which repeats the summary), then its Issue button.</summary>
    public async Task IssueAndConfirmAsync()
    {
        await IssueButton.ClickAsync();
        await Expect(Confirmation.Root).ToBeVisibleAsync();
        await Confirmation.ConfirmAsync("Issue");
    }
}
