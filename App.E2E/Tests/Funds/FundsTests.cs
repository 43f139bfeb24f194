using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages.Funds;
using BlazorPartner.Platform.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Funds;

/// <summary>R21: Partner A's administrator allocates to and reclaims from a resale customer on Finance › Funds; the vendor tops up.</summary>
[Collection(E2ECollection.Name)]
public sealed class FundsTests(E2EHost host, PartnerAAdminSession partnerA, VendorOperatorSession vendor)
    : IClassFixture<PartnerAAdminSession>, IClassFixture<VendorOperatorSession>
{
    [Fact]
    public async Task R21_Admin_allocates_to_a_resale_customer_and_reclaims_part_and_the_ledger_shows_both()
    {
        var name = TestData.UniqueCustomer("E2E Funds");
        var customer = await host.AddResaleCustomerAsync(name);
        await host.TopUpAsync(1_000m);

        await partnerA.RunAsync(async page =>
        {
            var funds = new FundsPage(page);
            await funds.GotoAsync();

            var allocate = await funds.OpenAllocateAsync();
            await allocate.ChooseCustomerAsync(name);
            await allocate.EnterAmountAsync(300m);
            await Expect(allocate.Preview).ToContainTextAsync("¥300.00");
            await allocate.Submit.ClickAsync();
            await Expect(allocate.Root).ToHaveCountAsync(0);

            var reclaim = await funds.OpenReclaimAsync();
            await reclaim.ChooseCustomerAsync(name);
            await Expect(reclaim.Preview).ToContainTextAsync("¥300.00");
            await reclaim.EnterAmountAsync(120.5m);
            await reclaim.Submit.ClickAsync();
            await Expect(reclaim.Root).ToHaveCountAsync(0);

            // The partner's cash leg of each transfer, newest first: +120.50 back, −300.00 out.
            await funds.FilterByCustomerAsync(name, "PartnerCash");
            await Expect(funds.Rows).ToHaveCountAsync(2);
            await Expect(funds.Rows.Nth(0)).ToContainTextAsync("Reclaim");
            await Expect(funds.Rows.Nth(0)).ToContainTextAsync(FundsPage.Amount(120.50m));
            await Expect(funds.Rows.Nth(1)).ToContainTextAsync("Allocation");
            await Expect(funds.Rows.Nth(1)).ToContainTextAsync(FundsPage.Amount(-300m));
        });

        Assert.Equal(179_50, await host.BalanceFenAsync(customer));
    }

    [Fact]
    public async Task R21_Double_clicking_allocate_moves_the_money_once()
    {
        var name = TestData.UniqueCustomer("E2E Double");
        var customer = await host.AddResaleCustomerAsync(name);
        await host.TopUpAsync(100m);

        await partnerA.RunAsync(async page =>
        {
            var funds = new FundsPage(page);
            await funds.GotoAsync();
            var allocate = await funds.OpenAllocateAsync();
            await allocate.ChooseCustomerAsync(name);
            await allocate.EnterAmountAsync(50m);
            await allocate.Submit.DblClickAsync();
            await Expect(allocate.Root).ToHaveCountAsync(0);
            await funds.FilterByCustomerAsync(name, "Customers");
            await Expect(funds.Rows).ToHaveCountAsync(1);
        });

        Assert.Equal(50_00, await host.BalanceFenAsync(customer));
        Assert.Equal(1, await host.CommandCountAsync(customer));
    }

    [Fact]
    public async Task R21_Vendor_tops_up_a_partners_cash_account()
    {
        var before = await host.CashFenAsync(DemoAccounts.PartnerCName);

        await vendor.RunAsync(async page =>
        {
            var topUp = new TopUpPartnerPage(page);
            await topUp.GotoAsync();
            await topUp.Submit.ClickAsync();
            await Expect(topUp.FieldErrors.First).ToBeVisibleAsync();

            await topUp.ChoosePartnerAsync(DemoAccounts.PartnerCName);
            await topUp.EnterAmountAsync(123.45m);
            await topUp.Submit.ClickAsync();
            await Expect(page.GetByText(new System.Text.RegularExpressions.Regex(@"^Topped up ¥123\.45 for Partner C"))).ToBeVisibleAsync();
            await Expect(topUp.PartnerCash).ToContainTextAsync(Money(before + 123_45));
        });

        Assert.Equal(before + 123_45, await host.CashFenAsync(DemoAccounts.PartnerCName));
    }

    private static string Money(long fen) => BlazorPartner.Core.Currency.Money.Format(fen);
}
