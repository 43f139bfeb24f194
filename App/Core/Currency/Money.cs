using System.Globalization;
using BlazorPartner.Core.Errors;

namespace BlazorPartner.Core.Currency;

/// <summary>
/// A CNY amount. Integer fen inside (columns stay <c>long …Fen</c>: SQLite cannot order or sum decimals, and money is
/// never floating point); yuan only at the edges, where parsing refuses what cannot be an amount with a coded error.
/// </summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    /// <summary>The largest amount any command accepts (¥10 billion), far below overflow.</summary>
    public static readonly Money Max = new(1_000_000_000_000L);

    public decimal Yuan => Fen / 100m;

    public static Money FromFen(long fen) => new(fen);

    /// <summary>False when the amount has more than two decimals or is beyond <see cref="Max"/>.</summary>
    public static bool TryFromYuan(decimal yuan, out Money money)
    {
        money = Zero;
        if (decimal.Round(yuan, 2) != yuan || Math.Abs(yuan) > Max.Yuan)
        {
            return false;
        }

        money = new Money((long)(yuan * 100m));
        return true;
    }

    /// <summary>
    /// Parses a yuan amount typed into <paramref name="field"/>; refuses it with a <see cref="ValidationException"/>
    /// (CBC.0100) when missing, with more than two decimals, too large, or not positive where <paramref name="rule"/> says so.
    /// </summary>
    public static Money FromYuan(decimal? yuan, string field, MoneyRule rule = MoneyRule.Positive)
    {
        if (TryParse(yuan, rule, out var money, out var errorKey))
        {
            return money;
        }

        throw new ValidationException(field, errorKey!);
    }

    /// <summary>The same checks without throwing, for commands that collect all field errors first.</summary>
    public static bool TryParse(decimal? yuan, MoneyRule rule, out Money money, out string? errorKey)
    {
        money = Zero;
        errorKey = yuan switch
        {
            null => "Money.Required",
            { } v when decimal.Round(v, 2) != v => "Money.TooManyDecimals",
            { } v when Math.Abs(v) > Max.Yuan => "Money.TooLarge",
            { } v when rule == MoneyRule.Positive && v <= 0 => "Money.MustBePositive",
            { } v when rule == MoneyRule.NotNegative && v < 0 => "Money.MustNotBeNegative",
            _ => null,
        };
        if (errorKey is null)
        {
            money = new Money((long)(yuan!.Value * 100m));
        }

        return errorKey is null;
    }

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));

    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));

    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;

    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;

    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;

    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>¥1,234.50: the symbol and grouping are the same in both UI languages.</summary>
    public override string ToString() => Format(Fen);

    public static string Format(long fen) => (fen < 0 ? "-¥" : "¥") + Math.Abs(fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
}

public enum MoneyRule
{
    /// <summary>Greater than zero (allocations, vouchers, estimates).</summary>
    Positive,

    /// <summary>Zero or more.</summary>
    NotNegative,
}
