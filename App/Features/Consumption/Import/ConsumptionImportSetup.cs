using BlazorPartner.Components.Navigation;
using BlazorPartner.Platform.Jobs;

namespace BlazorPartner.Features.Consumption.Import;

/// <summary>Import of consumption files (CSV, XLSX) in the background, and the retention job (R33).</summary>
public static class ConsumptionImportSetup
{
    public static IServiceCollection AddConsumptionImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConsumptionImportOptions>(configuration.GetSection(ConsumptionImportOptions.Section));
        services.Configure<ConsumptionRetentionOptions>(configuration.GetSection(ConsumptionRetentionOptions.Section));
        services.AddSingleton<ConsumptionImports>();
        services.AddSingleton<ConsumptionImportRunner>();
        services.AddSingleton<ConsumptionRetention>();
        services.AddPeriodicJob<ConsumptionImportRunner, ConsumptionImportOptions>(o => new PeriodicJobSchedule(o.RunnerEnabled, o.RunnerInterval));
        services.AddPeriodicJob<ConsumptionRetention, ConsumptionRetentionOptions>(o => new PeriodicJobSchedule(o.Enabled, o.Interval));
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.ConsumptionImport", ConsumptionRoutes.Import, "upload_file", ConsumptionPermissions.Import, 50));
        services.AddHomeTile(new HomeTile("Home.TileTitle.ConsumptionImport", "Home.Tile.ConsumptionImport", ConsumptionRoutes.Import, "upload_file", ConsumptionPermissions.Import, 50));
        return services;
    }
}
