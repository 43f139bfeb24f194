using BlazorPartner.Platform.Notifications;
using BlazorPartner.Platform.Jobs;
using BlazorPartner.Components.Navigation;
using BlazorPartner.Features.Customers.Registrations;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Platform.Seeding;

namespace BlazorPartner.Features.Customers;

/// <summary>Registration (报备, R15), the vendor's review inbox, invitations and the public associate page (R16).</summary>
public static class CustomerRegistrationsSetup
{
    public static IServiceCollection AddCustomerRegistrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RegistrationOptions>(configuration.GetSection(RegistrationOptions.Section));
        services.AddOutbox();
        services.AddNotifier();
        services.AddSingleton<RegistrationService>();
        services.AddSingleton<RegistrationQueries>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<InvitationAcceptance>();
        services.AddSingleton<RegistrationExpirer>();
        services.AddSingleton<ICustomerUnbindingStep, ReleaseRegistrationOnUnbinding>();
        services.AddPeriodicJob<RegistrationExpirer, RegistrationOptions>(o => new PeriodicJobSchedule(o.ExpiryEnabled, o.ExpiryInterval));
        services.AddScoped<IDemoData, RegistrationDemoData>();

        services.AddMenuLink(new MenuLink(NavGroups.Sales, "Nav.CustomerRegistrations", RegistrationRoutes.Partner, "how_to_reg", RegistrationPolicies.PartnerList, 30));
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.RegistrationInbox", RegistrationRoutes.VendorInbox, "fact_check", CustomerPermissions.ReviewRegistrations, 40));
        services.AddHomeTile(new HomeTile("Home.TileTitle.CustomerRegistrations", "Home.Tile.CustomerRegistrations", RegistrationRoutes.Partner, "how_to_reg", RegistrationPolicies.PartnerList, 30));
        services.AddHomeTile(new HomeTile("Home.TileTitle.RegistrationInbox", "Home.Tile.RegistrationInbox", RegistrationRoutes.VendorInbox, "fact_check", CustomerPermissions.ReviewRegistrations, 40));
        services.AddAuthorizationBuilder().AddPolicy(RegistrationPolicies.PartnerList, p => p
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx => !ctx.User.IsInRole(Core.Identity.AppRoles.VendorOperator)
                && (ctx.User.HasClaim(Core.Identity.Permissions.ClaimType, CustomerPermissions.Register)
                    || (ctx.User.HasClaim(Core.Identity.Permissions.ClaimType, CustomerPermissions.View) && ctx.User.IsInRole(Core.Identity.AppRoles.AccountManagerSupervisor)))));
        return services;
    }
}

public static class RegistrationPolicies
{
    /// <summary>The partner's registrations page: whoever registers (admin, account manager), and supervisors to read their team's (R3).</summary>
    public const string PartnerList = "customers.registrations-list";
}
