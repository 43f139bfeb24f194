using BlazorPartner.Core.Currency;

namespace BlazorPartner.Features.Funds;

/// <summary>
/// Input of a money command. <see cref="IdempotencyKey"/> is generated once per form instance, so a double click or a
/// retried submit of the same form moves money once and gets the first result back.
/// </summary>
public sealed record TransferInput(Guid IdempotencyKey)
{
    public Guid? CustomerId { get; set; }

    /// <summary>In yuan as typed; the service turns it into <see cref="Money"/> or a coded field error.</summary>
    public decimal? Amount { get; set; }
}

public sealed record TopUpInput(Guid IdempotencyKey)
{
    public Guid? PartnerOrganizationId { get; set; }
    public decimal? Amount { get; set; }
}

public sealed record WithdrawalInput(Guid IdempotencyKey)
{
    public decimal? Amount { get; set; }
}

public sealed record ThresholdInput(Guid CustomerId)
{
    /// <summary>Null clears the threshold.</summary>
    public decimal? Threshold { get; set; }
}

/// <summary>What a money command did (or, replayed, what it did the first time).</summary>
public sealed record MoneyResult(Guid TransferId, LedgerEntryKind Kind, Money Amount, Money PartnerCashAfter, Money? CustomerBalanceAfter, bool Replayed);

/// <summary>The cash account card (R22): each part of the withdrawable amount, and what the user may do.</summary>
public sealed record FundsAccountView(
    Money Cash,
    Money OwedInInvoices,
    Money Unposted,
    Money SubAccountArrears,
    int CustomersInArrears,
    bool CanAdjust,
    bool CanWithdraw,
    bool CanExport)
{
    /// <summary>R22: cash − owed in invoices − unposted − arrears of sub-accounts.</summary>
    public Money Withdrawable => FundsRules.Withdrawable(Cash, OwedInInvoices, Unposted, SubAccountArrears);

    public bool WithdrawalBlocked => SubAccountArrears > Money.Zero;
}

public enum LedgerView
{
    PartnerCash,
    Customers,
    All,
}

/// <summary>The ledger grid's filter and page. Export uses the same filter with no page.</summary>
public sealed record LedgerQuery
{
    public LedgerView View { get; init; } = LedgerView.PartnerCash;
    public LedgerEntryKind? Kind { get; init; }
    public Guid? CustomerId { get; init; }

    /// <summary>Beijing dates, inclusive.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = DefaultPageSize;

    public const int DefaultPageSize = 10;
}

public sealed record LedgerRow(
    long Id,
    DateTime AtUtc,
    LedgerAccount Account,
    LedgerEntryKind Kind,
    Guid? CustomerId,
    string? CustomerName,
    Money Amount,
    Money BalanceAfter,
    string ActorName,
    Guid TransferId);

public sealed record LedgerPage(IReadOnlyList<LedgerRow> Items, int TotalCount);

/// <summary>An associated resale customer in the allocate/reclaim picker, with its balance now.</summary>
public sealed record ResaleCustomerOption(Guid Id, string Name, Money Balance);

public sealed record PartnerCashOption(Guid Id, string Name, Money Cash);

/// <summary>A customer's funds as the customer detail's ledger tab shows them.</summary>
public sealed record CustomerFundsView(Guid CustomerId, bool IsResale, Money Balance, Money Arrears, Money? LowBalanceThreshold, bool CanSetThreshold)
{
    public bool BelowThreshold => LowBalanceThreshold is { } t && Balance < t;
}
