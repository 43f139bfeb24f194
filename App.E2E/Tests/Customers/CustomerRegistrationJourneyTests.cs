using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.E2E.Pages.Customers;
using BlazorPartner.Features.Customers;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Customers;

/// <summary>
/// R15–R17 end to end: Partner A's admin registers a prospect, the vendor operator approves it in the inbox, the admin sends
/// an invitation, the mail appears in the vendor's outbox, the customer (an anonymous browser) associates through the link,
/// and the used link then says so.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class CustomerRegistrationJourneyTests(E2EHost host, PartnerAAdminSession partner, VendorOperatorSession vendor)
    : IClassFixture<PartnerAAdminSession>, IClassFixture<VendorOperatorSession>
{
    [Fact]
    public async Task R15_R16_register_approve_invite_and_associate_then_the_used_link_fails()
    {
        var company = TestData.UniqueCustomer("Registered");
        var creditCode = CustomerFactory.CreditCodeFor(700_000_000 + Random.Shared.Next(1, 99_999_999));
        var email = $"e2e-{Guid.NewGuid():N}"[..16] + "@customer.example";

        // The partner registers.
        await partner.RunAsync(async page =>
        {
            var list = RegistrationListPage.ForPartner(page);
            await list.GotoAsync();
            await list.RegisterAsync(company, creditCode, email);
            await Expect(list.Notification($"{company} was registered and waits for review.")).ToBeVisibleAsync();
            await Expect(list.Row(company).Locator("[data-status='Pending']")).ToBeVisibleAsync();
        });

        // The vendor approves it in the inbox (pending tab).
        await vendor.RunAsync(async page =>
        {
            var inbox = RegistrationListPage.ForVendor(page);
            await inbox.GotoAsync();
            await inbox.RowButton(company, "Approve").ClickAsync();
            var confirm = new ConfirmDialog(page, "Approve");
            await Expect(confirm.Message).ToContainTextAsync(company);
            await confirm.ConfirmAsync("Approve");
            await Expect(inbox.Notification($"Approved the registration of {company}.")).ToBeVisibleAsync();
            await Expect(inbox.Row(company)).ToHaveCountAsync(0);
        });

        // The partner sees the reservation and sends an invitation after previewing it.
        await partner.RunAsync(async page =>
        {
            var list = RegistrationListPage.ForPartner(page);
            await list.GotoAsync();
            await Expect(list.Row(company).Locator("[data-status='Approved']")).ToBeVisibleAsync();
            await Expect(list.Row(company)).ToContainTextAsync("14 days left");
            await Expect(list.Row(company)).ToContainTextAsync("GMT+08:00");
            await list.RowButton(company, "Invite").ClickAsync();
            var dialog = new SendInvitationDialog(page, company);
            await dialog.Root.ExpectDialogReadyAsync();
            await dialog.ChooseModeAsync("Consultative");
            await Expect(dialog.Preview).ToContainTextAsync("in Consultative mode");
            await Expect(dialog.Preview).ToContainTextAsync("Partner A invites you to associate your cloud account");
            await dialog.SendAsync();
            await Expect(dialog.Root).ToBeHiddenAsync();
            await Expect(list.Notification($"The invitation to {email} is in the outbox.")).ToBeVisibleAsync();
        });

        // The mail is in the vendor's outbox.
        var link = "";
        await vendor.RunAsync(async page =>
        {
            var outbox = new OutboxListPage(page);
            await outbox.GotoAsync();
            link = await outbox.OpenInvitationLinkAsync(email);
        });
        Assert.StartsWith(host.BaseAddress.ToString().TrimEnd('/') + "/invitations/", link);

        // The customer, signed in nowhere, opens the link and associates; the used link then fails with that reason.
        await host.RunSignedOutAsync(async page =>
        {
            var invitation = new InvitationPublicPage(page);
            await page.GotoAsync(link);
            await Expect(invitation.Heading).ToHaveTextAsync("Partner A invites you to associate");
            await Expect(invitation.Mode).ToContainTextAsync("Consultative");
            await invitation.ContactPhone.FillAsync("13911112222");
            await invitation.AssociateAsync();
            await Expect(invitation.Done).ToHaveTextAsync($"{company} is now associated with Partner A in Consultative mode.");

            var again = await page.GotoAsync(link);
            await Expect(invitation.Failure).ToHaveTextAsync("This invitation link was already used.");
            Assert.Equal(410, again?.Status);
            await Expect(invitation.Failure).ToHaveAttributeAsync("data-reason", "Used");
        });

        // The partner's list shows it associated.
        await partner.RunAsync(async page =>
        {
            var list = RegistrationListPage.ForPartner(page);
            await list.GotoAsync();
            await Expect(list.Row(company).Locator("[data-status='Associated']")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public Task R16_an_unknown_link_fails_as_missing() => host.RunSignedOutAsync(async page =>
    {
        var invitation = new InvitationPublicPage(page);
        var response = await page.GotoAsync("invitations/" + new string('x', 43));
        await Expect(invitation.Failure).ToHaveTextAsync("This invitation link does not exist. Check that you opened the whole link from the e-mail.");
        Assert.Equal(200, response?.Status);
    });
}
