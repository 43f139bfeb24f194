using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.E2E.Pages.Customers;
using BlazorPartner.E2E.Pages.Members;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Members;

/// <summary>
/// R1, R2 end to end: Partner A's admin invites a colleague as Finance, the mail reaches the outbox, the colleague joins
/// through the link with a password of their own and signs in to a Finance menu; the admin unbinds them and their next
/// request is sent to the sign-in page.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class MemberJourneyTests(E2EHost host, PartnerAAdminSession admin, VendorOperatorSession vendor)
    : IClassFixture<PartnerAAdminSession>, IClassFixture<VendorOperatorSession>
{
    private const string Password = "Joined#Finance2026";

    [Fact]
    public async Task R2_invite_join_sign_in_with_the_chosen_role_then_unbinding_ends_access()
    {
        var email = $"e2e-{Guid.NewGuid():N}"[..16] + "@partner-a.example";
        var name = "Zhao Finance " + Guid.NewGuid().ToString("N")[..4];

        await admin.RunAsync(async page =>
        {
            var members = new MembersPage(page);
            await members.GotoAsync();
            await members.InviteAsync(email, "Finance");
            await Expect(members.Notification($"Invitation sent to {email}.")).ToBeVisibleAsync();
            await Expect(members.Row(email).GetByTestId("invitation-state")).ToHaveTextAsync("Invited");
        });

        var link = "";
        await vendor.RunAsync(async page =>
        {
            var outbox = new OutboxListPage(page);
            await outbox.GotoAsync();
            link = await outbox.OpenJoinLinkAsync(email);
        });
        Assert.StartsWith(host.BaseAddress.ToString().TrimEnd('/') + "/join/", link);

        await host.RunSignedOutAsync(async page =>
        {
            var join = new JoinPublicPage(page);
            await page.GotoAsync(link);
            await Expect(join.Heading).ToHaveTextAsync("Join Partner A");
            await join.JoinAsync(name, Password);
            await Expect(join.Done).ToContainTextAsync("Your account in Partner A is ready.");

            var again = await page.GotoAsync(link);
            await Expect(join.Failure).ToHaveAttributeAsync("data-reason", "Used");
            Assert.Equal(410, again?.Status);

            // The new member signs in: Finance's menu (bills), not the admin's (members).
            var login = new LoginPage(page);
            await login.GotoAsync();
            await login.SignInAsync(email, Password, "Partner A");
            // The sidebar's menu (Radzen's panel menu) is the navigation; the start page's tiles repeat some names.
            var menu = page.Locator(".rz-sidebar");
            await Expect(menu.GetByText("Bills", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(menu.GetByText("Members", new() { Exact = true })).ToHaveCountAsync(0);

            // The admin unbinds the member; the member's next request lands on the sign-in page.
            await admin.RunAsync(async adminPage =>
            {
                var members = new MembersPage(adminPage);
                await members.GotoAsync();
                await members.UnbindAsync(name);
                await Expect(members.Notification($"{name} was unbound.")).ToBeVisibleAsync();
                await Expect(members.Row(name)).ToContainTextAsync("Unbound");
            });
            await page.GotoAsync("finance/bills");
            await Expect(login.SignInButton).ToBeVisibleAsync();
            await login.SubmitAsync(email, Password);
            await Expect(login.Error).ToBeVisibleAsync();
        });
    }

    [Fact]
    public Task R2_an_unknown_join_link_fails_as_missing() => host.RunSignedOutAsync(async page =>
    {
        var join = new JoinPublicPage(page);
        var response = await page.GotoAsync("join/" + new string('x', 43));
        await Expect(join.Failure).ToHaveTextAsync("This link does not exist. Check that you copied the whole link.");
        Assert.Equal(200, response?.Status);
    });
}
