namespace BlazorPartner.Core.Time;

/// <summary>
/// Times are stored in UTC and shown in Beijing time (GMT+08:00, no daylight saving) with the zone visible.
/// A fixed offset is used on purpose so display never depends on the host's tz database.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);
    public const string ZoneLabel = "GMT+08:00";

    public static DateTime ToBeijing(DateTime utc) => DateTime.SpecifyKind(AsUtc(utc) + Offset, DateTimeKind.Unspecified);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToBeijing(utc));

    /// <summary>The UTC instant at which the given Beijing calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly beijingDate) =>
        DateTime.SpecifyKind(beijingDate.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    public static string Format(DateTime utc) => $"{ToBeijing(utc):yyyy-MM-dd HH:mm} ({ZoneLabel})";

    public static string Format(DateTime? utc) => utc is null ? "" : Format(utc.Value);

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
