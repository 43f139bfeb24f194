using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.E2E.Pages.Customers;
using BlazorPartner.Features.Customers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.ReviewInbox;

/// <summary>
/// Issue 8 §5: the vendor operator's "To do" — its count in the menu and its rows — shows a customer the moment a partner
/// registers it, without a reload; the item is approved from the To do page in a batch that reports its outcome, and another
/// open To do (a second tab: its own circuit) loses the row and the count without a reload too.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class TodoTests(PartnerAAdminSession partner, VendorOperatorSession vendor)
    : IClassFixture<PartnerAAdminSession>, IClassFixture<VendorOperatorSession>
{
    [Fact]
    public Task The_list_and_menu_count_update_live_when_an_item_arrives_and_when_it_is_decided_elsewhere() => vendor.RunAsync(async page =>
    {
        var company = TestData.UniqueCustomer("Todo");
        var creditCode = CustomerFactory.CreditCodeFor(700_000_000 + Random.Shared.Next(1, 99_999_999));
        var todo = new TodoPage(page);
        await todo.GotoAsync();
        var before = await todo.MenuCountAsync();

        await partner.RunAsync(async partnerPage =>
        {
            var list = RegistrationListPage.ForPartner(partnerPage);
            await list.GotoAsync();
            await list.RegisterAsync(company, creditCode, $"e2e-{Guid.NewGuid():N}"[..16] + "@customer.example");
            await Expect(list.Notification($"{company} was registered and waits for review.")).ToBeVisibleAsync();
        });

        // Same page, no navigation: the circuit was told, re-counted and re-read its rows.
        await todo.ExpectMenuCountAsync(before + 1);
        await Expect(todo.Row(company)).ToContainTextAsync("Customer registration");
        await Expect(todo.Row(company).GetByRole(AriaRole.Link, new() { Name = $"Open {company}" }))
            .ToHaveAttributeAsync("href", new Regex(@"vendor/customer-registrations\?search=" + creditCode + "$"));

        var other = await vendor.NewPageAsync();
        try
        {
            var otherTodo = new TodoPage(other);
            await otherTodo.GotoAsync();
            await Expect(otherTodo.Row(company)).ToHaveCountAsync(1);

            await todo.ApproveAsync(company);
            await Expect(todo.Outcomes).ToContainTextAsync("1 of 1 done.");
            await Expect(todo.Row(company)).ToHaveCountAsync(0);
            await todo.ExpectMenuCountAsync(before);
            // The other circuit decided nothing; the review queue told it.
            await Expect(otherTodo.Row(company)).ToHaveCountAsync(0);
            await otherTodo.ExpectMenuCountAsync(before);
        }
        finally
        {
            await other.CloseAsync();
        }
    });

    [Theory]
    [InlineData("vendor/reseller-applications", "Reseller applications")]
    [InlineData("vendor/partner-applications", "Partner-network applications")]
    [InlineData("vendor/certifications", "Business certifications")]
    public Task A_mangled_Open_link_still_shows_the_list(string path, string title) => vendor.RunAsync(async page =>
    {
        // The To do's "Open" links carry ?open=<id>; a link cut or edited by hand must not fail the page.
        await page.GotoInteractiveAsync($"{path}?open=not-an-id");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title })).ToBeVisibleAsync();
        await Expect(page.GetByText("Something went wrong")).ToHaveCountAsync(0);
    });
}
