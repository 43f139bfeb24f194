using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Time;

namespace BlazorPartner.Features.Customers.Registrations;

public static class RegistrationErrorCodes
{
    /// <summary>The partner already has 100 registrations pending or approved (R15).</summary>
    public const string CapReached = "CBC.99001501";

    /// <summary>Another partner or the vendor already holds the customer (R15). The holder is never named.</summary>
    public const string AlreadyHeld = "CBC.99001502";

    /// <summary>The invitation link is missing, expired, revoked or used (R16): CBC.0154 token invalid or expired.</summary>
    public const string InvitationInvalid = "CBC.0154";
}

/// <summary>Someone else already reviewed the registration: say who and when.</summary>
public sealed class RegistrationAlreadyReviewedException(string company, RegistrationStatus status, string? byName, DateTime? atUtc)
    : BusinessException(
        ErrorCodes.AlreadyProcessed,
        $"Registration of {company} was already {status} by {byName ?? "System"} at {BeijingTime.Format(atUtc)}.",
        "Registration.AlreadyReviewed",
        company, status, byName ?? "System", BeijingTime.Format(atUtc))
{
    public RegistrationStatus Status { get; } = status;
    public string? ByName { get; } = byName;
}

public sealed class RegistrationStateException(string company, RegistrationStatus status, string resourceKey)
    : BusinessException(ErrorCodes.IllegalOperation, $"Registration of {company} is {status}; {resourceKey}.", resourceKey, company);

public enum InvitationFailure
{
    Missing = 0,
    Expired = 1,
    Used = 2,
    Revoked = 3,
}

/// <summary>An invitation link that cannot be used, with the specific reason (R16).</summary>
public sealed class InvitationInvalidException(InvitationFailure reason)
    : BusinessException(RegistrationErrorCodes.InvitationInvalid, $"The invitation link is {reason}.", $"Invitation.Failure.{reason}")
{
    public InvitationFailure Reason { get; } = reason;
}
