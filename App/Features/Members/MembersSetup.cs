using BlazorPartner.Components.Navigation;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Notifications;
using BlazorPartner.Platform.Outbox;
using BlazorPartner.Platform.Seeding;

namespace BlazorPartner.Features.Members;

/// <summary>Members (R1, R2): the admin's member list and invitations, the public join page, unbinding.</summary>
public static class MembersSetup
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddOutbox();
        services.AddNotifier();
        services.AddPermissions(MemberPermissions.All);
        services.AddSingleton<MemberInvitations>();
        services.AddSingleton<MemberDirectory>();
        services.AddScoped<MemberJoin>();
        services.AddScoped<IDemoData, MemberDemoData>();
        services.AddMenuLink(new MenuLink(NavGroups.Organization, "Nav.Members", MemberRoutes.Members, "group", MemberPermissions.View, 10));
        services.AddHomeTile(new HomeTile("Home.TileTitle.Members", "Home.Tile.Members", MemberRoutes.Members, "group", MemberPermissions.View, 80));
        return services;
    }
}
