using BlazorPartner.Platform.Exports;
using BlazorPartner.Components.Navigation;
using BlazorPartner.Platform.Seeding;

namespace BlazorPartner.Features.Customers;

/// <summary>The customer list and detail, masking (R4), assignment (R18) and unbinding (R19).</summary>
public static class CustomerConsoleSetup
{
    public static IServiceCollection AddCustomerConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CustomerQueries>();
        services.AddSingleton<CustomerReveal>();
        services.AddSingleton<CustomerAssignments>();
        services.AddSingleton<CustomerUnbinding>();
        services.AddScoped<CustomerExporter>();
        services.AddExportDefinition<CustomerExportDefinition>();
        services.AddScoped<IDemoData, CustomerDemoData>();
        services.AddMenuLink(new MenuLink(NavGroups.Sales, "Nav.Customers", CustomerRoutes.List, "groups", CustomerPermissions.View, 20));
        services.AddHomeTile(new HomeTile("Home.TileTitle.Customers", "Home.Tile.Customers", CustomerRoutes.List, "groups", CustomerPermissions.View, 20));
        return services;
    }
}
