using BlazorPartner.Core.Currency;
using BlazorPartner.Features.Consumption;

namespace BlazorPartner.Features.Billing;

/// <summary>A month the picker offers, and whether its bill exists.</summary>
public sealed record BillPeriodOption(DateOnly Period, bool Generated)
{
    public string Text => Bill.PeriodText(Period);
}

public sealed record BillPartnerOption(Guid Id, string Name);

/// <summary>A period's bill, or (when <see cref="Generated"/> is false) when it will be due.</summary>
public sealed record BillSummary(
    Guid PartnerId,
    DateOnly Period,
    bool Generated,
    DateTime DueAtUtc,
    Money Consumption,
    Money Refunds,
    Money Adjustments,
    Money AmountDue,
    int TaxRateBasisPoints,
    Money Tax,
    Money TotalWithTax,
    int LineCount,
    DateTime? GeneratedAtUtc)
{
    /// <summary>"6" or "6.5": the rate as the page shows it.</summary>
    public string TaxRateText => (TaxRateBasisPoints / 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}

public enum BillLineSort
{
    AmountDue,
    ListPrice,
    Product,
    Resource,
}

public sealed record BillLineQuery
{
    public const int DefaultPageSize = 20;

    /// <summary>The partner whose bill to read: the vendor operator's pick; ignored (must be empty or their own) for partners.</summary>
    public Guid? PartnerId { get; init; }

    public DateOnly Period { get; init; }

    public BillLineSort Sort { get; init; } = BillLineSort.AmountDue;

    public bool Descending { get; init; } = true;

    public int Skip { get; init; }

    public int Take { get; init; } = DefaultPageSize;
}

public sealed record BillLineRow(
    long Id,
    string? CustomerName,
    string ProductCode,
    string ServiceType,
    string Region,
    ChargeMode ChargeMode,
    string ResourceId,
    Money ListPrice,
    Money Discount,
    Money AmountDue,
    int RecordCount);

public sealed record BillLinePage(IReadOnlyList<BillLineRow> Items, int TotalCount);

public sealed record BillAdjustmentRow(long Id, BillAdjustmentKind Kind, Money Amount, string Reason, string RecordedByName, DateTime RecordedAtUtc);

/// <summary>The vendor's adjustment form. Amount in yuan: for a refund the amount returned (positive), stored negative.</summary>
public sealed record BillAdjustmentInput
{
    public Guid? PartnerId { get; set; }
    public string? Period { get; set; }
    public BillAdjustmentKind Kind { get; set; } = BillAdjustmentKind.Adjustment;
    public decimal? Amount { get; set; }
    public string? Reason { get; set; }
}
