using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.Customers;

/// <summary>Everything the customer slice brings. Registration and invitation, and the customer console, register their parts.</summary>
public static class CustomersSetup
{
    public static IServiceCollection AddCustomers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions(CustomerPermissions.All);
        services.AddCustomerRegistrations(configuration);
        services.AddCustomerConsole(configuration);
        return services;
    }
}
