using System.Globalization;

namespace BlazorPartner.Core.Currency;

/// <summary>
/// CNY amounts are stored as integer fen (minor units): SQLite cannot order or sum decimal columns, and money is
/// never floating point.
/// </summary>
public static class Money
{
    public static long ToMinor(decimal yuan)
    {
        if (decimal.Round(yuan, 2) != yuan)
        {
            throw new ArgumentException("CNY amounts have at most two decimals.", nameof(yuan));
        }

        return (long)(yuan * 100m);
    }

    public static decimal FromMinor(long fen) => fen / 100m;

    public static string Format(long fen) => "¥" + FromMinor(fen).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
