using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.Platform.Seeding;
using Microsoft.Playwright;

namespace BlazorPartner.E2E.Tests.Cluster;

/// <summary>
/// Issue 9 §2 across instances: the vendor on instance a shares and watches; the partner on instance b sees the share in
/// its open list and accepts; the vendor's open detail on a follows. Nothing reloads: PostgreSQL LISTEN/NOTIFY carries
/// the change from one instance's circuits to the other's.
/// </summary>
[Collection(ClusterCollection.Name)]
[TestCaseOrderer(ByNameOrderer.TypeName, ByNameOrderer.AssemblyName)]
public sealed class LiveAcrossInstancesTests(ClusterHost cluster)
{
    [ClusterFact]
    public async Task A_share_on_one_instance_shows_in_the_partners_list_on_the_other_and_its_accept_comes_back()
    {
        await cluster.EnsureAllRunningAsync();
        var vendorContext = await cluster.NewContextAsync(cluster.InstanceAddresses["a"]);
        var partnerContext = await cluster.NewContextAsync(cluster.InstanceAddresses["b"]);
        var vendorPage = await vendorContext.NewPageAsync();
        var partnerList = await partnerContext.NewPageAsync();
        try
        {
            await SignInAsync(vendorPage, DemoAccounts.VendorOperator, DemoAccounts.VendorName);
            await SignInAsync(partnerList, DemoAccounts.PartnerAAdmin, DemoAccounts.PartnerAName);

            await LiveShareJourney.RunAsync(vendorPage, partnerList, await partnerContext.NewPageAsync(), "Across");
        }
        catch (Exception error)
        {
            throw new Xunit.Sdk.XunitException($"{error.Message}\n{cluster.Logs()}");
        }
        finally
        {
            await vendorContext.CloseAsync();
            await partnerContext.CloseAsync();
        }
    }

    private static async Task SignInAsync(IPage page, string email, string organization)
    {
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(email, DemoAccounts.Password, organization);
    }
}
