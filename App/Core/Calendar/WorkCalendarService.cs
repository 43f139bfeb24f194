using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Core.Calendar;

/// <summary>
/// The one place that answers working-day questions. The exception table is small and read often, so it is cached
/// briefly; edits on this instance invalidate at once, another instance catches up within <see cref="CacheLifetime"/>.
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
            var exceptions = await db.CalendarDays.AsNoTracking().ToDictionaryAsync(d => d.Date, d => d.Kind, ct);
            var calendar = new WorkingDayCalendar(exceptions);
            _cached = (calendar, time.GetUtcNow());
            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<CalendarDay>> ListAsync(int year, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
    }

    public async Task SetDayAsync(Actor actor, DateOnly date, CalendarDayKind kind, string? name, CancellationToken ct = default)
    {
        actor.Demand(Permissions.CalendarEdit);
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 100)
        {
            throw new ValidationException(new Dictionary<string, string> { ["Name"] = "Calendar.NameRequired" });
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var existing = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, ct);
        var before = existing is null ? null : new { existing.Kind, existing.Name };
        if (existing is null)
        {
            existing = new CalendarDay { Date = date };
            db.CalendarDays.Add(existing);
        }

        existing.Kind = kind;
        existing.Name = trimmed;
        db.Audit(actor, null, nameof(CalendarDay), date.ToString("yyyy-MM-dd"), "calendar.set", before, new { kind, Name = trimmed }, null, time);
        await db.SaveChangesAsync(ct);
        _cached = null;
    }

    public async Task RemoveDayAsync(Actor actor, DateOnly date, CancellationToken ct = default)
    {
        actor.Demand(Permissions.CalendarEdit);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var existing = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, ct)
            ?? throw new NotFoundException(nameof(CalendarDay), date);
        db.CalendarDays.Remove(existing);
        db.Audit(actor, null, nameof(CalendarDay), date.ToString("yyyy-MM-dd"), "calendar.remove", new { existing.Kind, existing.Name }, null, null, time);
        await db.SaveChangesAsync(ct);
        _cached = null;
    }
}
