using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Errors;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Core.Calendar;

public class WorkCalendarServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Vendor_operator_edits_the_calendar_and_every_rule_sees_it_at_once(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var saturday = new DateOnly(2026, 11, 28);
        Assert.False((await world.Calendar.GetCalendarAsync()).IsWorkingDay(saturday));

        await world.Calendar.SetDayAsync(world.Vendor, saturday, CalendarDayKind.MakeUpWorkday, "Make-up day");

        Assert.True((await world.Calendar.GetCalendarAsync()).IsWorkingDay(saturday));
        var listed = Assert.Single(await world.Calendar.ListAsync(2026));
        Assert.Equal("Make-up day", listed.Name);

        await world.Calendar.RemoveDayAsync(world.Vendor, saturday);
        Assert.False((await world.Calendar.GetCalendarAsync()).IsWorkingDay(saturday));

        await using var db = await world.Factory.CreateSystemAsync();
        Assert.Equal(["calendar.set", "calendar.remove"], await db.AuditEntries.Where(a => a.EntityType == "CalendarDay").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partners_cannot_edit_the_calendar_and_a_name_is_required(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);

        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Calendar.SetDayAsync(world.AdminA, new DateOnly(2026, 12, 1), CalendarDayKind.Holiday, "Nope"));
        var error = await Assert.ThrowsAsync<ValidationException>(() => world.Calendar.SetDayAsync(world.Vendor, new DateOnly(2026, 12, 1), CalendarDayKind.Holiday, " "));

        Assert.Equal("Calendar.NameRequired", error.FieldErrors["Name"]);
        Assert.Empty(await world.Calendar.ListAsync(2026));
    }
}
