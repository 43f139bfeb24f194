using System.Text.Json;
using System.Text.Json.Serialization;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;

namespace BlazorPartner.Core.Auditing;

/// <summary>What changed, for one audit row. Before/After are small anonymous objects of the fields that changed.</summary>
public sealed record AuditChange(string EntityType, string EntityId, string Action)
{
    /// <summary>The organization whose data changed; null for platform data.</summary>
    public Guid? OrganizationId { get; init; }

    public object? Before { get; init; }
    public object? After { get; init; }

    /// <summary>The user's own words.</summary>
    public string? Reason { get; init; }

    /// <summary>A system reason as a resource key, never prose.</summary>
    public string? ReasonKey { get; init; }
}

public static class AuditExtensions
{
    public const string SystemActorName = "System";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new EnumAsResourceKeyConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Stages an audit row on the same context, so it commits (or not) together with the change. A null actor is the system.</summary>
    public static AuditEntry Audit(this AppDbContext db, Actor? actor, AuditChange change, TimeProvider time)
    {
        var entry = new AuditEntry
        {
            OrganizationId = change.OrganizationId,
            ActorUserId = actor?.UserId,
            ActorName = actor?.DisplayName ?? SystemActorName,
            ActorOrganizationId = actor?.OrganizationId,
            EntityType = change.EntityType,
            EntityId = change.EntityId,
            Action = change.Action,
            Before = Serialize(change.Before),
            After = Serialize(change.After),
            Reason = change.Reason,
            ReasonKey = change.ReasonKey,
            AtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>The JSON an audit row stores for a before/after object (also used by seeders, so the format is one).</summary>
    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);

    /// <summary>Writes an enum as <c>{EnumType}.{Value}</c>, the resource key the history shows in the reader's language.</summary>
    private sealed class EnumAsResourceKeyConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

        private sealed class Converter<T> : JsonConverter<T>
            where T : struct, Enum
        {
            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                Enum.Parse<T>(reader.GetString()!.Split('.')[^1]);

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
                writer.WriteStringValue($"{typeof(T).Name}.{value}");
        }
    }
}
