using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Platform.Seeding;
using BlazorPartner.Core.Time;

namespace BlazorPartner.Tests.Core.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar China2026 = new(HolidaySeed.Days().ToDictionary(d => d.Date, d => d.Kind));

    private static DateTime Beijing(int year, int month, int day, int hour = 10, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, BeijingTime.Offset).UtcDateTime;

    [Theory]
    [InlineData("2026-11-20", 1, "2026-11-23")] // Friday + 1 → Monday
    [InlineData("2026-11-20", 3, "2026-11-25")] // Friday + 3 → Wednesday
    [InlineData("2026-11-21", 1, "2026-11-23")] // Saturday + 1 → Monday
    [InlineData("2026-11-16", 0, "2026-11-16")]
    [InlineData("2026-09-30", 1, "2026-10-08")] // National Day holidays skipped
    [InlineData("2026-10-09", 1, "2026-10-10")] // Saturday 10 Oct is a make-up working day
    public void AddWorkingDays_skips_weekends_and_holidays_and_counts_make_up_days(string start, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), China2026.AddWorkingDays(DateOnly.Parse(start), days));
    }

    [Fact]
    public void CountWorkingDays_is_half_open_and_uses_the_calendar()
    {
        // (Fri 2 Oct, Sat 10 Oct]: Oct 3–7 holiday, Oct 8, 9 working, Oct 10 make-up working day.
        Assert.Equal(3, China2026.CountWorkingDays(new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 10)));
        Assert.Equal(0, China2026.CountWorkingDays(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public void R10_deadline_across_a_weekend_is_the_end_of_the_third_working_day()
    {
        // Shared Friday morning: Mon, Tue, Wed count; auto-rejection once Wednesday ends (Thursday 00:00 Beijing).
        var deadline = OpportunityRules.AcceptanceDeadlineUtc(Beijing(2026, 11, 20), WorkingDayCalendar.WeekendsOnly);
        Assert.Equal(Beijing(2026, 11, 26, 0), deadline);
        Assert.Equal(DateTimeKind.Utc, deadline.Kind);
    }

    [Fact]
    public void R10_deadline_across_a_holiday_and_a_make_up_working_day()
    {
        // Shared 30 Sep: 1–7 Oct are holidays, 8 and 9 Oct work days, Saturday 10 Oct is a make-up working day.
        var deadline = OpportunityRules.AcceptanceDeadlineUtc(Beijing(2026, 9, 30, 16), China2026);
        Assert.Equal(Beijing(2026, 10, 11, 0), deadline);
    }

    [Fact]
    public void R10_make_up_saturday_counts_as_a_working_day()
    {
        // Shared Thursday 26 Feb: Fri 27, Sat 28 (make-up day), Mon 2 Mar.
        var deadline = OpportunityRules.AcceptanceDeadlineUtc(Beijing(2026, 2, 26), China2026);
        Assert.Equal(Beijing(2026, 3, 3, 0), deadline);
    }

    [Fact]
    public void R10_a_holiday_on_a_weekday_does_not_count()
    {
        var calendar = new WorkingDayCalendar(new Dictionary<DateOnly, CalendarDayKind> { [new DateOnly(2026, 11, 24)] = CalendarDayKind.Holiday });
        var deadline = OpportunityRules.AcceptanceDeadlineUtc(Beijing(2026, 11, 20), calendar);
        Assert.Equal(Beijing(2026, 11, 27, 0), deadline);
    }

    [Fact]
    public void R10_sharing_late_in_the_Beijing_evening_uses_the_Beijing_date()
    {
        // 23:30 Beijing on Monday is still Monday in Beijing although it is 15:30 UTC.
        var deadline = OpportunityRules.AcceptanceDeadlineUtc(Beijing(2026, 11, 16, 23, 30), WorkingDayCalendar.WeekendsOnly);
        Assert.Equal(Beijing(2026, 11, 20, 0), deadline);
    }

    [Theory]
    [InlineData(2026, 11, 20, 10, 3)] // shared moment: Mon, Tue, Wed still ahead
    [InlineData(2026, 11, 23, 9, 2)]
    [InlineData(2026, 11, 24, 18, 1)]
    [InlineData(2026, 11, 25, 23, 0)] // last day: rejects at the end of today
    [InlineData(2026, 11, 26, 0, -1)] // past due
    public void R10_working_days_left_counts_down_to_the_deadline(int year, int month, int day, int hour, int expected)
    {
        var deadline = OpportunityRules.AcceptanceDeadlineUtc(Beijing(2026, 11, 20), WorkingDayCalendar.WeekendsOnly);
        Assert.Equal(expected, OpportunityRules.WorkingDaysLeft(deadline, Beijing(year, month, day, hour), WorkingDayCalendar.WeekendsOnly));
    }
}
