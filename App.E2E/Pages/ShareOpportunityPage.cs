using System.Globalization;
using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages;

/// <summary>
/// Vendor console › Share an opportunity (/vendor/opportunities/share): one form, field errors as role=alert under each field,
/// "Share with partner" lands on the new opportunity's detail page.
/// </summary>
public sealed partial class ShareOpportunityPage(IPage page)
{
    public const string Path = "vendor/opportunities/share";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Share an opportunity", Level = 1, Exact = true });

    public ILocator Partner => Combobox("Partner");

    public ILocator Customer => Textbox("Customer");

    public ILocator Industry => Combobox("Industry");

    public ILocator Region => Combobox("Region");

    public ILocator City => Textbox("City");

    public ILocator CloudServices => Combobox("Cloud services of interest");

    /// <summary>The spinbutton is named by RadzenNumeric's AriaLabel (an aria-label attribute would land on its wrapper).</summary>
    public ILocator EstimatedAmount => page.GetByRole(AriaRole.Spinbutton, new() { Name = "Estimated amount", Exact = true });

    public ILocator ExpectedClose => Textbox("Expected close");

    public ILocator ContactName => Textbox("Contact name");

    public ILocator ContactPhone => Textbox("Contact phone");

    public ILocator Description => Textbox("Description");

    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Share with partner", Exact = true });

    /// <summary>Field errors render as role=alert in each field's helper; the form is the only thing on the page that has them.</summary>
    public ILocator FieldErrors => page.GetByRole(AriaRole.Alert);

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync(Path);
        await Expect(Heading).ToBeVisibleAsync();
    }

    /// <summary>Opens a single-select drop-down and clicks the item; the popup is the only visible listbox while it is open.</summary>
    public async Task ChooseAsync(ILocator dropDown, string item)
    {
        await dropDown.ClickAsync();
        var option = page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = item, Exact = true });
        await option.ClickAsync();
        await Expect(dropDown).ToContainTextAsync(item);
        await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
    }

    /// <summary>Ticks items of the multi-select (the popup stays open while ticking), then closes it with Escape.</summary>
    public async Task ChooseCloudServicesAsync(params string[] services)
    {
        await CloudServices.ClickAsync();
        var listbox = page.GetByRole(AriaRole.Listbox);
        foreach (var service in services)
        {
            var option = listbox.GetByRole(AriaRole.Option, new() { Name = service, Exact = true });
            await option.ClickAsync();
            await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        }

        await page.Keyboard.PressAsync("Escape");
        await Expect(listbox).ToHaveCountAsync(0);
        foreach (var service in services)
        {
            await Expect(CloudServices).ToContainTextAsync(service);
        }
    }

    /// <summary>Types the date into the picker's input as yyyy-MM-dd (its DateFormat) and leaves the field, which commits it.</summary>
    public async Task EnterExpectedCloseAsync(DateOnly date)
    {
        var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await ExpectedClose.FillAsync(text);
        await ExpectedClose.PressAsync("Tab");
        await Expect(ExpectedClose).ToHaveValueAsync(text);
    }

    public async Task EnterAmountAsync(decimal amount)
    {
        await EstimatedAmount.FillAsync(amount.ToString(CultureInfo.InvariantCulture));
        await EstimatedAmount.PressAsync("Tab");
        await Expect(EstimatedAmount).ToHaveValueAsync(amount.ToString("#,##0.00", CultureInfo.InvariantCulture));
    }

    /// <summary>Fills every field with valid values (the drop-downs by their English item texts).</summary>
    public async Task FillAsync(ShareForm form)
    {
        await ChooseAsync(Partner, form.Partner);
        await Customer.FillAsync(form.Customer);
        await ChooseAsync(Industry, form.Industry);
        await ChooseAsync(Region, form.Region);
        await City.FillAsync(form.City);
        await ChooseCloudServicesAsync([.. form.CloudServices]);
        await EnterAmountAsync(form.Amount);
        await EnterExpectedCloseAsync(form.ExpectedClose);
        await ContactName.FillAsync(form.ContactName);
        await ContactPhone.FillAsync(form.ContactPhone);
        await Description.FillAsync(form.Description);
    }

    public Task SubmitAsync() => SubmitButton.ClickAsync();

    /// <summary>Submits a filled form and waits for the new opportunity's detail page; returns its id (from the URL).</summary>
    public async Task<Guid> SubmitAndOpenDetailAsync()
    {
        await SubmitAsync();
        await Expect(page).ToHaveURLAsync(DetailUrl());
        await page.WaitForInteractiveAsync();
        return Guid.Parse(DetailUrl().Match(page.Url).Groups[1].Value);
    }

    [GeneratedRegex(@"/opportunities/([0-9a-fA-F-]{36})$")]
    private static partial Regex DetailUrl();

    private ILocator Combobox(string name) => page.GetByRole(AriaRole.Combobox, new() { Name = name, Exact = true });

    private ILocator Textbox(string name) => page.GetByRole(AriaRole.Textbox, new() { Name = name, Exact = true });
}

/// <summary>The values a vendor types into the share form.</summary>
public sealed record ShareForm(
    string Partner,
    string Customer,
    string Industry,
    string Region,
    string City,
    IReadOnlyList<string> CloudServices,
    decimal Amount,
    DateOnly ExpectedClose,
    string ContactName,
    string ContactPhone,
    string Description)
{
    /// <summary>
    /// A valid opportunity for Partner A under the given (unique) customer name: a close date 60 days ahead, a mainland mobile
    /// number, two cloud services.
    /// </summary>
    public static ShareForm ValidFor(string customer) => new(
        Partner: "Partner A",
        Customer: customer,
        Industry: "Manufacturing",
        Region: "South China",
        City: "Foshan",
        CloudServices: ["Elastic Cloud Server (ECS)", "Object Storage Service (OBS)"],
        Amount: 250_000m,
        ExpectedClose: DateOnly.FromDateTime(DateTime.Today.AddDays(60)),
        ContactName: "Liu Chen",
        ContactPhone: "13800001234",
        Description: "Migrating the plant's MES to the cloud.");

    /// <summary>A customer name no other test (nor the seed) uses: the tests share one database.</summary>
    public static string UniqueCustomer(string purpose) => $"E2E {purpose} {Guid.NewGuid().ToString("N")[..8]} Co.";
}
