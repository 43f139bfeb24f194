using BlazorPartner.Components.Navigation;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Jobs;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlazorPartner.Features.Operations;

/// <summary>Operating the app (issue 9 §5): the instance's own counters for the vendor operator.</summary>
public static class OperationsSetup
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddPermissions(OperationsPermissions.All);
        services.AddJobHeartbeats();
        services.AddSingleton<OpenCircuits>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, OpenCircuitsHandler>());
        services.AddSingleton<OperationsCounters>();
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.Operations", OperationsRoutes.Counters, "monitor_heart", OperationsPermissions.View, 90));
        return services;
    }
}
