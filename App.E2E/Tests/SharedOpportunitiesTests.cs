using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests;

/// <summary>Partner A's administrator responds to opportunities the vendor shared (R9) on Sales › Opportunities › Shared by vendor.</summary>
[Collection(E2ECollection.Name)]
public sealed class SharedOpportunitiesTests(E2EHost host, PartnerAAdminSession session) : IClassFixture<PartnerAAdminSession>
{
    [Fact]
    public Task R9_Accepting_a_pending_opportunity_moves_it_from_pending_acceptance_to_in_progress() => session.RunAsync(async page =>
    {
        var customer = TestData.UniqueCustomer("Accept");
        await host.SharePendingAsync(customer);
        var list = new OpportunityListPage(page);
        await list.OpenFromMenuAsync();
        await Expect(list.Tab(OpportunityListPage.PendingAcceptance)).ToHaveAttributeAsync("aria-checked", "true");

        await list.SearchAsync(customer);
        await Expect(list.DataRows).ToHaveCountAsync(1);
        await Expect(list.StatusBadge(customer, OpportunityListPage.PendingAcceptance)).ToBeVisibleAsync();
        await Expect(list.TabWithCount(OpportunityListPage.PendingAcceptance, 1)).ToBeVisibleAsync();
        await Expect(list.TabWithCount(OpportunityListPage.InProgress, 0)).ToBeVisibleAsync();
        var number = await list.NumberOfAsync(customer);

        var confirm = await list.ClickAcceptAsync(customer);
        await Expect(confirm.Message).ToContainTextAsync($"Accept opportunity {number} ({customer})?");
        await confirm.ConfirmAsync("Accept");

        await Expect(confirm.Root).ToBeHiddenAsync();
        await Expect(list.Notification($"Opportunity {number} accepted.")).ToBeVisibleAsync();
        // It left the pending tab (the search still applies) and the counts moved with it.
        await Expect(list.Row(customer)).ToHaveCountAsync(0);
        await Expect(list.EmptyMessage).ToBeVisibleAsync();
        await Expect(list.TabWithCount(OpportunityListPage.PendingAcceptance, 0)).ToBeVisibleAsync();
        await Expect(list.TabWithCount(OpportunityListPage.InProgress, 1)).ToBeVisibleAsync();

        await list.SelectTabAsync(OpportunityListPage.InProgress);
        await Expect(list.Row(customer)).ToHaveCountAsync(1);
        await Expect(list.StatusBadge(customer, OpportunityListPage.InProgress)).ToBeVisibleAsync();

        // Stored, not just shown: a fresh load of the page (new circuit) agrees.
        await list.GotoAsync();
        await list.SearchAsync(customer);
        await list.ExpectItemCountAsync(0);
        await Expect(list.TabWithCount(OpportunityListPage.InProgress, 1)).ToBeVisibleAsync();
        await Expect(list.TabWithCount(OpportunityListPage.PendingAcceptance, 0)).ToBeVisibleAsync();
        await Expect(list.EmptyMessage).ToBeVisibleAsync();
    });

    /// <summary>The grid's contact cells and row checkboxes are plain markup (no component per cell): they must still work.</summary>
    [Fact]
    public Task R4_Grid_contacts_stay_masked_until_revealed_and_row_checkboxes_drive_bulk_accept() => session.RunAsync(async page =>
    {
        var list = new OpportunityListPage(page);
        await list.GotoAsync();
        var row = list.DataRows.First;
        var masked = row.Locator(".bp-masked").First;
        var hidden = await masked.InnerTextAsync();
        Assert.Contains("*", hidden);

        await row.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).First.ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Hide", Exact = true })).ToHaveCountAsync(1);
        await Expect(masked).Not.ToHaveTextAsync(hidden);
        await row.GetByRole(AriaRole.Button, new() { Name = "Hide", Exact = true }).ClickAsync();
        await Expect(masked).ToHaveTextAsync(hidden);

        var bulk = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Accept selected \(\d+\)$") });
        await Expect(bulk).ToBeDisabledAsync();
        await row.GetByRole(AriaRole.Checkbox).CheckAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept selected (1)", Exact = true })).ToBeEnabledAsync();
        await row.GetByRole(AriaRole.Checkbox).UncheckAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept selected (0)", Exact = true })).ToBeDisabledAsync();

        // The filter bar's native selects filter the grid and Reset clears them.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Industry", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Finance" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        // Retried until the reload has replaced every row: a one-shot read could still see the unfiltered page.
        await Expect(list.DataRows.First).ToContainTextAsync("Finance");
        await Expect(list.DataRows.Filter(new() { HasNotText = "Finance" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Reset", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Industry", Exact = true })).ToHaveValueAsync("");
        await session.SaveScreenshotAsync(page, "grid-plain-markup");
    });

    [Fact]
    public Task R9_Rejecting_needs_a_reason_and_a_rejected_opportunity_moves_to_the_rejected_tab() => session.RunAsync(async page =>
    {
        var customer = TestData.UniqueCustomer("Reject");
        await host.SharePendingAsync(customer);
        var list = new OpportunityListPage(page);
        await list.GotoAsync();
        await list.SearchAsync(customer);
        await Expect(list.DataRows).ToHaveCountAsync(1);
        await Expect(list.TabWithCount(OpportunityListPage.PendingAcceptance, 1)).ToBeVisibleAsync();
        await Expect(list.TabWithCount(OpportunityListPage.Rejected, 0)).ToBeVisibleAsync();
        var number = await list.NumberOfAsync(customer);

        // No reason: the field error shows, the dialog stays open, nothing changes.
        var dialog = await list.ClickRejectAsync(customer);
        await Expect(dialog.FieldErrors).ToHaveCountAsync(0);
        await dialog.SubmitAsync();
        await Expect(dialog.FieldErrors).ToHaveTextAsync(["Choose a reason for rejecting."]);
        await dialog.Root.ExpectDialogReadyAsync();
        await dialog.CancelAsync();
        await Expect(dialog.Root).ToBeHiddenAsync();
        await list.GotoAsync(); // a fresh circuit reads it back from the database
        await list.SearchAsync(customer);
        await list.ExpectItemCountAsync(1);
        await Expect(list.StatusBadge(customer, OpportunityListPage.PendingAcceptance)).ToBeVisibleAsync();
        await Expect(list.TabWithCount(OpportunityListPage.PendingAcceptance, 1)).ToBeVisibleAsync();
        await Expect(list.TabWithCount(OpportunityListPage.Rejected, 0)).ToBeVisibleAsync();

        // With a reason it is rejected.
        dialog = await list.ClickRejectAsync(customer);
        await dialog.ChooseReasonAsync("No capacity");
        await Expect(dialog.Reason).ToContainTextAsync("No capacity");
        await dialog.SubmitAsync();
        await Expect(dialog.Root).ToBeHiddenAsync();
        await Expect(list.Notification($"Opportunity {number} rejected.")).ToBeVisibleAsync();
        await Expect(list.Row(customer)).ToHaveCountAsync(0);
        await Expect(list.TabWithCount(OpportunityListPage.PendingAcceptance, 0)).ToBeVisibleAsync();
        await Expect(list.TabWithCount(OpportunityListPage.Rejected, 1)).ToBeVisibleAsync();

        await list.SelectTabAsync(OpportunityListPage.Rejected);
        await Expect(list.Row(customer)).ToHaveCountAsync(1);
        await Expect(list.NumberLink(customer)).ToHaveTextAsync(number);
        await Expect(list.StatusBadge(customer, OpportunityListPage.Rejected)).ToBeVisibleAsync();
        await Expect(list.Row(customer).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Accept|Reject)$") }))
            .ToHaveCountAsync(0);
    });
}
