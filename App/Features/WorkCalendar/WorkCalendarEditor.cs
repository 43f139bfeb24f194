using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.WorkCalendar;

/// <summary>Input of <see cref="WorkCalendarEditor.SetDayAsync"/>; the form binds to it, so field errors match by name.</summary>
public sealed record SetCalendarDayInput
{
    public DateOnly? Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string? Name { get; set; }
}

/// <summary>The vendor operator maintains holidays and make-up working days (调休) that R10 deadlines count with.</summary>
public sealed class WorkCalendarEditor(IDbContextFactory<AppDbContext> dbFactory, WorkCalendarService calendar, TimeProvider time)
{
    public const int MaxNameLength = 100;

    /// <summary>Calendars are edited a few years around today; anything else is a typo (e.g. 9999-12-31).</summary>
    public static readonly int EarliestYear = 2020;

    public static readonly int LatestYear = 2100;

    public async Task<IReadOnlyList<CalendarDay>> ListAsync(Actor actor, int year, CancellationToken ct = default)
    {
        actor.Demand(CalendarPermissions.Edit);
        if (year < EarliestYear || year > LatestYear)
        {
            throw new ValidationException("Year", "Validation.YearOutOfRange", EarliestYear, LatestYear);
        }

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.Set<CalendarDay>().AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync(ct);
    }

    public async Task SetDayAsync(Actor actor, SetCalendarDayInput input, CancellationToken ct = default)
    {
        actor.Demand(CalendarPermissions.Edit);
        var errors = new InputErrors();
        var date = errors.Date(nameof(input.Date), input.Date, new DateOnly(EarliestYear, 1, 1), new DateOnly(LatestYear, 12, 31));
        var name = errors.Text(nameof(input.Name), input.Name, MaxNameLength);
        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(nameof(input.Kind), "Validation.Required");
        }

        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var days = db.Set<CalendarDay>();
        var existing = await days.SingleOrDefaultAsync(d => d.Date == date, ct);
        var before = existing is null ? null : new { existing.Kind, existing.Name };
        if (existing is null)
        {
            existing = new CalendarDay { Date = date };
            days.Add(existing);
        }

        existing.Kind = input.Kind;
        existing.Name = name;
        db.Audit(actor, new AuditChange(nameof(CalendarDay), date.ToString("yyyy-MM-dd"), CalendarAuditActions.Set)
        {
            Before = before,
            After = new { input.Kind, Name = name },
        }, time);
        await db.SaveChangesAsync(ct);
        calendar.Invalidate();
    }

    public async Task RemoveDayAsync(Actor actor, DateOnly date, CancellationToken ct = default)
    {
        actor.Demand(CalendarPermissions.Edit);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var days = db.Set<CalendarDay>();
        var existing = await days.SingleOrDefaultAsync(d => d.Date == date, ct)
            ?? throw new NotFoundException(nameof(CalendarDay), date);
        days.Remove(existing);
        db.Audit(actor, new AuditChange(nameof(CalendarDay), date.ToString("yyyy-MM-dd"), CalendarAuditActions.Remove)
        {
            Before = new { existing.Kind, existing.Name },
        }, time);
        await db.SaveChangesAsync(ct);
        calendar.Invalidate();
    }
}
