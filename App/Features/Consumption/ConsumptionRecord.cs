using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;

namespace BlazorPartner.Features.Consumption;

/// <summary>How a resource is charged (R32).</summary>
public enum ChargeMode
{
    /// <summary>包年/包月: prepaid yearly or monthly.</summary>
    YearlyMonthly = 0,

    /// <summary>按需: pay per use.</summary>
    OnDemand = 1,

    /// <summary>节省计划: a committed-spend savings plan.</summary>
    SavingsPlan = 2,
}

/// <summary>
/// One line of a customer's consumption on one Beijing calendar day: the authoritative detail (R33) that the
/// dashboard's monthly rollup summarizes and a bill is built from. Rows arrive by import (or the generator) and are
/// never edited; the natural key (<see cref="NaturalKey"/>) makes re-importing a file a no-op.
/// </summary>
public class ConsumptionRecord : ITenantOwned
{
    public long Id { get; set; }

    /// <summary>The partner the customer is associated with (the tenant).</summary>
    public Guid OrganizationId { get; set; }

    public Guid CustomerId { get; set; }

    /// <summary>The Beijing calendar day the consumption happened on.</summary>
    public DateOnly Day { get; set; }

    public string ProductCode { get; set; } = "";
    public string ServiceType { get; set; } = "";
    public string Region { get; set; } = "";
    public ChargeMode ChargeMode { get; set; }
    public string ResourceId { get; set; } = "";

    /// <summary>The customer's IAM sub-user that used the resource; empty for the main account (R33 filter).</summary>
    public string SubUserAccount { get; set; } = "";

    public long ListPriceFen { get; set; }
    public long DiscountFen { get; set; }

    /// <summary>List price minus discount; what the customer owes for the line.</summary>
    public long AmountDueFen { get; set; }

    /// <summary>
    /// R18: the account manager who held the customer on <see cref="Day"/>, resolved once when the row is stored
    /// (see <see cref="ConsumptionAttribution"/>). Stored, not joined, so a later reassignment never moves it.
    /// Null when nobody held the customer that day.
    /// </summary>
    public string? AccountManagerUserId { get; set; }

    /// <summary>The customer's association mode on that day (R17), so the dashboard's mode filter keeps history.</summary>
    public AssociationMode AssociationMode { get; set; }

    /// <summary>The import (or generator run) that stored the row; null for rows from before imports were tracked.</summary>
    public Guid? ImportId { get; set; }

    /// <summary>The fields that identify a line: the same customer, day, product, charge mode, resource and sub-user.</summary>
    public static string NaturalKey(Guid customerId, DateOnly day, string productCode, ChargeMode chargeMode, string resourceId, string subUserAccount) =>
        $"{customerId:N}|{day:yyyyMMdd}|{productCode}|{(int)chargeMode}|{resourceId}|{subUserAccount}";
}

/// <summary>
/// The dashboard's rollup: one row per partner, month, customer, account manager, product, service type, charge mode
/// and association mode, with the sums of the detail. Rebuilt for the touched (partner, month) slices whenever detail
/// arrives or is removed (<see cref="ConsumptionRollups"/>), so the dashboard never scans detail rows.
/// </summary>
public class ConsumptionMonthly : ITenantOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>The first day of the Beijing calendar month.</summary>
    public DateOnly Month { get; set; }

    public Guid CustomerId { get; set; }
    public string? AccountManagerUserId { get; set; }
    public string ProductCode { get; set; } = "";
    public string ServiceType { get; set; } = "";
    public ChargeMode ChargeMode { get; set; }
    public AssociationMode AssociationMode { get; set; }

    public long ListPriceFen { get; set; }
    public long DiscountFen { get; set; }
    public long AmountDueFen { get; set; }
    public int RecordCount { get; set; }
}

/// <summary>
/// When the rollups were last rebuilt for a partner: the dashboard shows it as the time of the last data, because the
/// summary lags the detail (R33).
/// </summary>
public class ConsumptionFreshness : ITenantOwned
{
    public Guid OrganizationId { get; set; }

    /// <summary>The latest detail day present for the partner.</summary>
    public DateOnly? LatestDay { get; set; }

    public DateTime RolledUpAtUtc { get; set; }
}
