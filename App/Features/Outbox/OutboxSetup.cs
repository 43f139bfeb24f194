using BlazorPartner.Components.Navigation;
using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.Outbox;

/// <summary>The vendor operator's view of every mail the app sent: there is no SMTP server here, the outbox is the mailbox.</summary>
public static class OutboxSetup
{
    public static IServiceCollection AddOutboxViewer(this IServiceCollection services)
    {
        services.AddSingleton<OutboxQueries>();
        services.AddPermissions(OutboxPermissions.All);
        services.AddMenuLink(new MenuLink(NavGroups.Vendor, "Nav.Outbox", OutboxRoutes.List, "outbox", OutboxPermissions.View, 90));
        return services;
    }
}
