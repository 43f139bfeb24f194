namespace BlazorPartner.Features.Billing;

/// <summary>Everything the billing slice brings (R34): monthly bills, their generation job, the bill page and its export.</summary>
public static class BillingSetup
{
    public static IServiceCollection AddBilling(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
