namespace BlazorPartner.Features.Customers;

/// <summary>Registration (报备, R15), the vendor's review inbox, invitations and the public associate page (R16).</summary>
public static class CustomerRegistrationsSetup
{
    public static IServiceCollection AddCustomerRegistrations(this IServiceCollection services, IConfiguration configuration) => services;
}
