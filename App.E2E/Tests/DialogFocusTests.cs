using BlazorPartner.E2E.Audit;
using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests;

/// <summary>
/// Keyboard and screen-reader users land in a dialog when it opens and are put back on the control that opened it when it
/// closes (Radzen's DialogService), for each dialog the console has. Nothing is confirmed, so the data stays as seeded.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class DialogFocusTests(AuditSessions sessions) : IClassFixture<AuditSessions>
{
    private const string Culture = AuditedPages.English;

    private static readonly AuditedPage PendingList = new("pending list", AuditAccount.PartnerAdmin, (page, culture) =>
        AuditedPages.OpenPartnerTabAsync(page, culture, UiText.Get("OpportunityStatus.PendingAcceptance", culture)));

    [Fact]
    public Task Accept_confirm_takes_focus_and_gives_it_back_to_the_rows_Accept_button_on_Cancel() => sessions.RunAsync(PendingList, Culture, async page =>
    {
        var accept = RowButton(page, "Opportunity.Accept");
        var dialog = await OpenAsync(page, accept, page.GetByRole(AriaRole.Alertdialog));

        await dialog.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Common.Cancel", Culture), Exact = true }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(accept).ToBeFocusedAsync();
    });

    [Fact]
    public Task Reject_dialog_takes_focus_and_gives_it_back_to_the_rows_Reject_button_on_Escape() => sessions.RunAsync(PendingList, Culture, async page =>
    {
        var reject = RowButton(page, "Opportunity.Reject");
        var dialog = await OpenAsync(page, reject, page.GetByRole(AriaRole.Dialog));

        await page.Keyboard.PressAsync("Escape");

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(reject).ToBeFocusedAsync();
    });

    [Fact]
    public Task Bulk_accept_confirm_takes_focus_and_gives_it_back_to_the_bulk_button_on_Cancel() => sessions.RunAsync(PendingList, Culture, async page =>
    {
        await AuditedPages.TickFirstRowAsync(page);
        var bulk = page.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Opportunity.BulkAccept", Culture, 1), Exact = true });
        var dialog = await OpenAsync(page, bulk, page.GetByRole(AriaRole.Alertdialog));

        await dialog.GetByRole(AriaRole.Button, new() { Name = UiText.Get("Common.Cancel", Culture), Exact = true }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(bulk).ToBeFocusedAsync();
    });

    /// <summary>Opens the dialog from the keyboard (focus on the invoker, Enter) and waits until focus is inside it.</summary>
    private static async Task<ILocator> OpenAsync(IPage page, ILocator invoker, ILocator dialog)
    {
        await invoker.FocusAsync();
        await invoker.PressAsync("Enter");
        await dialog.ExpectDialogReadyAsync();
        await Expect(dialog.Locator(":focus")).ToHaveCountAsync(1);
        return dialog;
    }

    private static ILocator RowButton(IPage page, string key) =>
        page.GetByRole(AriaRole.Grid).GetByRole(AriaRole.Button, new() { Name = UiText.Get(key, Culture), Exact = true }).First;
}
