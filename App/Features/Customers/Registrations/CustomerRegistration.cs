using BlazorPartner.Core.Data;
using BlazorPartner.Core.Tenancy;

namespace BlazorPartner.Features.Customers.Registrations;

/// <summary>Where a registration (报备) stands (R15).</summary>
public enum RegistrationStatus
{
    /// <summary>Waiting for the vendor operator's review.</summary>
    Pending = 0,

    /// <summary>Reserved for the partner until <see cref="CustomerRegistration.ReservedUntilUtc"/>.</summary>
    Approved = 1,

    Rejected = 2,

    /// <summary>The reservation ended without association; released by the expiry job.</summary>
    Expired = 3,

    /// <summary>The customer associated through an invitation (R16).</summary>
    Associated = 4,

    /// <summary>The partner gave the prospect up.</summary>
    Withdrawn = 5,
}

/// <summary>
/// A prospect a partner registers so partners (and the vendor's own sales) do not collide (R15). While pending, approved
/// or associated the row "holds" its credit code: <see cref="HeldCreditCode"/> carries the code under a unique index, so
/// two registrations of one company cannot both hold it, whatever runs at the same time and on either provider.
/// </summary>
public class CustomerRegistration : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The registering partner (the tenant).</summary>
    public Guid OrganizationId { get; set; }

    public string CompanyName { get; set; } = "";

    /// <summary>Unified social credit code, normalized (upper case).</summary>
    public string CreditCode { get; set; } = "";

    /// <summary>The credit code while this row holds it (pending, approved, associated); null otherwise. Unique.</summary>
    public string? HeldCreditCode { get; set; }

    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string Region { get; set; } = "";
    public string Industry { get; set; } = "";

    public RegistrationStatus Status { get; set; }

    public string RegisteredByUserId { get; set; } = "";
    public string RegisteredByName { get; set; } = "";
    public DateTime RegisteredAtUtc { get; set; }

    public string? ReviewedByName { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }

    /// <summary>The vendor operator's words when rejecting.</summary>
    public string? RejectionReason { get; set; }

    /// <summary>End of the reservation: 15 days after approval (R15). Invitations expire with it.</summary>
    public DateTime? ReservedUntilUtc { get; set; }

    /// <summary>Which expiry pass claimed this row; lets two app instances share one database safely.</summary>
    public Guid? ExpiryRunId { get; set; }

    public DateTime? LastInvitedAtUtc { get; set; }

    public Guid? CustomerId { get; set; }
    public DateTime? AssociatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public int Version { get; set; }

    /// <summary>Statuses in which the registration holds its credit code and counts against the partner's cap.</summary>
    public static bool Holds(RegistrationStatus status) =>
        status is RegistrationStatus.Pending or RegistrationStatus.Approved or RegistrationStatus.Associated;
}

public enum InvitationStatus
{
    Active = 0,
    Used = 1,

    /// <summary>Replaced by a newer invitation for the same registration.</summary>
    Revoked = 2,
}

/// <summary>
/// An invitation link sent to a registered prospect (R16). Only the SHA-256 hash of the link's token is stored: the
/// database alone cannot rebuild a working link. Single use; expires with the reservation.
/// </summary>
public class CustomerInvitation : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid RegistrationId { get; set; }
    public Customers.AssociationMode Mode { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token in the link.</summary>
    public string TokenHash { get; set; } = "";

    public string RecipientEmail { get; set; } = "";
    public InvitationStatus Status { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? UsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>The outbox message that carried the link.</summary>
    public Guid? OutboxMessageId { get; set; }
}
