namespace BlazorPartner.Features.Consumption.Metrics;

/// <summary>The metrics page and its catalog (R35).</summary>
public static class MetricsSetup
{
    public static IServiceCollection AddMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
