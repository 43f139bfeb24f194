using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.Roles;

public static class RoleRoutes
{
    public const string Roles = "/organization/roles";
}

/// <summary>What the roles slice lets roles do. Page policies and service checks both use these names.</summary>
public static class RolePermissions
{
    public const string Group = "Roles";

    public const string View = "roles.view";
    public const string Manage = "roles.manage";

    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        new(View, Group, [AppRoles.PartnerAdmin]),
        new(Manage, Group, [AppRoles.PartnerAdmin]),
    ];
}

/// <summary>Audit action codes; each has an <c>AuditAction.{code}</c> resource.</summary>
public static class RoleAuditActions
{
    public const string Create = "role.create";
    public const string Update = "role.update";
    public const string Delete = "role.delete";

    /// <summary>A member's roles changed (recorded on the member).</summary>
    public const string MemberRoles = "member.roles";
}

/// <summary>Notification kinds of the roles slice (also the kinds of their outbox mails).</summary>
public static class RoleNotifications
{
    public const string MemberRolesChanged = "member.roles-changed";
}

/// <summary>R1's numbers, and which roles and permissions a partner may hand out.</summary>
public static class RoleRules
{
    public const int MaxCustomRoles = 10;

    public const int MaxTitle = AppRole.MaxTitle;

    /// <summary>The system roles a partner gives its members. The vendor's own role is never given by a partner.</summary>
    public static readonly IReadOnlyList<string> PartnerSystemRoles = [AppRoles.PartnerAdmin, AppRoles.AccountManagerSupervisor, AppRoles.AccountManager, AppRoles.Finance, AppRoles.DistributorReviewer];

    /// <summary>System roles that only a distributor has and gives: deciding reseller applications (R40) means nothing elsewhere.</summary>
    public static readonly IReadOnlyList<string> DistributorOnlyRoles = [AppRoles.DistributorReviewer];

    public static bool IsGivenAt(string systemRole, OrganizationKind kind) =>
        kind == OrganizationKind.Distributor || !DistributorOnlyRoles.Contains(systemRole);

    /// <summary>How roles are listed: the system roles in <see cref="PartnerSystemRoles"/>' order, then custom roles by title.</summary>
    public static IEnumerable<T> InDisplayOrder<T>(IEnumerable<T> roles, Func<T, string> name, Func<T, string?> title) =>
        roles.OrderBy(r => title(r) is null ? IndexOfSystemRole(name(r)) : int.MaxValue)
            .ThenBy(title, StringComparer.CurrentCultureIgnoreCase);

    private static int IndexOfSystemRole(string name)
    {
        for (var i = 0; i < PartnerSystemRoles.Count; i++)
        {
            if (PartnerSystemRoles[i] == name)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>
    /// R1: whether <paramref name="actor"/> may give or withdraw <paramref name="permission"/>: only what they hold
    /// themselves, so managing members or roles is no way up. The partner admin gives everything the partner may give:
    /// R1 makes that the admin's job, and a distributor's admin hands out the reviewer's reseller decisions without
    /// holding them.
    /// </summary>
    public static bool CanGive(Actor actor, string permission) => actor.IsInRole(AppRoles.PartnerAdmin) || actor.Can(permission);

    /// <summary>
    /// System roles whose reach is more than their permissions: the partner admin sees every record and gives everything,
    /// finance sees every customer, a supervisor their team's (R3). Comparing permissions alone would let a member manager
    /// whose custom role matches one of them hand it out (and an admin made that way could then promote the manager).
    /// </summary>
    private static readonly string[] RolesWithWiderReach = [AppRoles.PartnerAdmin, AppRoles.Finance, AppRoles.AccountManagerSupervisor];

    /// <summary>R1: whether <paramref name="actor"/> may give or take away the role itself, apart from its permissions.</summary>
    public static bool CanGiveRole(Actor actor, string roleName) =>
        actor.IsInRole(AppRoles.PartnerAdmin) || !RolesWithWiderReach.Contains(roleName, StringComparer.Ordinal) || actor.IsInRole(roleName);

    /// <summary>
    /// What a custom role at a partner of <paramref name="kind"/> may hold: whatever a system role given there holds by default.
    /// Vendor-only permissions (sharing opportunities, granting quotas, importing consumption…) are never a partner's to give,
    /// and a distributor's own (deciding reseller applications) only a distributor's.
    /// </summary>
    public static IReadOnlyList<PermissionDefinition> Grantable(PermissionCatalog catalog, OrganizationKind kind) =>
        catalog.All.Where(p => p.DefaultRoles.Any(r => PartnerSystemRoles.Contains(r) && IsGivenAt(r, kind))).ToList();
}

/// <summary>A role as a member list or a picker shows it: a system role by its resource, a custom role by its title.</summary>
public sealed record RoleOption(string Name, string? Title)
{
    public bool IsSystem => Title is null;

    /// <summary>What an audit row stores: a resource key for a system role (translated when read), the title for a custom one.</summary>
    public string AuditText => Title ?? $"Role.{Name}";

    public string Label(Microsoft.Extensions.Localization.IStringLocalizer localizer) => Title ?? localizer[$"Role.{Name}"].Value;

    /// <summary>Options for stored role names, in <paramref name="known"/>'s order; a name no longer known is left out.</summary>
    public static IReadOnlyList<RoleOption> For(IEnumerable<string> names, IReadOnlyList<RoleOption> known)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        return known.Where(o => set.Contains(o.Name)).ToList();
    }
}
