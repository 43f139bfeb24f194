using BlazorPartner.Core.Calendar;

namespace BlazorPartner.Platform.Seeding;

/// <summary>
/// Mainland China public holidays and make-up working days (调休) for 2026 and New Year 2027, as announced by the
/// State Council. Seeded once; the vendor operator maintains the table on the Work calendar page afterwards.
/// </summary>
public static class HolidaySeed
{
    public static IEnumerable<CalendarDay> Days()
    {
        foreach (var (from, to, name) in Holidays)
        {
            for (var d = DateOnly.Parse(from); d <= DateOnly.Parse(to); d = d.AddDays(1))
            {
                yield return new CalendarDay { Date = d, Kind = CalendarDayKind.Holiday, Name = name };
            }
        }

        foreach (var (date, name) in MakeUpDays)
        {
            yield return new CalendarDay { Date = DateOnly.Parse(date), Kind = CalendarDayKind.MakeUpWorkday, Name = name };
        }
    }

    private static readonly (string From, string To, string Name)[] Holidays =
    [
        ("2026-01-01", "2026-01-03", "New Year's Day 元旦"),
        ("2026-02-15", "2026-02-23", "Spring Festival 春节"),
        ("2026-04-04", "2026-04-06", "Qingming Festival 清明节"),
        ("2026-05-01", "2026-05-05", "Labour Day 劳动节"),
        ("2026-06-19", "2026-06-21", "Dragon Boat Festival 端午节"),
        ("2026-09-25", "2026-09-27", "Mid-Autumn Festival 中秋节"),
        ("2026-10-01", "2026-10-07", "National Day 国庆节"),
        ("2027-01-01", "2027-01-03", "New Year's Day 元旦"),
    ];

    private static readonly (string Date, string Name)[] MakeUpDays =
    [
        ("2026-01-04", "New Year make-up day 元旦调休"),
        ("2026-02-14", "Spring Festival make-up day 春节调休"),
        ("2026-02-28", "Spring Festival make-up day 春节调休"),
        ("2026-05-09", "Labour Day make-up day 劳动节调休"),
        ("2026-09-20", "National Day make-up day 国庆节调休"),
        ("2026-10-10", "National Day make-up day 国庆节调休"),
    ];
}
