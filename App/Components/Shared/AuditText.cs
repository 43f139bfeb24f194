using System.Globalization;
using System.Text.Json;
using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Time;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Components.Shared;

/// <summary>
/// Turns an audit row's before/after JSON into readable, localized lines ("Status: Pending acceptance → In progress").
/// Values stored as resource keys (enums) are translated, amounts in fen are formatted as money, UTC times are shown
/// in Beijing time, and ids are left out: the rows carry names for people and organizations.
/// </summary>
public static class AuditText
{
    public static IReadOnlyList<string> Changes(IStringLocalizer localizer, string? beforeJson, string? afterJson)
    {
        var before = Read(beforeJson);
        var after = Read(afterJson);
        var fields = before.Keys.Concat(after.Keys).Distinct().Where(f => !f.EndsWith("Id", StringComparison.Ordinal));
        var lines = new List<string>();
        foreach (var field in fields)
        {
            var label = Localized(localizer, $"AuditField.{field}") ?? field;
            var hasBefore = before.TryGetValue(field, out var old);
            var hasAfter = after.TryGetValue(field, out var now);
            var oldText = hasBefore ? Value(localizer, field, old) : null;
            var newText = hasAfter ? Value(localizer, field, now) : null;
            lines.Add(hasBefore && hasAfter ? $"{label}: {oldText} → {newText}" : $"{label}: {newText ?? oldText}");
        }

        return lines;
    }

    private static Dictionary<string, JsonElement> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new();
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                : new();
        }
        catch (JsonException)
        {
            return new();
        }
    }

    private static string Value(IStringLocalizer localizer, string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.Number when field.EndsWith("Fen", StringComparison.Ordinal) && value.TryGetInt64(out var fen) => Money.Format(fen),
        JsonValueKind.Number => value.ToString(),
        JsonValueKind.True or JsonValueKind.False => Localized(localizer, value.GetBoolean() ? "Common.Yes" : "Common.No") ?? value.ToString(),
        JsonValueKind.String when field.EndsWith("Utc", StringComparison.Ordinal)
            && DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
            => BeijingTime.Format(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        JsonValueKind.String => Localized(localizer, value.GetString()!) ?? value.GetString()!,

        // Lists (a role's permissions, a member's roles) are read item by item; a semicolon because descriptions hold commas.
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "—" : string.Join("; ", value.EnumerateArray().Select(item => Value(localizer, field, item))),
        _ => value.ToString(),
    };

    private static string? Localized(IStringLocalizer localizer, string key)
    {
        if (key.Length == 0 || key.Length > 100 || !key.Contains('.'))
        {
            return null;
        }

        var text = localizer[key];
        return text.ResourceNotFound ? null : text.Value;
    }
}
