using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Seeding;

namespace BlazorPartner.Features.Consumption;

/// <summary>
/// The consumption slice's foundation (R18, R33): the detail, its monthly rollup, day attribution, the 18-month window,
/// the generator and the demo data. The import, dashboard, metrics and bills that build on it are not on main yet.
/// </summary>
public static class ConsumptionSetup
{
    public static IServiceCollection AddConsumption(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions(ConsumptionPermissions.All);
        services.AddScoped<IDemoData, ConsumptionDemoData>();
        return services;
    }
}
