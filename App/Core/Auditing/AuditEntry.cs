namespace BlazorPartner.Core.Auditing;

/// <summary>
/// One state change: who, for which organization, what entity, which action, before → after (JSON), why, when (UTC).
/// Written in the same SaveChanges as the change itself, so there is never a change without its audit row.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>The partner organization whose data changed; null for platform-wide data (e.g. the work calendar).</summary>
    public Guid? OrganizationId { get; set; }

    public string? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public Guid? ActorOrganizationId { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }
    public DateTime AtUtc { get; set; }
}
