using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;

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
