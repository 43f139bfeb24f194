using BlazorPartner.Core.Data;
using BlazorPartner.Core.Tenancy;

namespace BlazorPartner.Features.Funds;

/// <summary>Which account a ledger entry belongs to.</summary>
public enum LedgerAccount
{
    /// <summary>The partner's cash account (one per organization).</summary>
    PartnerCash = 0,

    /// <summary>One resale customer's account; the balance itself lives on the customer row.</summary>
    Customer = 1,
}

/// <summary>Why money moved (R21, R19, R22).</summary>
public enum LedgerEntryKind
{
    /// <summary>The vendor operator credited the partner's cash account.</summary>
    TopUp = 0,

    /// <summary>拨款: partner cash → resale customer.</summary>
    Allocate = 1,

    /// <summary>回收: resale customer → partner cash.</summary>
    Reclaim = 2,

    /// <summary>The customer disassociated; its whole balance returned to the partner (R19).</summary>
    UnbindReturn = 3,

    /// <summary>A withdrawal request took the amount out of the cash account (R22); the bank transfer is outside the app.</summary>
    Withdrawal = 4,
}

/// <summary>
/// A partner's cash account (R21, R22). The balance is kept beside the append-only ledger and moved only by conditional
/// atomic updates inside the same transaction that appends the ledger entries, so the two always agree.
/// </summary>
public class PartnerCashAccount : ITenantOwned, IVersioned
{
    /// <summary>The partner organization; one account per organization, so it is also the key.</summary>
    public Guid OrganizationId { get; set; }

    public long CashFen { get; set; }

    /// <summary>Amount the partner owes in invoices (R22); maintained by the billing side, seeded for the demo.</summary>
    public long OwedInInvoicesFen { get; set; }

    /// <summary>Amount not yet posted (R22); maintained by the billing side, seeded for the demo.</summary>
    public long UnpostedFen { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// One line of the append-only ledger. Each transfer writes two lines with the same <see cref="TransferId"/> (partner
/// leg and customer leg); a top-up or withdrawal writes one. Nothing ever updates or deletes a line: the services offer
/// no such method, and a test scans them for it.
/// </summary>
public class LedgerEntry : ITenantOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public LedgerAccount Account { get; set; }

    /// <summary>The customer's account (customer leg) or the counterparty (partner leg); null for top-ups and withdrawals.</summary>
    public Guid? CustomerId { get; set; }

    public LedgerEntryKind Kind { get; set; }

    /// <summary>Signed: positive credits the account, negative debits it.</summary>
    public long AmountFen { get; set; }

    /// <summary>The account's balance right after this line.</summary>
    public long BalanceAfterFen { get; set; }

    /// <summary>The money command (or unbinding) both legs belong to.</summary>
    public Guid TransferId { get; set; }

    public string ActorUserId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public DateTime AtUtc { get; set; }
}

/// <summary>
/// One executed money command, keyed by (organization, idempotency key): a second submit with the same key finds this
/// row and gets the first result back instead of moving money again. Written in the command's own transaction, so a
/// refused command leaves none.
/// </summary>
public class MoneyCommand : ITenantOwned
{
    /// <summary>Also the <see cref="LedgerEntry.TransferId"/> of the lines it wrote.</summary>
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganizationId { get; set; }
    public Guid IdempotencyKey { get; set; }
    public LedgerEntryKind Kind { get; set; }
    public Guid? CustomerId { get; set; }
    public long AmountFen { get; set; }
    public long PartnerCashAfterFen { get; set; }
    public long? CustomerBalanceAfterFen { get; set; }
    public string ActorUserId { get; set; } = "";
    public DateTime AtUtc { get; set; }
}

public enum WithdrawalStatus
{
    /// <summary>Recorded; the bank transfer (R25) happens outside this app.</summary>
    Requested = 0,
}

/// <summary>A partner's withdrawal request (R22), with the breakdown it was checked against.</summary>
public class WithdrawalRequest : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public long AmountFen { get; set; }
    public long WithdrawableBeforeFen { get; set; }
    public WithdrawalStatus Status { get; set; }
    public string RequestedByUserId { get; set; } = "";
    public string RequestedByName { get; set; } = "";
    public DateTime RequestedAtUtc { get; set; }
}
