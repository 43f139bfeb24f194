namespace BlazorPartner.Core.Calendar;

/// <summary>
/// Weekends plus holiday and make-up-day exceptions. Pure and immutable so every "N working days" rule can be
/// tested without a database.
/// </summary>
public sealed class WorkingDayCalendar(IReadOnlyDictionary<DateOnly, CalendarDayKind> exceptions)
{
    public static readonly WorkingDayCalendar WeekendsOnly = new(new Dictionary<DateOnly, CalendarDayKind>());

    /// <summary>Guards against a calendar that (by misconfiguration) has no working days at all.</summary>
    private const int MaxScanDays = 3660;

    public bool IsWorkingDay(DateOnly date) =>
        exceptions.TryGetValue(date, out var kind)
            ? kind == CalendarDayKind.MakeUpWorkday
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The <paramref name="workingDays"/>-th working day strictly after <paramref name="start"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        var remaining = workingDays;
        for (var scanned = 0; remaining > 0; scanned++)
        {
            if (scanned > MaxScanDays)
            {
                throw new InvalidOperationException("The work calendar has no working days in the next ten years.");
            }

            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>Working days in the half-open range (<paramref name="after"/>, <paramref name="upToAndIncluding"/>].</summary>
    public int CountWorkingDays(DateOnly after, DateOnly upToAndIncluding)
    {
        var count = 0;
        for (var date = after.AddDays(1); date <= upToAndIncluding; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
