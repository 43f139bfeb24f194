using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.E2E.Pages.Vouchers;
using BlazorPartner.E2E.Tests.Vouchers;
using BlazorPartner.Platform.Seeding;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Live;

/// <summary>
/// Issue 9 §2: a screen updates itself when another user acts, without a reload. Here on one instance; the cluster tests
/// do the same across two instances (PostgreSQL LISTEN/NOTIFY).
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class LiveUpdateTests(E2EHost host, VendorOperatorSession vendor, PartnerAAdminSession partner)
    : IClassFixture<VendorOperatorSession>, IClassFixture<PartnerAAdminSession>
{
    [Fact]
    public async Task A_voucher_console_open_in_another_tab_shows_vouchers_issued_and_recalled_elsewhere()
    {
        var prefix = VoucherTestData.UniqueName("Live");
        await host.CreateCustomersAsync(DemoAccounts.PartnerAName, prefix, 2);
        var quota = await host.GrantQuotaAsync(DemoAccounts.PartnerAName, 1_000m);
        var watching = await partner.NewPageAsync();
        var acting = await partner.NewPageAsync();
        try
        {
            var watched = new VoucherConsolePage(watching);
            await watched.GotoAsync();
            await watched.SearchAsync(prefix);
            await Expect(watched.DataRows).ToHaveCountAsync(0);

            var console = new VoucherConsolePage(acting);
            await console.GotoAsync();
            var issue = await console.IssueFromAsync(quota);
            await issue.PickAsync($"{prefix} 1");
            await issue.PickAsync($"{prefix} 2");
            await issue.EnterFaceValueAsync(100m);
            await issue.IssueAndConfirmAsync();
            await Expect(watched.DataRows).ToHaveCountAsync(2);
            await Expect(watched.TabWithCount("Usable", 2)).ToBeVisibleAsync();

            await console.SearchAsync(prefix);
            var confirm = await console.ClickRecallOnFirstRowAsync();
            await confirm.ConfirmAsync("Recall");
            await Expect(watched.TabWithCount("Usable", 1)).ToBeVisibleAsync();
            await Expect(watched.TabWithCount("Recalled", 1)).ToBeVisibleAsync();
        }
        catch
        {
            await partner.SaveScreenshotAsync(watching, "live-vouchers-watching");
            throw;
        }
        finally
        {
            await watching.CloseAsync();
            await acting.CloseAsync();
        }
    }

    [Fact]
    public async Task The_partners_list_counts_the_vendors_new_share_and_the_vendors_detail_shows_the_partners_accept()
    {
        var list = await partner.NewPageAsync();
        var vendorPage = await vendor.NewPageAsync();
        var partnerDetail = await partner.NewPageAsync();
        try
        {
            await LiveShareJourney.RunAsync(vendorPage, list, partnerDetail, "Live");
        }
        catch
        {
            await partner.SaveScreenshotAsync(list, "live-partner-list");
            await vendor.SaveScreenshotAsync(vendorPage, "live-vendor");
            throw;
        }
        finally
        {
            await list.CloseAsync();
            await vendorPage.CloseAsync();
            await partnerDetail.CloseAsync();
        }
    }
}
