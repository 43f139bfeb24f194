using System.Text.RegularExpressions;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests;

/// <summary>
/// On the detail page Partner A's administrator accepts a freshly shared opportunity (R9), records its progress (R11) and
/// assigns it to an account manager (R3). The subject is shared in the test itself, so no seeded opportunity is consumed.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class OpportunityProgressTests(VendorOperatorSession vendor, PartnerAAdminSession partnerA)
    : IClassFixture<VendorOperatorSession>, IClassFixture<PartnerAAdminSession>
{
    private const string SolutionNote = "Solution workshop held with the customer's IT team.";
    private const string AccountManager = "Wang Fang (AM)"; // am2@partner-a.demo

    [Fact]
    public async Task R11_Accepting_on_the_detail_page_then_recording_progress_and_assigning_an_account_manager()
    {
        var customer = ShareForm.UniqueCustomer("Progress");
        var id = await ShareAsync(customer);

        await partnerA.RunAsync(async page =>
        {
            var detail = new OpportunityDetailPage(page);
            await detail.GotoAsync(id);
            await Expect(detail.Heading).ToHaveTextAsync(new Regex($" · {Regex.Escape(customer)}$"));
            var number = (await detail.Heading.InnerTextAsync()).Split(" · ")[0];
            await Expect(detail.StatusBadge(OpportunityListPage.PendingAcceptance)).ToBeVisibleAsync();
            await Expect(detail.TimelineEmpty).ToBeVisibleAsync();
            // No progress before it is accepted.
            await Expect(detail.UpdateProgressHeading).ToHaveCountAsync(0);

            // Accept: the header button asks first.
            var confirm = await detail.ClickAcceptAsync();
            await Expect(confirm.Message).ToContainTextAsync($"Accept opportunity {number} ({customer})?");
            await confirm.ConfirmAsync("Accept");
            await Expect(confirm.Root).ToBeHiddenAsync();
            await Expect(detail.Notification($"Opportunity {number} accepted.")).ToBeVisibleAsync();
            await Expect(detail.StatusBadge(OpportunityListPage.InProgress)).ToBeVisibleAsync();
            await Expect(detail.AcceptButton).ToHaveCountAsync(0);
            await Expect(detail.RejectButton).ToHaveCountAsync(0);
            await Expect(detail.Countdown).ToHaveCountAsync(0);
            await Expect(detail.TimelineEntry("Contacting")).ToHaveCountAsync(1);
            await Expect(detail.HistoryRows("Accepted")).ToHaveCountAsync(1);

            // R11: move to Solution with a note.
            await Expect(detail.UpdateProgressHeading).ToBeVisibleAsync();
            await Expect(detail.FieldErrors).ToHaveCountAsync(0);
            await detail.RecordProgressAsync("Solution", SolutionNote);
            await Expect(detail.Notification("Progress recorded.")).ToBeVisibleAsync();
            await Expect(detail.TimelineEntry("Solution")).ToHaveCountAsync(1);
            await Expect(detail.TimelineEntry("Solution")).ToContainTextAsync(SolutionNote);
            await Expect(detail.HistoryRows("Progress updated")).ToHaveCountAsync(1);
            await Expect(detail.HistoryRows("Progress updated")).ToContainTextAsync(SolutionNote);
            await Expect(detail.FieldErrors).ToHaveCountAsync(0);

            // No stage chosen (the form was cleared after saving): a field error, and nothing is recorded.
            await Expect(detail.ProgressNote).ToHaveValueAsync("");
            await detail.RecordProgressAsync(stage: null, "A follow-up call without a stage.");
            await Expect(detail.FieldErrors).ToHaveTextAsync(["Choose the stage."]);
            await Expect(detail.HistoryRows("Progress updated")).ToHaveCountAsync(1);

            // Stored: a fresh load (new circuit) shows the same timeline and history.
            await detail.GotoAsync(id);
            await Expect(detail.StatusBadge(OpportunityListPage.InProgress)).ToBeVisibleAsync();
            await Expect(detail.TimelineEntry("Contacting")).ToHaveCountAsync(1);
            await Expect(detail.TimelineEntry("Solution")).ToContainTextAsync(SolutionNote);
            await Expect(detail.HistoryRows("Shared")).ToHaveCountAsync(1);
            await Expect(detail.HistoryRows("Accepted")).ToHaveCountAsync(1);
            await Expect(detail.HistoryRows("Progress updated")).ToHaveCountAsync(1);
            await Expect(detail.FieldErrors).ToHaveCountAsync(0);

            // R3: assign it to an account manager.
            await Expect(detail.SummaryValue("Account manager")).ToHaveTextAsync("Unassigned");
            await Expect(detail.AssignButton).ToBeDisabledAsync();
            await detail.ChooseAsync(detail.Assignee, AccountManager);
            await Expect(detail.AssignButton).ToBeEnabledAsync();
            await detail.AssignButton.ClickAsync();
            await Expect(detail.Notification("Assignment saved.")).ToBeVisibleAsync();
            await Expect(detail.SummaryValue("Account manager")).ToHaveTextAsync(AccountManager);
            await Expect(detail.HistoryRows("Assigned")).ToHaveCountAsync(1);

            await detail.GotoAsync(id);
            await Expect(detail.SummaryValue("Account manager")).ToHaveTextAsync(AccountManager);
            await Expect(detail.Assignee).ToContainTextAsync(AccountManager); // the current assignee is preselected
            await Expect(detail.AssignButton).ToBeDisabledAsync();
        });
    }

    /// <summary>The vendor shares a valid opportunity with Partner A under the given customer name; returns its id.</summary>
    private async Task<Guid> ShareAsync(string customer)
    {
        Guid id = default;
        await vendor.RunAsync(async page =>
        {
            var share = new ShareOpportunityPage(page);
            await share.GotoAsync();
            await share.FillAsync(ShareForm.ValidFor(customer));
            id = await share.SubmitAndOpenDetailAsync();
            await Expect(new OpportunityDetailPage(page).SummaryValue("Customer")).ToHaveTextAsync(customer);
        }, "R11_progress-share");
        return id;
    }
}
