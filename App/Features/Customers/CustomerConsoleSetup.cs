namespace BlazorPartner.Features.Customers;

/// <summary>The customer list and detail, masking (R4), assignment (R18) and unbinding (R19).</summary>
public static class CustomerConsoleSetup
{
    public static IServiceCollection AddCustomerConsole(this IServiceCollection services, IConfiguration configuration) => services;
}
