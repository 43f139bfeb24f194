using BlazorPartner.Components.Navigation;
using BlazorPartner.Platform.Exports;

namespace BlazorPartner.Features.Consumption.Metrics;

/// <summary>The metrics page and its catalog (R35).</summary>
public static class MetricsSetup
{
    public static IServiceCollection AddMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MetricsCatalog>();
        services.AddExportDefinition<MetricsExport>();
        services.AddMenuLink(new MenuLink(NavGroups.Sales, "Nav.Metrics", ConsumptionRoutes.Metrics, "insights", ConsumptionPermissions.ViewMetrics, 50));
        services.AddHomeTile(new HomeTile("Home.TileTitle.Metrics", "Home.Tile.Metrics", ConsumptionRoutes.Metrics, "insights", ConsumptionPermissions.ViewMetrics, 50));
        return services;
    }
}
