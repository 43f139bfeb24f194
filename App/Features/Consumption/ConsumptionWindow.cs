using BlazorPartner.Core.Time;

namespace BlazorPartner.Features.Consumption;

/// <summary>
/// R33: consumption goes back at most 18 months: the current Beijing calendar month and the 17 before it. Older rows
/// are never shown (every query starts at <see cref="EarliestMonth"/>) and the retention job removes them.
/// </summary>
public static class ConsumptionWindow
{
    public const int Months = 18;

    public static DateOnly CurrentMonth(DateTime utcNow) => MonthOf(BeijingTime.DateOf(utcNow));

    /// <summary>The first day of the oldest month still shown.</summary>
    public static DateOnly EarliestMonth(DateTime utcNow) => CurrentMonth(utcNow).AddMonths(1 - Months);

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Clamps a requested month range to the window; the end is inclusive and never after the current month.</summary>
    public static (DateOnly From, DateOnly To) Clamp(DateOnly from, DateOnly to, DateTime utcNow)
    {
        var earliest = EarliestMonth(utcNow);
        var current = CurrentMonth(utcNow);
        var clampedFrom = MonthOf(from) < earliest ? earliest : MonthOf(from);
        var clampedTo = MonthOf(to) > current ? current : MonthOf(to);
        return clampedFrom <= clampedTo ? (clampedFrom, clampedTo) : (clampedTo, clampedTo);
    }
}
