using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Time;

namespace BlazorPartner.Features.Opportunities;

/// <summary>Someone else already accepted or rejected it (or the system auto-rejected it): say who and when.</summary>
public sealed class OpportunityAlreadyProcessedException(string number, OpportunityStatus status, string? byName, DateTime? atUtc)
    : BusinessException(
        ErrorCodes.AlreadyProcessed,
        $"Opportunity {number} was already {status} by {byName ?? "System"} at {BeijingTime.Format(atUtc)}.",
        "Opportunity.AlreadyProcessed",
        number, status, byName ?? "System", BeijingTime.Format(atUtc))
{
    public OpportunityStatus Status { get; } = status;
    public string? ByName { get; } = byName;
}

public sealed class IllegalTransitionException(ProgressStage? from, ProgressStage to)
    : BusinessException(ErrorCodes.IllegalOperation, $"Cannot move an opportunity from {from?.ToString() ?? "none"} to {to}.", "Opportunity.IllegalTransition", (object?)from ?? "-", to);

public sealed class OpportunityStateException(string number, OpportunityStatus status, string resourceKey)
    : BusinessException(ErrorCodes.IllegalOperation, $"Opportunity {number} is {status}; {resourceKey}.", resourceKey, number, status);
