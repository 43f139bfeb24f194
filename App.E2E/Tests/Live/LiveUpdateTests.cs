using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Live;

/// <summary>
/// Issue 9 §2: a screen updates itself when another user acts, without a reload. Here on one instance; the cluster tests
/// do the same across two instances (PostgreSQL LISTEN/NOTIFY).
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class LiveUpdateTests(VendorOperatorSession vendor, PartnerAAdminSession partner)
    : IClassFixture<VendorOperatorSession>, IClassFixture<PartnerAAdminSession>
{
    [Fact]
    public async Task The_partners_list_counts_the_vendors_new_share_and_the_vendors_detail_shows_the_partners_accept()
    {
        var list = await partner.NewPageAsync();
        var vendorPage = await vendor.NewPageAsync();
        var partnerDetail = await partner.NewPageAsync();
        try
        {
            var opportunities = new OpportunityListPage(list);
            await opportunities.GotoAsync();
            var pending = await opportunities.TabCountAsync(OpportunityListPage.PendingAcceptance);

            // The vendor shares: the partner's open list counts it, no reload.
            var share = new ShareOpportunityPage(vendorPage);
            await share.GotoAsync();
            await share.FillAsync(ShareForm.ValidFor(ShareForm.UniqueCustomer("Live")));
            var id = await share.SubmitAndOpenDetailAsync();
            await Expect(opportunities.TabWithCount(OpportunityListPage.PendingAcceptance, pending + 1)).ToBeVisibleAsync();

            // The partner accepts on another page: the vendor's open detail and the partner's list follow.
            var vendorDetail = new OpportunityDetailPage(vendorPage);
            await Expect(vendorDetail.StatusBadge(OpportunityListPage.PendingAcceptance)).ToBeVisibleAsync();
            await partnerDetail.GotoInteractiveAsync($"opportunities/{id}");
            var detail = new OpportunityDetailPage(partnerDetail);
            await detail.AcceptButton.ClickAsync();
            var confirm = new ConfirmDialog(partnerDetail, "Accept opportunity");
            await confirm.Root.ExpectDialogReadyAsync();
            await confirm.ConfirmAsync("Accept");
            await Expect(detail.StatusBadge(OpportunityListPage.InProgress)).ToBeVisibleAsync();

            await Expect(vendorDetail.StatusBadge(OpportunityListPage.InProgress)).ToBeVisibleAsync();
            await Expect(opportunities.TabWithCount(OpportunityListPage.PendingAcceptance, pending)).ToBeVisibleAsync();
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
