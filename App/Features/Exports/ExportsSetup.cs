namespace BlazorPartner.Features.Exports;

/// <summary>The export center: background exports with progress, "My exports", and the authorized download endpoint.</summary>
public static class ExportsSetup
{
    public static IServiceCollection AddExports(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
