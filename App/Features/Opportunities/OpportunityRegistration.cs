namespace BlazorPartner.Features.Opportunities;

public static class OpportunityRegistration
{
    public static IServiceCollection AddOpportunities(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OpportunityOptions>(configuration.GetSection(OpportunityOptions.Section));
        services.AddSingleton<OpportunityQueries>();
        services.AddSingleton<OpportunityWorkflow>();
        services.AddSingleton<OpportunitySharing>();
        services.AddSingleton<OpportunityAutoRejecter>();
        services.AddScoped<OpportunityExporter>();
        services.AddScoped<Components.OpportunityActionsUi>();
        services.AddHostedService<OpportunityAutoRejectWorker>();
        return services;
    }
}
