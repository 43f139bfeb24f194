using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Features.WorkCalendar;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.WorkCalendar;

public class WorkCalendarEditorTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R10_vendor_operator_edits_the_calendar_and_every_rule_sees_it_at_once(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var reader = world.Get<WorkCalendarService>();
        var saturday = new DateOnly(2026, 11, 28);
        Assert.False((await reader.GetCalendarAsync()).IsWorkingDay(saturday));

        await world.Calendar.SetDayAsync(world.Vendor, saturday, CalendarDayKind.MakeUpWorkday, "Make-up day");

        Assert.True((await reader.GetCalendarAsync()).IsWorkingDay(saturday));
        var listed = Assert.Single(await world.Calendar.ListAsync(world.Vendor, 2026));
        Assert.Equal("Make-up day", listed.Name);

        await world.Calendar.RemoveDayAsync(world.Vendor, saturday);
        Assert.False((await reader.GetCalendarAsync()).IsWorkingDay(saturday));

        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal([CalendarAuditActions.Set, CalendarAuditActions.Remove], await db.AuditEntries.Where(a => a.EntityType == "CalendarDay").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partners_cannot_edit_the_calendar_and_bad_input_changes_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var before = await world.CountRowsAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Calendar.SetDayAsync(world.AdminA, new DateOnly(2026, 12, 1), CalendarDayKind.Holiday, "Nope"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Calendar.ListAsync(world.AdminA, 2026));
        var blank = await Assert.ThrowsAsync<ValidationException>(() => world.Calendar.SetDayAsync(world.Vendor, new DateOnly(2026, 12, 1), CalendarDayKind.Holiday, " "));
        var farFuture = await Assert.ThrowsAsync<ValidationException>(() => world.Calendar.SetDayAsync(world.Vendor, new DateOnly(9999, 12, 31), CalendarDayKind.Holiday, "Far"));
        var spoofed = await Assert.ThrowsAsync<ValidationException>(() => world.Calendar.SetDayAsync(world.Vendor, new DateOnly(2026, 12, 1), CalendarDayKind.Holiday, "Day\u202Eyadiloh"));
        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => world.Calendar.SetDayAsync(world.Vendor, new DateOnly(2026, 12, 1), CalendarDayKind.Holiday, new string('x', 101)));
        await Assert.ThrowsAsync<ValidationException>(() => world.Calendar.ListAsync(world.Vendor, 9999));

        Assert.Equal("Validation.Required", blank.FieldErrors[nameof(SetCalendarDayInput.Name)]);
        Assert.Equal("Validation.DateOutOfRange", farFuture.FieldErrors[nameof(SetCalendarDayInput.Date)]);
        Assert.Equal("Validation.InvalidCharacters", spoofed.FieldErrors[nameof(SetCalendarDayInput.Name)]);
        Assert.Equal("Validation.TooLong", tooLong.FieldErrors[nameof(SetCalendarDayInput.Name)]);
        Assert.Equal([100], tooLong.Messages[nameof(SetCalendarDayInput.Name)].Arguments);
        Assert.Empty(await world.Calendar.ListAsync(world.Vendor, 2026));
        Assert.Equal(before, await world.CountRowsAsync());
    }
}
