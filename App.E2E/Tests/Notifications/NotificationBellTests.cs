using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.E2E.Pages.Customers;
using BlazorPartner.Features.Customers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Notifications;

/// <summary>
/// The vendor operator's bell counts a customer registration the moment a partner submits it, without a reload; the
/// notification opens the review inbox and is then read.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class NotificationBellTests(PartnerAAdminSession partner, VendorOperatorSession vendor)
    : IClassFixture<PartnerAAdminSession>, IClassFixture<VendorOperatorSession>
{
    [Fact]
    public Task R15_the_reviewers_bell_updates_live_when_a_registration_arrives_and_opens_the_inbox() => vendor.RunAsync(async page =>
    {
        var company = TestData.UniqueCustomer("Bell");
        var creditCode = CustomerFactory.CreditCodeFor(600_000_000 + Random.Shared.Next(1, 99_999_999));
        await page.GotoInteractiveAsync("");
        var bell = new NotificationBell(page);
        var before = await bell.UnreadAsync();

        await partner.RunAsync(async partnerPage =>
        {
            var list = RegistrationListPage.ForPartner(partnerPage);
            await list.GotoAsync();
            await list.RegisterAsync(company, creditCode, $"e2e-{Guid.NewGuid():N}"[..16] + "@customer.example");
            await Expect(list.Notification($"{company} was registered and waits for review.")).ToBeVisibleAsync();
        });

        // Same page, no navigation: the circuit was told.
        await bell.ExpectUnreadAsync(before + 1);
        await bell.Link.ClickAsync();
        var notifications = new NotificationsPage(page);
        await notifications.ExpectLoadedAsync();
        var row = notifications.Row(company);
        await Expect(row).ToContainTextAsync("Partner A registered the customer");
        await Expect(row).ToContainTextAsync("New");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/vendor/customer-registrations"));
        await bell.ExpectUnreadAsync(before);
    });
}
