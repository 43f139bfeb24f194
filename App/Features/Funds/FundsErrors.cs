using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Errors;

namespace BlazorPartner.Features.Funds;

/// <summary>The vendor-style codes the funds commands refuse with (DOMAIN.md "Errors").</summary>
public static class FundsErrorCodes
{
    /// <summary>CBC.99000035: not one of the partner's (associated) customers. Also for an id of another partner, so existence is not disclosed.</summary>
    public const string NotPartnersCustomer = "CBC.99000035";

    /// <summary>CBC.99005003: insufficient balance (partner cash, customer balance or withdrawable amount).</summary>
    public const string InsufficientBalance = "CBC.99005003";
}

public static class FundsErrors
{
    public static BusinessException NotPartnersCustomer(Guid customerId) =>
        new(FundsErrorCodes.NotPartnersCustomer, $"Customer {customerId} is not an associated customer of this partner.", "Funds.NotPartnersCustomer");

    /// <summary>
    /// R21: a consultative customer buys from the vendor directly; it is the partner's customer, so not CBC.99000035, but the
    /// operation is illegal for its mode (CBC.0150).
    /// </summary>
    public static BusinessException ConsultativeCustomer(string name) =>
        new(ErrorCodes.IllegalOperation, $"Customer {name} is consultative; money cannot be allocated to or reclaimed from it.", "Funds.ConsultativeCustomer", name);

    public static BusinessException InsufficientCash(Money available, Money requested) =>
        new(FundsErrorCodes.InsufficientBalance, $"Partner cash {available} is less than {requested}.", "Funds.InsufficientCash", available.ToString(), requested.ToString());

    public static BusinessException InsufficientCustomerBalance(string name, Money balance, Money requested) =>
        new(FundsErrorCodes.InsufficientBalance, $"Customer {name} has {balance}, less than {requested}.", "Funds.InsufficientCustomerBalance", name, balance.ToString(), requested.ToString());

    public static BusinessException BeyondWithdrawable(Money withdrawable, Money requested) =>
        new(FundsErrorCodes.InsufficientBalance, $"Withdrawable {withdrawable} is less than {requested}.", "Funds.BeyondWithdrawable", withdrawable.ToString(), requested.ToString());

    /// <summary>R22: withdrawal is blocked while any sub-account is in arrears (CBC.0155 request not allowed).</summary>
    public static BusinessException BlockedByArrears(Money arrears) =>
        new(ErrorCodes.AlreadyProcessed, $"Withdrawal is blocked while sub-accounts owe {arrears}.", "Funds.WithdrawalBlockedByArrears", arrears.ToString());

    /// <summary>The same idempotency key came back with a different command: a bug in the caller, never a second move.</summary>
    public static BusinessException KeyReused() =>
        new(ErrorCodes.AlreadyProcessed, "This idempotency key was already used for a different money command.", "Funds.KeyReused");
}
