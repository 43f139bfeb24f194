using BlazorPartner.Core.Time;

namespace BlazorPartner.Features.Vouchers;

/// <summary>
/// Validity is entered as Beijing calendar days and stored as UTC instants: the start of the first day and the start of
/// the day after the last (exclusive), so "valid until 31 Dec" ends at 1 Jan 00:00 Beijing time.
/// </summary>
public static class VoucherDates
{
    public static DateTime StartUtc(DateOnly from) => BeijingTime.StartOfDayUtc(from);

    public static DateTime EndUtc(DateOnly to) => BeijingTime.StartOfDayUtc(to.AddDays(1));

    public static DateOnly FromDate(DateTime startUtc) => BeijingTime.DateOf(startUtc);

    public static DateOnly ToDate(DateTime endUtc) => BeijingTime.DateOf(endUtc).AddDays(-1);
}
