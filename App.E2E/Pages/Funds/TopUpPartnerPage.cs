using System.Globalization;
using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages.Funds;

/// <summary>Vendor console › Top up a partner (/vendor/funds/top-up).</summary>
public sealed class TopUpPartnerPage(IPage page, string culture = "en-US")
{
    public const string Path = "vendor/funds/top-up";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = UiText.Get("Funds.TopUpTitle", culture), Level = 1, Exact = true });

    public ILocator Partner => page.GetByRole(AriaRole.Combobox, new() { Name = UiText.Get("Funds.Partner", culture), Exact = true });

    public ILocator Amount => page.GetByRole(AriaRole.Spinbutton, new() { Name = UiText.Get("Funds.Amount", culture), Exact = true });

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Funds.SubmitTopUp", culture), Exact = true });

    public ILocator PartnerCash => page.GetByTestId("partner-cash");

    public ILocator FieldErrors => page.GetByRole(AriaRole.Alert);

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(Path);
        await Expect(Heading).ToBeVisibleAsync();
    }

    public async Task ChoosePartnerAsync(string name)
    {
        await Partner.ClickAsync();
        await page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(Partner).ToContainTextAsync(name);
    }

    public async Task EnterAmountAsync(decimal amount)
    {
        await Amount.FillAsync(amount.ToString(CultureInfo.InvariantCulture));
        await Amount.PressAsync("Tab");
    }
}
