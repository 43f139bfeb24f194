namespace BlazorPartner.Core.Calendar;

public enum CalendarDayKind
{
    /// <summary>A public holiday: not a working day even if it falls Monday to Friday.</summary>
    Holiday = 0,

    /// <summary>A make-up working day (调休): a working day even if it falls on a weekend.</summary>
    MakeUpWorkday = 1,
}

/// <summary>An exception to the weekend rule, keyed by its Beijing calendar date.</summary>
public class CalendarDay
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; } = "";
}
