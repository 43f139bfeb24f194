using Microsoft.Extensions.Localization;
using Radzen;

namespace BlazorPartner.Features.Opportunities.Components;

/// <summary>
/// The questions asked around accept/reject, shared by the list and the detail page. Holds no rules and runs no
/// command: pages run the command through AppComponentBase once the user confirmed.
/// </summary>
public sealed class OpportunityDialogs(DialogService dialogs, IStringLocalizer<SharedResource> L)
{
    public async Task<bool> ConfirmAcceptAsync(string number, string customer) =>
        await dialogs.Confirm(
            L["Opportunity.AcceptConfirm", number, customer].Value,
            L["Opportunity.AcceptTitle"].Value,
            new ConfirmOptions { OkButtonText = L["Opportunity.Accept"].Value, CancelButtonText = L["Common.Cancel"].Value }) == true;

    public async Task<bool> ConfirmBulkAcceptAsync(int count) =>
        await dialogs.Confirm(
            L["Opportunity.BulkAcceptConfirm", count].Value,
            L["Opportunity.AcceptTitle"].Value,
            new ConfirmOptions { OkButtonText = L["Opportunity.Accept"].Value, CancelButtonText = L["Common.Cancel"].Value }) == true;

    /// <summary>Opens the reject dialog, which runs the rejection itself; true when something changed (rejected or refused).</summary>
    public async Task<bool> RejectAsync(OpportunityTarget target, string number)
    {
        var result = await dialogs.OpenAsync<RejectOpportunityDialog>(
            L["Opportunity.RejectTitle", number].Value,
            new Dictionary<string, object?> { [nameof(RejectOpportunityDialog.Target)] = target, [nameof(RejectOpportunityDialog.Number)] = number },
            new DialogOptions { Width = "520px" });
        return result is true;
    }
}
