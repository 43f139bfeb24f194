using BlazorPartner.Components.Navigation;
using BlazorPartner.Core.Identity;

namespace BlazorPartner.Platform.Outbox;

public static class OutboxRegistration
{
    /// <summary>
    /// The mail sender, the outbox page and its permission. Idempotent: every slice that sends mail (customer
    /// invitations, member invitations) calls it, and the first call registers it.
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(IMailSender)))
        {
            return services;
        }

        services.AddSingleton<IMailSender, OutboxMailSender>();
        services.AddSingleton<OutboxQueries>();
        services.AddPermissions(OutboxPermissions.All);
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.Outbox", OutboxRoutes.List, "outbox", OutboxPermissions.View, 90));
        return services;
    }
}
