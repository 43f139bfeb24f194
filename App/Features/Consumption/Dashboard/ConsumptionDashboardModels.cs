using BlazorPartner.Core.Currency;
using BlazorPartner.Features.Customers;

namespace BlazorPartner.Features.Consumption.Dashboard;

/// <summary>
/// What the dashboard shows: a month range (clamped to the R33 window) and optional dimensions. The vendor operator
/// names the partner (<see cref="PartnerId"/>); a partner's users always see their own, whatever it says.
/// </summary>
public sealed record ConsumptionFilter
{
    /// <summary>The account-manager value that means "attributed to nobody" (consumption on days nobody held the customer).</summary>
    public const string Unattributed = "~";

    public Guid? PartnerId { get; init; }

    /// <summary>First month (any day of it); null: the oldest month of the window.</summary>
    public DateOnly? FromMonth { get; init; }

    /// <summary>Last month, inclusive; null: the current month.</summary>
    public DateOnly? ToMonth { get; init; }

    public string? ProductCode { get; init; }
    public string? ServiceType { get; init; }
    public ChargeMode? ChargeMode { get; init; }
    public AssociationMode? AssociationMode { get; init; }
    public Guid? CustomerId { get; init; }
    public string? AccountManagerUserId { get; init; }
}

/// <summary>A chart element the user clicked: narrows the detail to it. Any combination; all null = no drill-down.</summary>
public sealed record ConsumptionDrillDown
{
    public DateOnly? Month { get; init; }
    public string? ProductCode { get; init; }
    public Guid? CustomerId { get; init; }
    public string? AccountManagerUserId { get; init; }
    public ChargeMode? ChargeMode { get; init; }

    public bool IsEmpty => Month is null && ProductCode is null && CustomerId is null && AccountManagerUserId is null && ChargeMode is null;
}

public enum ConsumptionDetailSort
{
    Day,
    AmountDue,
    Product,
    ChargeMode,
}

/// <summary>The detail grid's request: the dashboard filter, the drill-down, the R33 sub-user filter, paging and sort.</summary>
public sealed record ConsumptionDetailQuery
{
    // Ten rows under the charts: each grid row is a component whose render tree stays in the circuit, and at 20 the
    // dashboard sat near twice the home page's server memory. The pager offers 20, 50 and 100.
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 200;

    public ConsumptionFilter Filter { get; init; } = new();
    public ConsumptionDrillDown DrillDown { get; init; } = new();

    /// <summary>R33: an IAM sub-user of the customer (exact, case-sensitive as stored); null or empty: all accounts.</summary>
    public string? SubUserAccount { get; init; }

    public int Skip { get; init; }
    public int Take { get; init; } = DefaultPageSize;
    public ConsumptionDetailSort Sort { get; init; } = ConsumptionDetailSort.Day;

    /// <summary>Newest first by default.</summary>
    public bool Descending { get; init; } = true;
}

/// <summary>A change between two amounts; <see cref="Percent"/> is null when the base is zero (no meaningful ratio).</summary>
public sealed record ConsumptionChange(Money Current, Money Base, decimal? Percent)
{
    public static ConsumptionChange Of(long currentFen, long baseFen) =>
        new(new Money(currentFen), new Money(baseFen), baseFen == 0 ? null : Math.Round((currentFen - baseFen) * 100m / baseFen, 1, MidpointRounding.AwayFromZero));
}

/// <summary>
/// KPI cards. This month so far and last month; month-on-month compares last month with the month before it and
/// year-on-year last month with the same month a year earlier (whole months: a partial month against a full one says
/// nothing).
/// </summary>
public sealed record ConsumptionKpis(
    DateOnly CurrentMonth,
    Money ThisMonthSoFar,
    DateOnly LastMonth,
    Money LastMonthTotal,
    ConsumptionChange MonthOnMonth,
    ConsumptionChange YearOnYear);

public sealed record ConsumptionTrendPoint(DateOnly Month, ChargeMode ChargeMode, Money Amount);

public sealed record ConsumptionRanked(string Key, string Label, Money Amount);

/// <summary>Time of the last data (R33): the latest detail day and when the summary was last rebuilt.</summary>
public sealed record ConsumptionDataTime(DateOnly? LatestDay, DateTime? RolledUpAtUtc);

public sealed record ConsumptionSummary(
    Guid PartnerId,
    DateOnly FromMonth,
    DateOnly ToMonth,
    ConsumptionKpis Kpis,
    Money RangeTotal,
    IReadOnlyList<ConsumptionTrendPoint> Trend,
    IReadOnlyList<ConsumptionRanked> TopProducts,
    IReadOnlyList<ConsumptionRanked> TopCustomers,
    IReadOnlyList<ConsumptionRanked> ByManager,
    ConsumptionDataTime DataTime);

public sealed record ConsumptionDetailRow(
    long Id,
    DateOnly Day,
    Guid CustomerId,
    string MaskedCustomerName,
    string ProductCode,
    string ServiceType,
    string Region,
    ChargeMode ChargeMode,
    string ResourceId,
    string SubUserAccount,
    Money ListPrice,
    Money Discount,
    Money AmountDue,
    string? AccountManagerName);

public sealed record ConsumptionDetailPage(IReadOnlyList<ConsumptionDetailRow> Items, int Total);

public sealed record ConsumptionOption(string Key, string Label);

/// <summary>What the filter bar offers: only values the actor can see in the window.</summary>
public sealed record ConsumptionFilterOptions(
    IReadOnlyList<string> Products,
    IReadOnlyList<string> ServiceTypes,
    IReadOnlyList<ConsumptionOption> Customers,
    IReadOnlyList<ConsumptionOption> Managers,
    IReadOnlyList<DateOnly> Months);

public sealed record ConsumptionPartnerOption(Guid Id, string Name);
