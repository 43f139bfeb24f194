using BlazorPartner.Core.Time;
using BlazorPartner.Features.Consumption;

namespace BlazorPartner.Features.Billing;

/// <summary>What the billing slice reads from configuration (section <c>Billing</c>).</summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>Whether the generation job runs in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the job looks for due bills; a few minutes keeps it well before 12:00 on the due day.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The tax rate in percent (at most two decimals), stored on each bill as basis points.</summary>
    public decimal TaxRatePercent { get; set; } = 6m;

    /// <summary>The day of month M+1 (Beijing time) from which the bill for month M is due.</summary>
    public int DueDay { get; set; } = 5;

    /// <summary>The Beijing hour of <see cref="DueDay"/> from which the bill is due; R34 wants it before 12:00.</summary>
    public int DueHour { get; set; }
}

/// <summary>
/// R34 in Beijing time: the bill for month M becomes due at <see cref="BillingOptions.DueDay"/> of M+1 at
/// <see cref="BillingOptions.DueHour"/>:00 (GMT+08:00); the job, ticking every few minutes, generates it then. Only
/// months of the R33 window are billed.
/// </summary>
public static class BillSchedule
{
    /// <summary>The UTC instant from which the bill for <paramref name="period"/> is due.</summary>
    public static DateTime DueAtUtc(DateOnly period, int dueDay, int dueHour)
    {
        var next = ConsumptionWindow.MonthOf(period).AddMonths(1);
        var day = Math.Clamp(dueDay, 1, DateTime.DaysInMonth(next.Year, next.Month));
        return BeijingTime.StartOfDayUtc(new DateOnly(next.Year, next.Month, day)).AddHours(Math.Clamp(dueHour, 0, 23));
    }

    public static DateTime DueAtUtc(DateOnly period, BillingOptions options) => DueAtUtc(period, options.DueDay, options.DueHour);

    /// <summary>Every month of the window whose bill is due at <paramref name="utcNow"/>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> DuePeriods(DateTime utcNow, BillingOptions options)
    {
        var current = ConsumptionWindow.CurrentMonth(utcNow);
        var periods = new List<DateOnly>();
        for (var month = ConsumptionWindow.EarliestMonth(utcNow); month < current; month = month.AddMonths(1))
        {
            if (DueAtUtc(month, options) <= utcNow)
            {
                periods.Add(month);
            }
        }

        return periods;
    }

    /// <summary>The months a user may pick: the window's, newest first (the current one shows when its bill will be due).</summary>
    public static IReadOnlyList<DateOnly> WindowPeriods(DateTime utcNow)
    {
        var current = ConsumptionWindow.CurrentMonth(utcNow);
        return Enumerable.Range(0, ConsumptionWindow.Months).Select(i => current.AddMonths(-i)).ToList();
    }

    /// <summary>Parses <c>YYYY-MM</c> into the month's first day.</summary>
    public static bool TryParsePeriod(string? text, out DateOnly period)
    {
        period = default;
        if (text is null || !DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return false;
        }

        period = day;
        return true;
    }
}
