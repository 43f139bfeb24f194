using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using BlazorPartner.E2E.Pages.Customers;
using BlazorPartner.Features.Customers;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.ReviewInbox;

/// <summary>
/// Issue 8 §5: the vendor operator's "To do" count in the menu rises the moment a partner registers a customer, without a
/// reload; the item is approved from the To do page in a batch that reports its outcome, and the count drops back.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class TodoTests(PartnerAAdminSession partner, VendorOperatorSession vendor)
    : IClassFixture<PartnerAAdminSession>, IClassFixture<VendorOperatorSession>
{
    [Fact]
    public Task The_menu_count_updates_live_when_an_item_arrives_and_a_batch_approval_reports_its_outcome() => vendor.RunAsync(async page =>
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

        // Same page, no navigation: the circuit was told and re-counted.
        await todo.ExpectMenuCountAsync(before + 1);
        await todo.GotoAsync();
        await Expect(todo.Row(company)).ToContainTextAsync("Customer registration");
        await todo.ApproveAsync(company);
        await Expect(todo.Outcomes).ToContainTextAsync("1 of 1 done.");
        await Expect(todo.Row(company)).ToHaveCountAsync(0);
        await todo.ExpectMenuCountAsync(before);
    });
}
