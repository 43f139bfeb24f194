using BlazorPartner.Core.Data;
using BlazorPartner.Core.Tenancy;

namespace BlazorPartner.Features.Customers;

/// <summary>How a customer is associated with its partner (R17).</summary>
public enum AssociationMode
{
    /// <summary>代售: buys through the partner and spends only money the partner allocates.</summary>
    Resale = 0,

    /// <summary>顾问销售: buys from the vendor directly; the partner earns incentives.</summary>
    Consultative = 1,
}

public enum CustomerStatus
{
    Associated = 0,

    /// <summary>Disassociated (R19). The row stays for history, consumption attribution and the audit trail.</summary>
    Unbound = 1,
}

/// <summary>
/// A company associated with one partner through an invitation (R16, R17). The resale customer's account balance lives
/// on this row under its version, beside the append-only ledger the funds slice writes (R21): one row to lock, and the
/// customer list can filter on balance without a join.
/// </summary>
public class Customer : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The partner the customer is associated with (the tenant).</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>The registration (报备) the customer came through; null for customers imported or seeded directly.</summary>
    public Guid? RegistrationId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Unified social credit code, normalized (upper case).</summary>
    public string CreditCode { get; set; } = "";

    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string Region { get; set; } = "";
    public string Industry { get; set; } = "";

    public AssociationMode Mode { get; set; }
    public CustomerStatus Status { get; set; }
    public ContractingEntity ContractingEntity { get; set; }

    /// <summary>The account manager who holds the customer now (R18); history is in <see cref="CustomerAssignment"/>.</summary>
    public string? AccountManagerUserId { get; set; }

    /// <summary>Resale only: money the partner allocated and the customer has not spent (R21), in fen.</summary>
    public long BalanceFen { get; set; }

    /// <summary>What the customer owes after consumption beyond its balance; blocks the partner's withdrawal (R22).</summary>
    public long ArrearsFen { get; set; }

    /// <summary>Resale only: the list flags the customer when its balance falls below this, in fen.</summary>
    public long? LowBalanceThresholdFen { get; set; }

    public DateTime AssociatedAtUtc { get; set; }
    public DateTime? UnboundAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// One period in which an account manager held a customer (R18). Consumption on a day counts for the manager whose
/// period covers it; a reassignment closes the open period and opens a new one, so past consumption never moves.
/// </summary>
public class CustomerAssignment : ITenantOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid CustomerId { get; set; }
    public string AccountManagerUserId { get; set; } = "";
    public DateTime FromUtc { get; set; }

    /// <summary>Null while the period is open.</summary>
    public DateTime? ToUtc { get; set; }

    public string AssignedByUserId { get; set; } = "";
    public string AssignedByName { get; set; } = "";
}
