using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Consumption;

namespace BlazorPartner.Features.Billing;

/// <summary>
/// A partner's monthly bill (R34): the header with its amounts, frozen when generated. One per partner and period
/// (unique index): the generation job claims a bill by inserting this row, so two app instances never make it twice.
/// Amount due = consumption + refunds + adjustments; tax is shown separately (<see cref="BillMath"/>).
/// </summary>
public class Bill : ITenantOwned
{
    /// <summary>A database-assigned number: the lines' insert-select binds it as a plain integer on both providers.</summary>
    public long Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The first day of the Beijing calendar month billed.</summary>
    public DateOnly Period { get; set; }

    /// <summary>The sum of the month's detail (list price minus discount).</summary>
    public long ConsumptionFen { get; set; }

    /// <summary>Refunds recorded for the period by the vendor; zero or negative.</summary>
    public long RefundsFen { get; set; }

    /// <summary>Other adjustments recorded for the period by the vendor; either sign.</summary>
    public long AdjustmentsFen { get; set; }

    /// <summary>Consumption + refunds + adjustments.</summary>
    public long AmountDueFen { get; set; }

    /// <summary>The tax rate in basis points (600 = 6 %), taken from configuration when the bill was generated.</summary>
    public int TaxRateBasisPoints { get; set; }

    public long TaxFen { get; set; }

    public long TotalWithTaxFen { get; set; }

    public int LineCount { get; set; }

    public DateTime GeneratedAtUtc { get; set; }

    /// <summary>The generation pass that made the bill (logs and audit tell which instance and when).</summary>
    public string GeneratedByRunId { get; set; } = "";

    /// <summary>The period as shown and picked: <c>YYYY-MM</c>.</summary>
    public static string PeriodText(DateOnly period) => period.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One frozen line of a bill: a customer × product × service type × region × charge mode × resource for the month,
/// summed from the detail when the bill was generated, so later imports never change an issued bill.
/// </summary>
public class BillLine : ITenantOwned
{
    public long Id { get; set; }
    public long BillId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid CustomerId { get; set; }
    public string ProductCode { get; set; } = "";
    public string ServiceType { get; set; } = "";
    public string Region { get; set; } = "";
    public ChargeMode ChargeMode { get; set; }
    public string ResourceId { get; set; } = "";
    public long ListPriceFen { get; set; }
    public long DiscountFen { get; set; }
    public long AmountDueFen { get; set; }

    /// <summary>How many detail rows (days) the line sums.</summary>
    public int RecordCount { get; set; }
}

public enum BillAdjustmentKind
{
    /// <summary>Money returned to the partner: stored negative.</summary>
    Refund = 0,

    /// <summary>A correction either way.</summary>
    Adjustment = 1,
}

/// <summary>
/// A refund or adjustment the vendor records for a partner and a period; it goes into that period's bill when the bill is
/// generated. Refused once the period's bill exists (then it must target a later period).
/// </summary>
public class BillAdjustment : ITenantOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>The first day of the Beijing month whose bill it goes into.</summary>
    public DateOnly Period { get; set; }

    public BillAdjustmentKind Kind { get; set; }

    /// <summary>Signed: a refund is negative; an adjustment either sign, never zero.</summary>
    public long AmountFen { get; set; }

    public string Reason { get; set; } = "";

    public string RecordedByUserId { get; set; } = "";
    public string RecordedByName { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>The bill's arithmetic in integer fen.</summary>
public static class BillMath
{
    /// <summary>
    /// Tax on <paramref name="amountDueFen"/> at <paramref name="basisPoints"/> (1/100 of a percent), rounded half away
    /// from zero to the fen: 6 % of ¥0.25 (25 fen) is 1.5 fen → 2 fen; of −25 fen → −2 fen. Integer only: no float.
    /// </summary>
    public static long Tax(long amountDueFen, int basisPoints)
    {
        var product = checked(amountDueFen * basisPoints);
        var quotient = Math.DivRem(Math.Abs(product), 10_000L, out var remainder);
        if (remainder * 2 >= 10_000)
        {
            quotient++;
        }

        return product < 0 ? -quotient : quotient;
    }

    /// <summary>A configured percentage (e.g. 6 or 6.5) as basis points; at most two decimals.</summary>
    public static int BasisPoints(decimal percent)
    {
        if (percent < 0 || percent > 100 || decimal.Round(percent, 2) != percent)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "The tax rate is a percentage from 0 to 100 with at most two decimals.");
        }

        return (int)(percent * 100m);
    }
}
