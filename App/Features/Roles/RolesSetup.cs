using BlazorPartner.Components.Navigation;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Seeding;

namespace BlazorPartner.Features.Roles;

/// <summary>Roles and permissions (R1): the partner's system roles, read-only, and up to ten custom roles it defines.</summary>
public static class RolesSetup
{
    public static IServiceCollection AddRoles(this IServiceCollection services)
    {
        services.AddPermissions(RolePermissions.All);
        services.AddSingleton<PartnerRoles>();
        services.AddScoped<IDemoData, RoleDemoData>();
        services.AddMenuLink(new MenuLink(NavGroups.Organization, "Nav.Roles", RoleRoutes.Roles, "admin_panel_settings", RolePermissions.View, 20));
        return services;
    }
}
