using BlazorPartner.Components.Navigation;
using BlazorPartner.Platform.Exports;

namespace BlazorPartner.Features.Consumption.Dashboard;

/// <summary>The consumption dashboard, its drill-down detail and its export (R32, R33).</summary>
public static class ConsumptionDashboardSetup
{
    public static IServiceCollection AddConsumptionDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ConsumptionQueries>();
        services.AddExportDefinition<ConsumptionDashboardExport>();
        services.AddMenuLink(new MenuLink(NavGroups.Sales, "Nav.ConsumptionDashboard", ConsumptionRoutes.Dashboard, "bar_chart", ConsumptionPermissions.View, 40));
        services.AddHomeTile(new HomeTile("Home.TileTitle.ConsumptionDashboard", "Home.Tile.ConsumptionDashboard", ConsumptionRoutes.Dashboard, "bar_chart", ConsumptionPermissions.View, 40));
        return services;
    }
}
