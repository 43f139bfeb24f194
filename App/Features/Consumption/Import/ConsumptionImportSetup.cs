namespace BlazorPartner.Features.Consumption.Import;

/// <summary>Import of consumption files (CSV, XLSX) in the background, and the retention job (R33).</summary>
public static class ConsumptionImportSetup
{
    public static IServiceCollection AddConsumptionImport(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
