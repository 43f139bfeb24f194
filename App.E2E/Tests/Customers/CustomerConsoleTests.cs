using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages.Customers;
using BlazorPartner.Platform.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Customers;

/// <summary>The customer console in the browser: R3 visibility, R4 reveal, R18 reassignment, R19 unbinding.</summary>
[Collection(E2ECollection.Name)]
public sealed class CustomerConsoleTests(E2EHost host, PartnerAAdminSession admin, PartnerAManager1Session manager)
    : IClassFixture<PartnerAAdminSession>, IClassFixture<PartnerAManager1Session>
{
    [Fact]
    public async Task R3_An_account_manager_sees_only_own_customers_the_admin_sees_all()
    {
        var own = await host.AddCustomerAsync(DemoAccounts.PartnerAManager1);
        var others = await host.AddCustomerAsync(DemoAccounts.PartnerAManager2);
        int managerCount = 0, adminCount = 0;

        await manager.RunAsync(async page =>
        {
            var list = new CustomerListPage(page);
            await list.GotoAsync();
            managerCount = await list.ItemCountAsync();
            await list.SearchAsync(own.CreditCode);
            await Expect(list.DataRows).ToHaveCountAsync(1);
            await list.SearchAsync(others.CreditCode);
            await list.ExpectItemCountAsync(0);
            await Expect(list.Grid.GetByText("No records match.", new() { Exact = true })).ToBeVisibleAsync();
        });
        await admin.RunAsync(async page =>
        {
            var list = new CustomerListPage(page);
            await list.GotoAsync();
            adminCount = await list.ItemCountAsync();
            await list.SearchAsync(others.CreditCode);
            await Expect(list.DataRows).ToHaveCountAsync(1);
        });

        var (expectedManager, expectedPartner) = await host.AssociatedCountsAsync(DemoAccounts.PartnerAManager1);
        Assert.InRange(managerCount, 1, expectedManager);
        Assert.InRange(adminCount, managerCount + 1, expectedPartner);
    }

    [Fact]
    public Task R4_The_eye_reveals_a_masked_phone_and_hides_it_again() => admin.RunAsync(async page =>
    {
        var customer = await host.AddCustomerAsync(phone: "13755558888");
        var list = new CustomerListPage(page);
        await list.GotoAsync();
        await list.SearchAsync(customer.CreditCode);
        var row = list.Row(customer.CreditCode);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("137****8888");
        await Expect(row).Not.ToContainTextAsync("13755558888");

        await list.Eye(row, "Show", "phone").ClickAsync();
        await Expect(row).ToContainTextAsync("13755558888");
        await list.Eye(row, "Hide", "phone").ClickAsync();
        await Expect(row).ToContainTextAsync("137****8888");
        await Expect(row).Not.ToContainTextAsync("13755558888");
    });

    [Fact]
    public Task R18_The_admin_reassigns_a_customer_and_the_history_shows_both_periods() => admin.RunAsync(async page =>
    {
        var customer = await host.AddCustomerAsync(DemoAccounts.PartnerAManager1);
        var detail = new CustomerDetailPage(page);
        await detail.GotoAsync(customer.Id);
        await Expect(detail.HistoryRows).ToHaveCountAsync(1);

        await detail.AssignAsync("Wang Fang (AM)");

        await Expect(detail.Notification("The customer was assigned.")).ToBeVisibleAsync();
        await Expect(detail.HistoryRows).ToHaveCountAsync(2);
        await Expect(detail.HistoryRows.Nth(0)).ToContainTextAsync("Wang Fang (AM)");
        await Expect(detail.HistoryRows.Nth(0)).ToContainTextAsync("Current");
        await Expect(detail.HistoryRows.Nth(1)).ToContainTextAsync("Li Wei (AM)");
        await Expect(detail.HistoryRows.Nth(1)).ToContainTextAsync(new Regex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2} GMT\+08:00[\s\S]*\d{4}-\d{2}-\d{2} \d{2}:\d{2} GMT\+08:00"));
        await Expect(page.GetByText("Account manager: Li Wei (AM) → Wang Fang (AM)")).ToBeVisibleAsync();
    });

    [Fact]
    public Task R19_Unbinding_shows_its_preview_and_then_the_customer_is_unbound() => admin.RunAsync(async page =>
    {
        var customer = await host.AddCustomerAsync();
        var detail = new CustomerDetailPage(page);
        await detail.GotoAsync(customer.Id);
        var masked = customer.Name[0] + "******";

        var dialog = await detail.OpenUnbindAsync(masked);
        await Expect(dialog.Effects).ToContainTextAsync("The customer becomes unbound");
        await Expect(dialog.Effects).ToContainTextAsync("The credit code is released");
        await dialog.ConfirmAsync();

        await Expect(dialog.Root).ToBeHiddenAsync();
        await Expect(detail.Notification($"Customer {masked} was unbound.")).ToBeVisibleAsync();
        await Expect(detail.Status("Unbound")).ToBeVisibleAsync();
        await Expect(detail.UnbindButton).ToHaveCountAsync(0);
        await Expect(detail.AssignButton).ToHaveCountAsync(0);
        await Expect(detail.HistoryRows.Nth(0)).Not.ToContainTextAsync("Current");
    });
}
