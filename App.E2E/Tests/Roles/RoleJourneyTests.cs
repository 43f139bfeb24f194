using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages.Members;
using BlazorPartner.E2E.Pages.Roles;
using BlazorPartner.Features.Roles;
using BlazorPartner.Platform.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Roles;

/// <summary>The demo sales analyst (a member holding Partner A's custom role "Sales analyst"), signed in once.</summary>
public sealed class SalesAnalystSession(E2EHost host) : SignedInSession(host, RoleDemoData.AnalystEmail, DemoAccounts.PartnerAName);

/// <summary>
/// R1 end to end: Partner A's admin creates a custom role, gives it to a signed-in member, and the member's menu changes on
/// their next page in the same browser tab, without signing in again; taking it back removes the entry the same way.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class RoleJourneyTests(PartnerAAdminSession admin, SalesAnalystSession analyst)
    : IClassFixture<PartnerAAdminSession>, IClassFixture<SalesAnalystSession>
{
    private const string ViewBills = "View the partner's monthly bills";

    [Fact]
    public Task R1_a_custom_role_given_to_a_member_changes_their_menu_on_the_next_page_without_signing_in_again() => analyst.RunAsync(async page =>
    {
        var title = "Bill checker " + Guid.NewGuid().ToString("N")[..4];
        await page.GotoInteractiveAsync("");
        var menu = page.Locator(".rz-sidebar");
        await Expect(menu.GetByText("Metrics info", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(menu.GetByText("Bills", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(menu.GetByText("Roles and permissions", new() { Exact = true })).ToHaveCountAsync(0);

        await admin.RunAsync(async adminPage =>
        {
            var roles = new RolesPage(adminPage);
            await roles.GotoAsync();
            await roles.CreateAsync(title, ViewBills);
            await Expect(roles.Notification($"Role {title} created.")).ToBeVisibleAsync();
            await Expect(roles.Row(title)).ToContainTextAsync("Custom");
            var members = new MembersPage(adminPage);
            await members.GotoAsync();
            await members.ChangeRolesAsync(RoleDemoData.AnalystName, RoleDemoData.AnalystRole, title);
            await Expect(members.Row(RoleDemoData.AnalystName)).ToContainTextAsync(title);
        });

        // The analyst's next page, in the circuit they already have: the menu gains Bills and the page opens.
        await menu.GetByText("Metrics info", new() { Exact = true }).ClickAsync();
        await Expect(menu.GetByText("Bills", new() { Exact = true })).ToBeVisibleAsync();
        await menu.GetByText("Bills", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bills", Level = 1 })).ToBeVisibleAsync();

        await admin.RunAsync(async adminPage =>
        {
            var members = new MembersPage(adminPage);
            await members.GotoAsync();
            await members.ChangeRolesAsync(RoleDemoData.AnalystName, RoleDemoData.AnalystRole);
            var roles = new RolesPage(adminPage);
            await roles.GotoAsync();
            await roles.DeleteAsync(title);
            await Expect(roles.Notification($"Role {title} deleted.")).ToBeVisibleAsync();
            await Expect(roles.Row(title)).ToHaveCountAsync(0);
        });

        await menu.GetByText("Home", new() { Exact = true }).ClickAsync();
        await Expect(menu.GetByText("Bills", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(menu.GetByText("Metrics info", new() { Exact = true })).ToBeVisibleAsync();
    });
}
