namespace BlazorPartner.Features.Customers;

/// <summary>
/// A tab another slice adds to the customer detail page (the voucher slice: vouchers issued to it; the funds slice: its
/// ledger). The page renders <see cref="ComponentType"/> with a <c>[Parameter] Guid CustomerId</c> when the user holds
/// <see cref="Permission"/>; the component loads its own data through its own service, which checks access again.
/// </summary>
public sealed record CustomerDetailTab(string TitleKey, Type ComponentType, string Permission, int Order);

public static class CustomerDetailTabs
{
    public static IServiceCollection AddCustomerDetailTab(this IServiceCollection services, CustomerDetailTab tab) =>
        services.AddSingleton(tab);
}
