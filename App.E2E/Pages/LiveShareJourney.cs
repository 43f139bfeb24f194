using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages;

/// <summary>
/// Issue 9 §2's journey, on whichever instances the pages are on: the partner's list is open; the vendor shares and the
/// list counts it; the partner accepts on a detail page and the vendor's open detail and the partner's list follow. No
/// page reloads.
/// </summary>
public static class LiveShareJourney
{
    public static async Task RunAsync(IPage vendor, IPage partnerList, IPage partnerDetail, string purpose)
    {
        var opportunities = new OpportunityListPage(partnerList);
        await opportunities.GotoAsync();
        var pending = await opportunities.TabCountAsync(OpportunityListPage.PendingAcceptance);

        var share = new ShareOpportunityPage(vendor);
        await share.GotoAsync();
        await share.FillAsync(ShareForm.ValidFor(ShareForm.UniqueCustomer(purpose)));
        var id = await share.SubmitAndOpenDetailAsync();
        await Expect(opportunities.TabWithCount(OpportunityListPage.PendingAcceptance, pending + 1)).ToBeVisibleAsync();

        var vendorDetail = new OpportunityDetailPage(vendor);
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
}
