using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Seeding;
using BlazorPartner.Features.Consumption.Dashboard;
using BlazorPartner.Features.Consumption.Import;
using BlazorPartner.Features.Consumption.Metrics;

namespace BlazorPartner.Features.Consumption;

/// <summary>
/// Everything the consumption slice brings (R18, R32–R35): the detail and its rollups, import, retention, the
/// dashboard and the metrics page. Each part registers itself in its own folder's setup file.
/// </summary>
public static class ConsumptionSetup
{
    public static IServiceCollection AddConsumption(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions(ConsumptionPermissions.All);
        services.AddScoped<IDemoData, ConsumptionDemoData>();
        return services
            .AddConsumptionImport(configuration)
            .AddConsumptionDashboard(configuration)
            .AddMetrics(configuration);
    }
}
