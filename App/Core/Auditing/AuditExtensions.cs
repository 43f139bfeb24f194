using System.Text.Json;
using System.Text.Json.Serialization;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;

namespace BlazorPartner.Core.Auditing;

public static class AuditExtensions
{
    public const string SystemActorName = "System";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Stages an audit row on the same context, so it commits (or not) together with the change.</summary>
    public static AuditEntry Audit(
        this AppDbContext db,
        Actor? actor,
        Guid? organizationId,
        string entityType,
        string entityId,
        string action,
        object? before,
        object? after,
        string? reason,
        TimeProvider time)
    {
        var entry = new AuditEntry
        {
            OrganizationId = organizationId,
            ActorUserId = actor?.UserId,
            ActorName = actor?.DisplayName ?? SystemActorName,
            ActorOrganizationId = actor?.OrganizationId,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            Reason = reason,
            AtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
