using BlazorPartner.Components.Shared;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using Microsoft.Extensions.Localization;
using Radzen;

namespace BlazorPartner.Features.Opportunities.Components;

/// <summary>
/// The dialogs and notifications around accept/reject, shared by the list and the detail page. Holds no rules:
/// it asks, calls <see cref="OpportunityWorkflow"/>, and reports what the service said.
/// </summary>
public sealed class OpportunityActionsUi(DialogService dialogs, NotificationService notifications, OpportunityWorkflow workflow, IStringLocalizer<SharedResource> L)
{
    public async Task<bool> AcceptAsync(Actor actor, Guid id, string number, string customer)
    {
        var confirmed = await dialogs.Confirm(
            L["Opportunity.AcceptConfirm", number, customer].Value,
            L["Opportunity.AcceptTitle"].Value,
            new ConfirmOptions { OkButtonText = L["Opportunity.Accept"].Value, CancelButtonText = L["Common.Cancel"].Value });
        if (confirmed != true)
        {
            return false;
        }

        try
        {
            await workflow.AcceptAsync(actor, id);
            notifications.Notify(NotificationSeverity.Success, L["Opportunity.Accepted", number].Value);
            return true;
        }
        catch (BusinessException error)
        {
            notifications.Notify(NotificationSeverity.Error, ErrorText.Describe(L, error), duration: 10000);
            return true; // reload: the row's state changed under us
        }
    }

    public async Task<bool> RejectAsync(Guid id, string number)
    {
        var result = await dialogs.OpenAsync<RejectOpportunityDialog>(
            L["Opportunity.RejectTitle", number].Value,
            new Dictionary<string, object?> { [nameof(RejectOpportunityDialog.OpportunityId)] = id, [nameof(RejectOpportunityDialog.Number)] = number },
            new DialogOptions { Width = "520px" });
        return result is true;
    }

    public async Task<bool> AcceptManyAsync(Actor actor, IReadOnlyCollection<Guid> ids)
    {
        var confirmed = await dialogs.Confirm(
            L["Opportunity.BulkAcceptConfirm", ids.Count].Value,
            L["Opportunity.AcceptTitle"].Value,
            new ConfirmOptions { OkButtonText = L["Opportunity.Accept"].Value, CancelButtonText = L["Common.Cancel"].Value });
        if (confirmed != true)
        {
            return false;
        }

        var result = await workflow.AcceptManyAsync(actor, ids);
        if (result.AcceptedNumbers.Count > 0)
        {
            notifications.Notify(NotificationSeverity.Success, L["Opportunity.BulkAccepted", result.AcceptedNumbers.Count].Value);
        }

        foreach (var failure in result.Failures)
        {
            notifications.Notify(NotificationSeverity.Warning, ErrorText.Describe(L, failure.Error), duration: 10000);
        }

        return true;
    }
}
