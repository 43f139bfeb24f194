using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Core.Calendar;

/// <summary>
/// The one place that answers working-day questions. The exception table is small and read often, so it is cached
/// briefly; edits on this instance invalidate at once (<see cref="Invalidate"/>), another instance catches up within
/// <see cref="CacheLifetime"/>. Editing the calendar is the WorkCalendar slice's job.
/// </summary>
public sealed class WorkCalendarService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (WorkingDayCalendar Calendar, DateTimeOffset LoadedAt)? _cached;

    public async Task<WorkingDayCalendar> GetCalendarAsync(CancellationToken ct = default)
    {
        var cached = _cached;
        if (cached is { } hit && time.GetUtcNow() - hit.LoadedAt < CacheLifetime)
        {
            return hit.Calendar;
        }

        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var exceptions = await db.Set<CalendarDay>().AsNoTracking().ToDictionaryAsync(d => d.Date, d => d.Kind, ct);
            var calendar = new WorkingDayCalendar(exceptions);
            _cached = (calendar, time.GetUtcNow());
            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the cached calendar after an edit, so this instance answers with the new days at once.</summary>
    public void Invalidate() => _cached = null;
}
