using BlazorPartner.Components.Navigation;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Seeding;

namespace BlazorPartner.Platform;

public static class CoreRegistration
{
    /// <summary>
    /// The services every slice builds on, independent of the web host: clock, localization, calendar, permissions,
    /// system roles, navigation filtering and seeding. The app and the tests both start from here.
    /// </summary>
    public static IServiceCollection AddAppCore(this IServiceCollection services)
    {
        services.AddLogging();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton(TimeProvider.System);
        services.AddAuthorizationCore(Policies.Register);
        services.AddPermissions([]);
        services.AddSingleton<WorkCalendarService>();
        services.AddSingleton<SystemRoles>();
        services.AddHostedService<SystemRolesWorker>();
        services.AddSingleton<ActorDirectory>();
        services.AddScoped<VisibleNavigation>();
        services.AddScoped<DemoDataSeeder>();
        return services;
    }
}
