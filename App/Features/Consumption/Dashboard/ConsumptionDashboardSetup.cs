namespace BlazorPartner.Features.Consumption.Dashboard;

/// <summary>The consumption dashboard, its drill-down detail and its export (R32, R33).</summary>
public static class ConsumptionDashboardSetup
{
    public static IServiceCollection AddConsumptionDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
