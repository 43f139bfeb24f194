using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Pages;

/// <summary>
/// /opportunities/{id}: the "{number} · {customer}" heading with Accept / Reject, the summary (a dl: term → definition),
/// the Assign and Update progress cards, the Progress timeline and the Audit history grid.
/// </summary>
public sealed partial class OpportunityDetailPage(IPage page)
{
    public const string NotFoundText = "This opportunity does not exist or is not shared with your organization.";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator NotFound => page.GetByTestId("not-found");

    public ILocator AcceptButton => page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true });

    public ILocator RejectButton => page.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true });

    /// <summary>The status badge next to the summary (and the list's tab names use the same texts).</summary>
    public ILocator StatusBadge(string status) => page.GetByText(status, new() { Exact = true });

    /// <summary>R10 countdown of a pending opportunity, e.g. "Auto-rejects in 3 working days".</summary>
    public ILocator Countdown => page.GetByText(CountdownPattern());

    /// <summary>The summary value (dd) after the given term (dt), e.g. "Account manager" → "Unassigned".</summary>
    public ILocator SummaryValue(string term) =>
        page.GetByRole(AriaRole.Term).Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(term)}$") })
            .Locator("xpath=following-sibling::dd[1]");

    // Assign card (R3).
    public ILocator AssignHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Assign", Level = 2, Exact = true });

    public ILocator Assignee => page.GetByRole(AriaRole.Combobox, new() { Name = "Account manager", Exact = true });

    public ILocator AssignButton => page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true });

    // Update progress card (R11).
    public ILocator UpdateProgressHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Update progress", Level = 2, Exact = true });

    public ILocator Stage => page.GetByRole(AriaRole.Combobox, new() { Name = "Stage", Exact = true });

    public ILocator ProgressNote => page.GetByRole(AriaRole.Textbox, new() { Name = "Note", Exact = true });

    public ILocator RecordProgressButton => page.GetByRole(AriaRole.Button, new() { Name = "Record progress", Exact = true });

    /// <summary>Field errors (role=alert); on this page only the Update progress form has any.</summary>
    public ILocator FieldErrors => page.GetByRole(AriaRole.Alert);

    // Progress timeline: one list item per recorded stage, "{stage} · {by}" then the note.
    public ILocator TimelineHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Progress", Level = 2, Exact = true });

    public ILocator TimelineEmpty => page.GetByText("No progress yet.", new() { Exact = true });

    public ILocator TimelineEntry(string stage) =>
        page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByText(stage, new() { Exact = true }) });

    // Audit history.
    public ILocator HistoryGrid => page.GetByRole(AriaRole.Grid);

    /// <summary>Audit rows whose Action cell has exactly this text, e.g. "Accepted".</summary>
    public ILocator HistoryRows(string action) =>
        HistoryGrid.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Gridcell, new() { Name = action, Exact = true }) });

    /// <summary>Radzen notifications (toasts) by their text.</summary>
    public ILocator Notification(string text) => page.GetByText(text, new() { Exact = true });

    public Task GotoAsync(Guid id) => page.GotoInteractiveAsync($"opportunities/{id}");

    /// <summary>The header's Accept button asks first ("Accept opportunity" confirm dialog).</summary>
    public async Task<ConfirmDialog> ClickAcceptAsync()
    {
        await AcceptButton.ClickAsync();
        var dialog = new ConfirmDialog(page, "Accept opportunity");
        await dialog.Root.ExpectDialogReadyAsync();
        return dialog;
    }

    /// <summary>Opens a single-select drop-down and clicks the item; the popup is the only visible listbox while it is open.</summary>
    public async Task ChooseAsync(ILocator dropDown, string item)
    {
        await dropDown.ClickAsync();
        await page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option, new() { Name = item, Exact = true }).ClickAsync();
        await Expect(dropDown).ToContainTextAsync(item);
    }

    /// <summary>Picks the stage (if any), types the note and presses "Record progress".</summary>
    public async Task RecordProgressAsync(string? stage, string note)
    {
        if (stage is not null)
        {
            await ChooseAsync(Stage, stage);
        }

        await ProgressNote.FillAsync(note);
        await RecordProgressButton.ClickAsync();
    }

    [GeneratedRegex(@"^Auto-rejects (in \d+ working days?|at the end of today)$")]
    private static partial Regex CountdownPattern();
}
