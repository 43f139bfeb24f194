using BlazorPartner.Core.Data;
using BlazorPartner.Core.Tenancy;

namespace BlazorPartner.Features.Vouchers;

public enum VoucherKind
{
    /// <summary>代金券.</summary>
    Voucher = 0,

    /// <summary>现金券.</summary>
    CashCoupon = 1,
}

public enum QuotaStatus
{
    Active = 0,

    /// <summary>A delegated quota its distributor took back (R29); the row stays for history.</summary>
    Recalled = 1,
}

/// <summary>
/// What a voucher row stores (R28). "Not activated" is not stored: it is a usable voucher whose validity has not
/// started yet, derived at read time from <see cref="Voucher.ValidFromUtc"/>.
/// </summary>
public enum VoucherStatus
{
    Usable = 0,
    Used = 1,
    Expired = 2,
    Recalled = 3,
}

/// <summary>What the console shows, including the derived "not activated" (R28).</summary>
public enum VoucherDisplayStatus
{
    NotActivated = 0,
    Usable = 1,
    Used = 2,
    Expired = 3,
    Recalled = 4,
}

/// <summary>
/// An amount a partner may issue as vouchers or cash coupons (R26). Granted by the vendor, or delegated by a distributor
/// to one of its resellers from its own quota (R29, <see cref="ParentQuotaId"/>). <see cref="RemainingFen"/> only
/// changes through atomic conditional updates (<c>… WHERE RemainingFen &gt;= amount</c>), so it is never negative.
/// Invariant: Remaining = Granted − Issued − Delegated (Issued and Delegated are net of what came back).
/// </summary>
public class VoucherQuota : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The partner that holds the quota (the tenant).</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>The distributor's quota this one was delegated from (R29); null when the vendor granted it.</summary>
    public Guid? ParentQuotaId { get; set; }

    /// <summary>The distributor that delegated it; null when the vendor granted it.</summary>
    public Guid? ParentOrganizationId { get; set; }

    public VoucherKind Kind { get; set; }
    public QuotaStatus Status { get; set; }

    /// <summary>R30: a cash coupon invoiced to its user.</summary>
    public bool InvoiceToCouponUser { get; set; }

    public long GrantedFen { get; set; }
    public long IssuedFen { get; set; }
    public long DelegatedFen { get; set; }
    public long RemainingFen { get; set; }

    /// <summary>Start of the first valid Beijing day (UTC).</summary>
    public DateTime ValidFromUtc { get; set; }

    /// <summary>Start of the Beijing day after the last valid day (UTC), exclusive.</summary>
    public DateTime ValidToUtc { get; set; }

    /// <summary>';'-separated service type codes (<see cref="VoucherCatalog"/>).</summary>
    public string ServiceTypes { get; set; } = "";

    /// <summary>';'-separated product codes.</summary>
    public string Products { get; set; } = "";

    public string GrantedByUserId { get; set; } = "";
    public string GrantedByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>One voucher or cash coupon issued to one customer from one quota (R27, R28).</summary>
public class Voucher : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The issuing partner (the tenant).</summary>
    public Guid OrganizationId { get; set; }

    public Guid QuotaId { get; set; }
    public Guid IssueId { get; set; }
    public Guid CustomerId { get; set; }
    public VoucherKind Kind { get; set; }
    public VoucherStatus Status { get; set; }
    public long FaceValueFen { get; set; }
    public long BalanceFen { get; set; }
    public long? MinimumOrderFen { get; set; }
    public DateTime ValidFromUtc { get; set; }
    public DateTime ValidToUtc { get; set; }
    public string ServiceTypes { get; set; } = "";
    public string Products { get; set; } = "";

    /// <summary>Seen only by the issuing partner (R27): never projected for the vendor or a distributor.</summary>
    public string Remark { get; set; } = "";

    public DateTime IssuedAtUtc { get; set; }
    public string IssuedByName { get; set; } = "";
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The expiry pass that expired it, so two app instances never expire (and log) it twice.</summary>
    public string? ExpiryRunId { get; set; }

    public int Version { get; set; }

    public VoucherDisplayStatus DisplayStatus(DateTime nowUtc) => Display(Status, ValidFromUtc, nowUtc);

    public static VoucherDisplayStatus Display(VoucherStatus status, DateTime validFromUtc, DateTime nowUtc) => status switch
    {
        VoucherStatus.Usable when validFromUtc > nowUtc => VoucherDisplayStatus.NotActivated,
        VoucherStatus.Usable => VoucherDisplayStatus.Usable,
        VoucherStatus.Used => VoucherDisplayStatus.Used,
        VoucherStatus.Expired => VoucherDisplayStatus.Expired,
        _ => VoucherDisplayStatus.Recalled,
    };
}

/// <summary>One issue command (R27): its id is the form's idempotency key, so a double click creates one set of vouchers.</summary>
public class VoucherIssue : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid QuotaId { get; set; }
    public int Count { get; set; }
    public long TotalFen { get; set; }
    public string IssuedByUserId { get; set; } = "";
    public DateTime IssuedAtUtc { get; set; }
}

/// <summary>One use of a voucher on one order. The order id is unique: one voucher per order (R28).</summary>
public class VoucherRedemption : ITenantOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid VoucherId { get; set; }
    public string OrderId { get; set; } = "";
    public long AmountFen { get; set; }
    public DateTime AtUtc { get; set; }
}

public enum VoucherOperationKind
{
    Grant = 0,
    Issue = 1,
    Recall = 2,
    Expire = 3,
    Redeem = 4,
    Delegate = 5,
    RecallDelegation = 6,
}

/// <summary>
/// The quota operation log (R26): append-only, one row per quota or voucher operation, in the partner's tenant.
/// Operator null = the system (expiry).
/// </summary>
public class VoucherOperation : ITenantOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public VoucherOperationKind Kind { get; set; }
    public Guid QuotaId { get; set; }
    public Guid? VoucherId { get; set; }
    public Guid? CustomerId { get; set; }
    public long AmountFen { get; set; }
    public string? OperatorUserId { get; set; }
    public string OperatorName { get; set; } = "";
    public DateTime AtUtc { get; set; }
}
