using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests;

/// <summary>R3 / tenant isolation: one partner never sees another partner's opportunities, not even by URL.</summary>
[Collection(E2ECollection.Name)]
public sealed class TenantIsolationTests(PartnerAAdminSession partnerA, PartnerBAdminSession partnerB)
    : IClassFixture<PartnerAAdminSession>, IClassFixture<PartnerBAdminSession>
{
    [Fact]
    public async Task R3_Partner_B_opening_Partner_A_opportunity_url_gets_not_found_and_none_of_its_data()
    {
        // Partner A: take an opportunity from its grid (the Number column links to opportunities/{id}) and check it opens.
        Guid id = default;
        string number = "", customer = "";
        await partnerA.RunAsync(async page =>
        {
            var list = new OpportunityListPage(page);
            await list.GotoAsync();
            var row = list.DataRows.First;
            number = (await row.GetByRole(AriaRole.Link).InnerTextAsync()).Trim();
            customer = await list.CellTextAsync(row, "Customer");
            Assert.NotEmpty(number);
            Assert.NotEmpty(customer);
            id = await list.IdOfAsync(row);

            var detail = new OpportunityDetailPage(page);
            await detail.GotoAsync(id);
            await Expect(detail.Heading).ToHaveTextAsync($"{number} · {customer}");
            await Expect(detail.NotFound).ToHaveCountAsync(0);
        }, "R3_tenant_isolation-partner-a");

        // Partner B: the same URL shows the not-found message and nothing of Partner A's opportunity.
        await partnerB.RunAsync(async page =>
        {
            var detail = new OpportunityDetailPage(page);
            await detail.GotoAsync(id);
            await Expect(page.GetByTestId("org-name")).ToHaveTextAsync(partnerB.OrganizationName);
            await Expect(detail.NotFound).ToBeVisibleAsync();
            await Expect(detail.NotFound.GetByText(OpportunityDetailPage.NotFoundText, new() { Exact = true })).ToBeVisibleAsync();
            await Expect(detail.Heading).ToHaveTextAsync("Opportunity");
            await Expect(page.GetByText(number)).ToHaveCountAsync(0);
            await Expect(page.GetByText(customer)).ToHaveCountAsync(0);
            await Expect(page.GetByText(partnerA.OrganizationName, new() { Exact = true })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Accept|Reject)$") }))
                .ToHaveCountAsync(0);

            // Nor is it in Partner B's own list, which does have Partner B's opportunities.
            var list = new OpportunityListPage(page);
            await list.GotoAsync();
            Assert.True(await list.TabCountAsync(OpportunityListPage.All) > 0, "Partner B should see its own seeded opportunities.");
            await list.SearchAsync(number);
            await Expect(list.TabWithCount(OpportunityListPage.All, 0)).ToBeVisibleAsync();
            await list.ExpectItemCountAsync(0);
            await Expect(list.EmptyMessage).ToBeVisibleAsync();
        }, "R3_tenant_isolation-partner-b");
    }
}
