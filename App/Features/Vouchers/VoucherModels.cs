namespace BlazorPartner.Features.Vouchers;

/// <summary>The vendor grants a partner a quota (R26).</summary>
public sealed class GrantQuotaInput
{
    public Guid? PartnerOrganizationId { get; set; }
    public VoucherKind Kind { get; set; }
    public decimal? Amount { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public List<string> ServiceTypes { get; set; } = [];
    public List<string> Products { get; set; } = [];

    /// <summary>R30; only meaningful for a cash coupon.</summary>
    public bool InvoiceToCouponUser { get; set; }
}

/// <summary>One issue command (R27). <see cref="IdempotencyKey"/> is made when the form opens.</summary>
public sealed class IssueVouchersInput
{
    public Guid IdempotencyKey { get; set; } = Guid.NewGuid();
    public Guid QuotaId { get; set; }
    public decimal? FaceValue { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public List<string> ServiceTypes { get; set; } = [];
    public List<string> Products { get; set; } = [];
    public decimal? MinimumOrder { get; set; }
    public List<Guid> CustomerIds { get; set; } = [];
    public string? Remark { get; set; }
}

/// <summary>A distributor delegates part of its quota to one of its resellers (R29).</summary>
public sealed class DelegateQuotaInput
{
    public Guid IdempotencyKey { get; set; } = Guid.NewGuid();
    public Guid ParentQuotaId { get; set; }
    public Guid? ResellerOrganizationId { get; set; }
    public decimal? Amount { get; set; }
}

public sealed record IssueResult(Guid IssueId, int Count, long TotalFen, bool Replayed);

public sealed record RecallResult(Guid VoucherId, long ReturnedFen);

/// <summary>One row's outcome in a bulk recall: returned amount, or the refusal.</summary>
public sealed record BulkRecallOutcome(Guid VoucherId, long ReturnedFen, Core.Errors.BusinessException? Error)
{
    public bool Succeeded => Error is null;
}

public sealed record QuotaCard(
    Guid Id,
    VoucherKind Kind,
    QuotaStatus Status,
    bool InvoiceToCouponUser,
    long GrantedFen,
    long IssuedFen,
    long DelegatedFen,
    long RemainingFen,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    IReadOnlyList<string> ServiceTypes,
    IReadOnlyList<string> Products,
    bool Delegated,
    bool Expired,
    int Version)
{
    /// <summary>Share of the grant already issued or delegated, 0–100, for the card's bar.</summary>
    public double UsedPercent => GrantedFen <= 0 ? 0 : Math.Round(100.0 * (GrantedFen - RemainingFen) / GrantedFen, 1);
}

/// <summary>A quota as the vendor lists it: the partner and the amounts, nothing about vouchers or customers.</summary>
public sealed record VendorQuotaRow(Guid Id, string PartnerName, VoucherKind Kind, bool InvoiceToCouponUser, long GrantedFen, long IssuedFen, long DelegatedFen, long RemainingFen, DateOnly ValidFrom, DateOnly ValidTo, DateTime CreatedAtUtc);

/// <summary>What a distributor sees of a reseller's delegated quota (R29): amounts only, no customer data.</summary>
public sealed record ResellerQuotaRow(Guid QuotaId, Guid ParentQuotaId, string ResellerName, QuotaStatus Status, long GrantedFen, long IssuedFen, long RemainingFen, DateOnly ValidTo, int VoucherCount);

public sealed class VoucherQuery
{
    public VoucherDisplayStatus? Status { get; set; }
    public Guid? QuotaId { get; set; }
    public Guid? CustomerId { get; set; }
    public VoucherKind? Kind { get; set; }
    public string? Search { get; set; }
}

public sealed record VoucherRow(
    Guid Id,
    Guid QuotaId,
    Guid CustomerId,
    string CustomerName,
    VoucherKind Kind,
    VoucherDisplayStatus Status,
    long FaceValueFen,
    long BalanceFen,
    long? MinimumOrderFen,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    string Remark,
    DateTime IssuedAtUtc,
    int Version);

public sealed record CustomerOption(Guid Id, string Name, Customers.AssociationMode Mode);

public sealed class OperationLogQuery
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public Guid? CustomerId { get; set; }

    /// <summary>Part of a customer's name (the page's customer filter).</summary>
    public string? CustomerSearch { get; set; }

    public Guid? QuotaId { get; set; }
    public string? OperatorUserId { get; set; }
    public VoucherOperationKind? Kind { get; set; }
}

public sealed record OperationLogRow(long Id, DateTime AtUtc, VoucherOperationKind Kind, Guid QuotaId, VoucherKind QuotaKind, DateTime QuotaValidToUtc, Guid? VoucherId, string CustomerName, long AmountFen, string OperatorName, string PartnerName);

/// <summary>A quota as the log's filter offers it.</summary>
public sealed record LogQuotaOption(Guid Id, VoucherKind Kind, string PartnerName, long GrantedFen, DateOnly ValidTo);
