using BlazorPartner.Components.Navigation;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Platform.Jobs;

namespace BlazorPartner.Features.Exports;

/// <summary>The export center: background exports with progress, "My exports", and the authorized download endpoint.</summary>
public static class ExportsSetup
{
    /// <summary>"My exports" is personal: every signed-in user sees their own jobs (any slice's export may enqueue one).</summary>
    public const string MyExportsPolicy = "exports.mine";

    public static IServiceCollection AddExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExportOptions>(configuration.GetSection(ExportOptions.Section));
        services.AddSingleton<ExportSignal>();
        services.AddSingleton<ExportFileStore>();
        services.AddSingleton<ExportCenter>();
        services.AddSingleton<IExportCenter>(sp => sp.GetRequiredService<ExportCenter>());
        services.AddSingleton<ExportWorker>();
        services.AddHostedService<ExportWorkerService>();
        services.AddSingleton<ExportExpiry>();
        services.AddPeriodicJob<ExportExpiry, ExportOptions>(o => new PeriodicJobSchedule(o.ExpiryEnabled, o.ExpiryInterval));
        services.AddAuthorizationBuilder().AddPolicy(MyExportsPolicy, p => p.RequireAuthenticatedUser());
        // In the Organization group, last: it is the one group every role's menu has room for, and exports are not
        // a sales or finance matter only (the vendor exports too). No change to the shared top bar.
        services.AddMenuLink(new MenuLink(NavGroups.Organization, "Nav.MyExports", ExportRoutes.MyExports, "download", MyExportsPolicy, 90));
        return services;
    }
}
