using System.Globalization;
using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.Platform.Seeding;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests;

/// <summary>
/// R9 / R10: the vendor shares an opportunity with Partner A (Vendor console › Share an opportunity), and Partner A's
/// administrator finds it pending acceptance, with the working-day countdown, on Sales › Opportunities › Shared by vendor.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class ShareOpportunityTests(VendorOperatorSession vendor, PartnerAAdminSession partnerA)
    : IClassFixture<VendorOperatorSession>, IClassFixture<PartnerAAdminSession>
{
    private static readonly string[] EmptyFormErrors =
    [
        "Choose the partner to share with.",
        "Required.", // customer
        "Choose the industry.",
        "Choose the region.",
        "Required.", // city
        "Choose at least one cloud service.",
        "Enter an amount.",
        "Required.", // expected close date
        "Required.", // contact name
        "Required.", // contact phone
    ];

    [Fact]
    public async Task R9_Vendor_share_form_reports_every_missing_field_then_a_valid_share_reaches_partner_A_pending_acceptance()
    {
        var form = ShareForm.ValidFor(ShareForm.UniqueCustomer("Share"));
        var customer = form.Customer;
        Guid id = default;
        var number = "";

        await vendor.RunAsync(async page =>
        {
            var shared = OpportunityListPage.ForVendor(page);
            await shared.GotoAsync();
            var sharedBefore = await shared.TabCountAsync(OpportunityListPage.All);

            // The empty form: every required field says what is missing, the page stays, nothing is stored.
            var share = new ShareOpportunityPage(page);
            await share.GotoAsync();
            await Expect(share.FieldErrors).ToHaveCountAsync(0);
            await share.SubmitAsync();
            await Expect(share.FieldErrors).ToHaveTextAsync(EmptyFormErrors);
            await Expect(page).ToHaveURLAsync(new Regex($"/{ShareOpportunityPage.Path}$"));
            await shared.GotoAsync();
            await Expect(shared.TabWithCount(OpportunityListPage.All, sharedBefore)).ToBeVisibleAsync();

            // A valid form: lands on the new opportunity's detail page, pending acceptance.
            await share.GotoAsync();
            await share.FillAsync(form);
            id = await share.SubmitAndOpenDetailAsync();
            var detail = new OpportunityDetailPage(page);
            await Expect(detail.Notification("Opportunity shared.")).ToBeVisibleAsync();
            await Expect(detail.Heading).ToHaveTextAsync(new Regex($@"^OPP-\d{{6}}-[0-9A-F]{{8}} · {Regex.Escape(customer)}$"));
            number = (await detail.Heading.InnerTextAsync()).Split(" · ")[0];
            await Expect(detail.StatusBadge(OpportunityListPage.PendingAcceptance)).ToBeVisibleAsync();
            await ExpectFreshCountdownAsync(detail.Countdown);
            await Expect(detail.SummaryValue("Partner")).ToHaveTextAsync(DemoAccounts.PartnerAName);
            await Expect(detail.SummaryValue("Customer")).ToHaveTextAsync(customer);
            await Expect(detail.SummaryValue("Industry")).ToHaveTextAsync(form.Industry);
            await Expect(detail.SummaryValue("Region / city")).ToHaveTextAsync($"{form.Region} · {form.City}");
            await Expect(detail.SummaryValue("Cloud services of interest")).ToHaveTextAsync(string.Join(", ", form.CloudServices));
            await Expect(detail.SummaryValue("Estimated amount")).ToHaveTextAsync("¥250,000.00");
            await Expect(detail.SummaryValue("Expected close"))
                .ToHaveTextAsync(form.ExpectedClose.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await Expect(detail.SummaryValue("Account manager")).ToHaveTextAsync("Unassigned");
            // The vendor watches but does not respond.
            await Expect(detail.AcceptButton).ToHaveCountAsync(0);
            await Expect(detail.HistoryRows("Shared")).ToHaveCountAsync(1);

            // Exactly one more opportunity in the vendor's list.
            await shared.GotoAsync();
            await Expect(shared.TabWithCount(OpportunityListPage.All, sharedBefore + 1)).ToBeVisibleAsync();
        }, "R9_share-vendor");

        // Partner A's administrator: on the pending tab, found by the customer name, counting down.
        await partnerA.RunAsync(async page =>
        {
            var list = new OpportunityListPage(page);
            await list.OpenFromMenuAsync();
            await Expect(list.Tab(OpportunityListPage.PendingAcceptance)).ToHaveAttributeAsync("aria-checked", "true");
            await list.SearchAsync(customer);
            await Expect(list.TabWithCount(OpportunityListPage.PendingAcceptance, 1)).ToBeVisibleAsync();
            await list.ExpectItemCountAsync(1);
            await Expect(list.DataRows).ToHaveCountAsync(1);
            await Expect(list.NumberLink(customer)).ToHaveTextAsync(number);
            Assert.Equal(id, await list.IdOfAsync(list.Row(customer)));
            await Expect(list.StatusBadge(customer, OpportunityListPage.PendingAcceptance)).ToBeVisibleAsync();
            await ExpectFreshCountdownAsync(list.Row(customer).GetByText(CountdownPattern()));
            Assert.Equal("Unassigned", await list.CellTextAsync(list.Row(customer), "Account manager"));
        }, "R9_share-partner-a");
    }

    /// <summary>
    /// R10: shared moments ago, so the 3 working days after the share day are all left; 2 if Beijing midnight passed since.
    /// </summary>
    private static async Task ExpectFreshCountdownAsync(Microsoft.Playwright.ILocator countdown)
    {
        await Expect(countdown).ToHaveTextAsync(CountdownPattern());
        var days = int.Parse(CountdownPattern().Match((await countdown.InnerTextAsync()).Trim()).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(days, 2, 3);
    }

    [GeneratedRegex(@"^Auto-rejects in (\d+) working days$")]
    private static partial Regex CountdownPattern();
}
