using BlazorPartner.Core.Currency;

namespace BlazorPartner.Features.Customers;

/// <summary>Where a resale customer's money stands, for the list's filter and flag. Consultative customers have none.</summary>
public enum CustomerBalanceState
{
    /// <summary>Balance at or above its low-balance threshold (or no threshold), no arrears.</summary>
    Ok = 0,

    /// <summary>Balance above zero but below the customer's low-balance threshold.</summary>
    Low = 1,

    /// <summary>Nothing left, no arrears.</summary>
    Zero = 2,

    /// <summary>Consumption beyond the balance is owed (R22 blocks the partner's withdrawal).</summary>
    Arrears = 3,
}

public enum CustomerSort
{
    AssociatedAt,
    Name,
    CreditCode,
    Balance,
    Mode,
    Status,
}

/// <summary>A value R4 masks; revealing one is a separate, audited call.</summary>
public enum CustomerField
{
    Name = 0,
    ContactName = 1,
    Phone = 2,
    Email = 3,
}

/// <summary>The list's filter, sort and page. The export uses the same filter with no page.</summary>
public sealed record CustomerQuery
{
    public AssociationMode? Mode { get; init; }
    public string? AccountManagerUserId { get; init; }

    /// <summary>Implies resale: consultative customers have no balance.</summary>
    public CustomerBalanceState? BalanceState { get; init; }

    public CustomerStatus? Status { get; init; }

    /// <summary>Company name (contains) or credit code (prefix, case-insensitive).</summary>
    public string? Search { get; init; }

    public CustomerSort Sort { get; init; } = CustomerSort.AssociatedAt;
    public bool Descending { get; init; } = true;
    public int Skip { get; init; }
    public int Take { get; init; } = DefaultPageSize;

    /// <summary>Ten rows, as the other consoles: each grid row costs the circuit its render-tree buffers.</summary>
    public const int DefaultPageSize = 10;
}

/// <summary>
/// One list row. Name, contact, phone and e-mail are carried masked only: the clear value never reaches the page until
/// the user reveals it through <see cref="CustomerReveal"/>, which audits the reveal.
/// </summary>
public sealed record CustomerRow(
    Guid Id,
    string MaskedName,
    string CreditCode,
    string MaskedContactName,
    string MaskedPhone,
    string MaskedEmail,
    AssociationMode Mode,
    CustomerStatus Status,
    string? AccountManagerUserId,
    string? AccountManagerName,
    Money Balance,
    Money Arrears,
    Money? LowBalanceThreshold,
    DateTime AssociatedAtUtc,
    DateTime? UnboundAtUtc,
    int Version)
{
    /// <summary>Resale only; null for consultative customers.</summary>
    public CustomerBalanceState? BalanceState => CustomerBalanceRules.StateOf(Mode, Balance.Fen, Arrears.Fen, LowBalanceThreshold?.Fen);

    /// <summary>The list's flag: a resale balance below its threshold.</summary>
    public bool IsLowBalance => CustomerBalanceRules.IsLow(Mode, Balance.Fen, LowBalanceThreshold?.Fen);
}

public sealed record CustomerPage(IReadOnlyList<CustomerRow> Items, int TotalCount);

/// <summary>One period an account manager held the customer (R18); <see cref="ToUtc"/> null while open.</summary>
public sealed record AssignmentPeriod(string AccountManagerUserId, string AccountManagerName, DateTime FromUtc, DateTime? ToUtc, string AssignedByName);

public sealed record CustomerDetail(
    CustomerRow Summary,
    string Region,
    string Industry,
    IReadOnlyList<AssignmentPeriod> Assignments,
    IReadOnlyList<Core.Auditing.AuditView> History,
    CustomerActions Actions);

/// <summary>What the current user may do with this customer now; computed by the service so the UI holds no rules.</summary>
public sealed record CustomerActions(bool CanReveal, bool CanAssign, bool CanUnbind);

public sealed record CustomerManagerOption(string UserId, string DisplayName);

/// <summary>Which customer a command acts on, and the version the user saw (a row changed since is refused).</summary>
public sealed record CustomerTarget(Guid Id, int? ExpectedVersion = null);

public sealed record AssignCustomerInput(CustomerTarget Target)
{
    /// <summary>User id of the account manager (or supervisor) who takes the customer.</summary>
    public string? AssignedTo { get; set; }
}

/// <summary>What unbinding would do, for the confirmation dialog (R19).</summary>
public sealed record UnbindingPreview(Guid CustomerId, string MaskedName, int Version, IReadOnlyList<UnbindingEffect> Effects);

public static class CustomerBalanceRules
{
    public static CustomerBalanceState? StateOf(AssociationMode mode, long balanceFen, long arrearsFen, long? thresholdFen) =>
        mode != AssociationMode.Resale ? null
        : arrearsFen > 0 ? CustomerBalanceState.Arrears
        : balanceFen <= 0 ? CustomerBalanceState.Zero
        : thresholdFen is { } t && balanceFen < t ? CustomerBalanceState.Low
        : CustomerBalanceState.Ok;

    public static bool IsLow(AssociationMode mode, long balanceFen, long? thresholdFen) =>
        mode == AssociationMode.Resale && thresholdFen is { } t && balanceFen < t;
}

/// <summary>R4 masks for the customer's values (Core's <c>Masking</c> has name and phone; e-mail is masked here).</summary>
public static class CustomerMasking
{
    public static string Mask(CustomerField field, string? value) => field switch
    {
        CustomerField.Phone => Core.Privacy.Masking.MaskPhone(value),
        CustomerField.Email => MaskEmail(value),
        _ => Core.Privacy.Masking.MaskName(value),
    };

    /// <summary>First character of the local part, then stars, then the domain: <c>z***@example.cn</c>.</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "";
        }

        var at = email.IndexOf('@');
        return at <= 0 ? Core.Privacy.Masking.MaskName(email) : email[0] + "***" + email[at..];
    }
}
