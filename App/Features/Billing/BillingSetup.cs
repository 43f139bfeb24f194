using BlazorPartner.Components.Navigation;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Platform.Jobs;
using BlazorPartner.Platform.Seeding;

namespace BlazorPartner.Features.Billing;

/// <summary>Everything the billing slice brings (R34): monthly bills, their generation job, the bill page and its export.</summary>
public static class BillingSetup
{
    public static IServiceCollection AddBilling(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BillingOptions>(configuration.GetSection(BillingOptions.Section));
        services.AddSingleton<BillGeneration>();
        services.AddSingleton<BillQueries>();
        services.AddSingleton<BillAdjustments>();
        services.AddExportDefinition<BillLinesExport>();
        services.AddPeriodicJob<BillGeneration, BillingOptions>(o => new PeriodicJobSchedule(o.Enabled, o.Interval));
        services.AddScoped<IDemoData, BillingDemoData>();

        services.AddMenuLink(new MenuLink(NavGroups.Finance, "Nav.Bills", ConsumptionRoutes.Bills, "receipt", ConsumptionPermissions.ViewBills, 20));
        services.AddHomeTile(new HomeTile("Home.TileTitle.Bills", "Home.Tile.Bills", ConsumptionRoutes.Bills, "receipt", ConsumptionPermissions.ViewBills, 32));
        return services;
    }
}
