using BlazorPartner.Core.Errors;

namespace BlazorPartner.Features.Billing;

public static class BillingErrors
{
    /// <summary>CBC.0155: the period's bill is issued; a refund or adjustment must target a later period.</summary>
    public static BusinessException BillAlreadyGenerated(string period) =>
        new(ErrorCodes.AlreadyProcessed, $"The bill for {period} is already generated; record the adjustment for a later period.", "Bill.AlreadyGenerated", period);
}
