using BlazorPartner.Platform.Live;
using BlazorPartner.Platform.Jobs;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Components.Navigation;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Seeding;

namespace BlazorPartner.Features.Opportunities;

public static class OpportunityRegistration
{
    /// <summary>Everything the opportunity slice brings: permissions, services, job, menu links, start-page tiles, demo data.</summary>
    public static IServiceCollection AddOpportunities(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OpportunityOptions>(configuration.GetSection(OpportunityOptions.Section));
        services.AddPermissions(OpportunityPermissions.All);
        services.AddChangeFeed();
        services.AddSingleton<OpportunityQueries>();
        services.AddSingleton<OpportunityWorkflow>();
        services.AddSingleton<OpportunitySharing>();
        services.AddSingleton<OpportunityAutoRejecter>();
        services.AddScoped<OpportunityExporter>();
        services.AddExportDefinition<OpportunityExportDefinition>();
        services.AddScoped<Components.OpportunityDialogs>();
        services.AddPeriodicJob<OpportunityAutoRejecter, OpportunityOptions>(o => new PeriodicJobSchedule(o.AutoRejectEnabled, o.AutoRejectInterval));
        services.AddScoped<IDemoData, OpportunityDemoData>();

        services.AddMenuLink(new MenuLink(NavGroups.Sales, "Nav.SharedByVendor", OpportunityRoutes.Shared, "inbox", OpportunityPolicies.PartnerView, 10));
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.AllSharedOpportunities", OpportunityRoutes.VendorList, "list", OpportunityPermissions.Share, 10, Microsoft.AspNetCore.Components.Routing.NavLinkMatch.All));
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.ShareOpportunity", OpportunityRoutes.Share, "send", OpportunityPermissions.Share, 20));
        services.AddHomeTile(new HomeTile("Home.TileTitle.SharedByVendor", "Home.Tile.SharedByVendor", OpportunityRoutes.Shared, "inbox", OpportunityPolicies.PartnerView, 10));
        services.AddHomeTile(new HomeTile("Home.TileTitle.AllShared", "Home.Tile.AllShared", OpportunityRoutes.VendorList, "list", OpportunityPermissions.Share, 10));
        services.AddHomeTile(new HomeTile("Home.TileTitle.Share", "Home.Tile.Share", OpportunityRoutes.Share, "send", OpportunityPermissions.Share, 20));
        services.AddAuthorizationBuilder().AddPolicy(OpportunityPolicies.PartnerView, p => p
            .RequireAuthenticatedUser()
            .RequireClaim(Permissions.ClaimType, OpportunityPermissions.View)
            .RequireAssertion(ctx => !ctx.User.IsInRole(AppRoles.VendorOperator)));
        return services;
    }
}

public static class OpportunityPolicies
{
    /// <summary>A partner member who may view opportunities: the partner console's list (finance, for one, may not).</summary>
    public const string PartnerView = "opportunities.partner-view";
}
