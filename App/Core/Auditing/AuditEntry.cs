using BlazorPartner.Core.Tenancy;

namespace BlazorPartner.Core.Auditing;

/// <summary>
/// One state change: who, for which organization, what entity, which action, before → after (JSON), why, when (UTC).
/// Written in the same SaveChanges as the change itself, so there is never a change without its audit row.
/// Tenant-filtered like every partner row: the quota and operation logs are shown to partners.
/// </summary>
public class AuditEntry : ITenantOwnedOrPlatform
{
    public long Id { get; set; }

    /// <summary>The partner organization whose data changed; null for platform-wide data (e.g. the work calendar).</summary>
    public Guid? OrganizationId { get; set; }

    public string? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public Guid? ActorOrganizationId { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";

    /// <summary>A code such as <c>opportunity.accept</c>; shown through the resource <c>AuditAction.{Action}</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>JSON of the changed fields. Enum values are stored as resource keys (<c>OpportunityStatus.InProgress</c>).</summary>
    public string? Before { get; set; }

    public string? After { get; set; }

    /// <summary>What a user typed as the reason, verbatim.</summary>
    public string? Reason { get; set; }

    /// <summary>A system reason as a resource key (e.g. the R10 automatic rejection), shown in the reader's language.</summary>
    public string? ReasonKey { get; set; }

    public DateTime AtUtc { get; set; }
}
