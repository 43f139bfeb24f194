using BlazorPartner.Core.Currency;

namespace BlazorPartner.Features.Funds;

public static class FundsRules
{
    /// <summary>R22, as the rule states it (it can be negative: then nothing is withdrawable).</summary>
    public static Money Withdrawable(Money cash, Money owedInInvoices, Money unposted, Money subAccountArrears) =>
        cash - owedInInvoices - unposted - subAccountArrears;
}
