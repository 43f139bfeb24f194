using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages.Billing;
using BlazorPartner.Platform.Seeding;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Billing;

/// <summary>Partner A's finance user (finance@partner-a.demo).</summary>
public sealed class PartnerAFinanceSession(E2EHost host) : SignedInSession(host, DemoAccounts.PartnerAFinance, DemoAccounts.PartnerAName);

/// <summary>R34: finance opens Finance › Bills, picks a period, reads the summary and pages and sorts the line items.</summary>
[Collection(E2ECollection.Name)]
public sealed class BillsTests(PartnerAFinanceSession finance) : IClassFixture<PartnerAFinanceSession>
{
    [Fact]
    public async Task R34_Finance_picks_a_period_sees_the_summary_and_sorts_and_pages_the_lines()
    {
        var page = await finance.NewPageAsync();
        var bills = new BillsPage(page);
        await bills.GotoAsync();
        await Expect(bills.Summary).ToContainTextAsync(UiText.Get("Bill.Formula", "en-US"));

        // The demo bills cover the past months; pick the one before the newest.
        await bills.PeriodPicker.ClickAsync();
        var options = page.GetByRole(Microsoft.Playwright.AriaRole.Option);
        var second = (await options.AllInnerTextsAsync()).Select(t => t.Trim()).Skip(2).First();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Option, new() { Name = second, Exact = true }).ClickAsync();
        await Expect(bills.PeriodPicker).ToContainTextAsync(second);
        await bills.WaitForGridAsync();
        await Expect(bills.AmountDue).ToContainTextAsync("¥");
        await Expect(bills.Summary).ToContainTextAsync("GMT+08:00");

        // Largest amount first by default; one click on the amount header sorts it ascending (server side).
        var firstDefault = (await bills.ColumnAsync(8))[0];
        await bills.SortByAsync("Bill.LineAmountDue");
        await Expect(bills.Rows.First.Locator("td").Nth(8)).Not.ToHaveTextAsync(firstDefault);

        // Paging: the second page shows other lines.
        var resources = await bills.ColumnAsync(5);
        await bills.NextPage.ClickAsync();
        await bills.WaitForGridAsync();
        await Expect(bills.Rows.First.Locator("td").Nth(5)).Not.ToHaveTextAsync(resources[0]);
        await finance.SaveScreenshotAsync(page, "bills-finance");
    }
}
