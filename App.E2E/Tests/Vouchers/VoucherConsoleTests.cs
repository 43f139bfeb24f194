using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages.Vouchers;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Vouchers;
using BlazorPartner.Platform.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Vouchers;

/// <summary>Partner A's admin issues and recalls vouchers on Finance › Vouchers and coupons (R26–R28).</summary>
[Collection(E2ECollection.Name)]
public sealed class VoucherConsoleTests(E2EHost host, PartnerAAdminSession session) : IClassFixture<PartnerAAdminSession>
{
    [Fact]
    public Task R27_R28_Admin_issues_vouchers_to_three_customers_and_recalls_one() => session.RunAsync(async page =>
    {
        var prefix = VoucherTestData.UniqueName("Issue");
        var customers = await host.CreateCustomersAsync(DemoAccounts.PartnerAName, prefix, 3);
        var quota = await host.GrantQuotaAsync(DemoAccounts.PartnerAName, 1_000m);
        var console = new VoucherConsolePage(page);
        await console.GotoAsync();
        await Expect(console.Remaining(quota)).ToHaveTextAsync("¥1,000.00");

        var issue = await console.IssueFromAsync(quota);
        for (var i = 1; i <= 3; i++)
        {
            await issue.PickAsync($"{prefix} {i}");
        }

        await issue.EnterFaceValueAsync(120.50m);
        await issue.Remark.FillAsync("E2E campaign");
        await Expect(issue.Summary).ToHaveTextAsync("3 customers × ¥120.50 = ¥361.50 will be deducted from the remaining ¥1,000.00.");
        await issue.IssueAndConfirmAsync();

        await Expect(console.Notification("3 vouchers issued, ¥361.50 deducted from the quota.")).ToBeVisibleAsync();
        await Expect(console.Heading).ToBeVisibleAsync();
        await Expect(console.Remaining(quota)).ToHaveTextAsync("¥638.50");
        await console.SearchAsync(prefix);
        await Expect(console.DataRows).ToHaveCountAsync(3);
        await Expect(console.TabWithCount("Usable", 3)).ToBeVisibleAsync();

        var confirm = await console.ClickRecallOnFirstRowAsync();
        await Expect(confirm.Message).ToContainTextAsync("¥120.50 returns to the quota");
        await confirm.ConfirmAsync("Recall");

        await Expect(console.Notification("Recalled; ¥120.50 returned to the quota.")).ToBeVisibleAsync();
        await Expect(console.TabWithCount("Usable", 2)).ToBeVisibleAsync();
        await Expect(console.TabWithCount("Recalled", 1)).ToBeVisibleAsync();
        await Expect(console.Remaining(quota)).ToHaveTextAsync("¥759.00");
        await console.SelectTabAsync("Recalled");
        await Expect(console.DataRows).ToHaveCountAsync(1);

        var stored = await host.VouchersOfAsync(customers);
        Assert.Equal(3, stored.Count);
        Assert.Equal(1, stored.Count(v => v.Status == VoucherStatus.Recalled));
        Assert.Equal(75_900, (await host.QuotaAsync(quota)).RemainingFen);
    });

    [Fact]
    public Task R27_A_double_clicked_issue_creates_one_set_of_vouchers() => session.RunAsync(async page =>
    {
        var prefix = VoucherTestData.UniqueName("Double");
        var customers = await host.CreateCustomersAsync(DemoAccounts.PartnerAName, prefix, 2);
        var quota = await host.GrantQuotaAsync(DemoAccounts.PartnerAName, 500m);
        var console = new VoucherConsolePage(page);
        await console.GotoAsync();
        var issue = await console.IssueFromAsync(quota);
        await issue.PickAsync($"{prefix} 1");
        await issue.PickAsync($"{prefix} 2");
        await issue.EnterFaceValueAsync(100m);

        await issue.IssueButton.DblClickAsync();
        await Expect(issue.Confirmation.Root).ToHaveCountAsync(1);
        await issue.Confirmation.Root.GetByRole(AriaRole.Button, new() { Name = "Issue", Exact = true }).DblClickAsync(new() { Force = true });

        await Expect(console.Heading).ToBeVisibleAsync();
        await Expect(console.Remaining(quota)).ToHaveTextAsync("¥300.00");
        Assert.Equal(2, (await host.VouchersOfAsync(customers)).Count);
        Assert.Equal(30_000, (await host.QuotaAsync(quota)).RemainingFen);
    });
}

/// <summary>R29: Partner B (distributor) grants part of a quota to Partner C (reseller), which issues from it to a consultative customer.</summary>
[Collection(E2ECollection.Name)]
public sealed class VoucherDelegationJourneyTests(E2EHost host, PartnerBAdminSession distributor, VoucherTestData.PartnerCAdminSession reseller)
    : IClassFixture<PartnerBAdminSession>, IClassFixture<VoucherTestData.PartnerCAdminSession>
{
    [Fact]
    public async Task R29_Distributor_grants_quota_to_the_reseller_and_the_reseller_issues_from_it()
    {
        var quota = await host.GrantQuotaAsync(DemoAccounts.PartnerBName, 2_000m);
        var prefix = VoucherTestData.UniqueName("Reseller");
        var customers = await host.CreateCustomersAsync(DemoAccounts.PartnerCName, prefix, 1, AssociationMode.Consultative);
        await host.CreateCustomersAsync(DemoAccounts.PartnerCName, prefix + " resale", 1, AssociationMode.Resale);

        await distributor.RunAsync(async page =>
        {
            var console = new VoucherConsolePage(page);
            await console.GotoAsync();
            await console.DelegateAsync(quota, DemoAccounts.PartnerCName, 500m);
            await Expect(console.Notification("Quota granted to the reseller.")).ToBeVisibleAsync();
            await Expect(console.Remaining(quota)).ToHaveTextAsync("¥1,500.00");
            await Expect(console.ResellerTable.GetByRole(AriaRole.Row).Filter(new() { HasText = "¥500.00" }).First).ToBeVisibleAsync();
        });

        var child = await host.LatestChildQuotaAsync(quota);
        await reseller.RunAsync(async page =>
        {
            var console = new VoucherConsolePage(page);
            await console.GotoAsync();
            await Expect(console.QuotaCard(child)).ToContainTextAsync("from distributor");
            var issue = await console.IssueFromAsync(child);
            await issue.Search.FillAsync(prefix);
            // Only consultative customers are offered from a distributor's quota.
            await Expect(issue.Results.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(1);
            await issue.PickAsync($"{prefix} 1");
            await issue.EnterFaceValueAsync(200m);
            await issue.IssueAndConfirmAsync();
            await Expect(console.Notification("1 vouchers issued, ¥200.00 deducted from the quota.")).ToBeVisibleAsync();
            await Expect(console.Remaining(child)).ToHaveTextAsync("¥300.00");
        });

        Assert.Single(await host.VouchersOfAsync(customers));
        await distributor.RunAsync(async page =>
        {
            var console = new VoucherConsolePage(page);
            await console.GotoAsync();
            var row = console.ResellerTable.GetByRole(AriaRole.Row).Filter(new() { HasText = "¥300.00" }).First;
            await Expect(row).ToContainTextAsync("¥200.00");
            await Expect(console.ResellerTable).Not.ToContainTextAsync(prefix);
        });
    }
}
