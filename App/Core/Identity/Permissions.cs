namespace BlazorPartner.Core.Identity;

/// <summary>
/// Fine-grained permissions. Roles grant permissions (see <see cref="RolePermissions"/>); pages authorize with
/// policies built on these, and services re-check them on every command.
/// </summary>
public static class Permissions
{
    public const string ClaimType = "bp:permission";

    public const string OpportunitiesView = "opportunities.view";
    public const string OpportunitiesRespond = "opportunities.respond";
    public const string OpportunitiesAssign = "opportunities.assign";
    public const string OpportunitiesProgress = "opportunities.progress";
    public const string OpportunitiesExport = "opportunities.export";
    public const string OpportunitiesShare = "opportunities.share";
    public const string CalendarEdit = "calendar.edit";
}

public static class RolePermissions
{
    private static readonly Dictionary<string, string[]> Map = new()
    {
        [AppRoles.VendorOperator] =
        [
            Permissions.OpportunitiesView, Permissions.OpportunitiesShare, Permissions.OpportunitiesExport, Permissions.CalendarEdit,
        ],
        [AppRoles.PartnerAdmin] =
        [
            Permissions.OpportunitiesView, Permissions.OpportunitiesRespond, Permissions.OpportunitiesAssign,
            Permissions.OpportunitiesProgress, Permissions.OpportunitiesExport,
        ],
        // Supervisors view their team's opportunities but do not act on them (same rule as R13 for deal registrations).
        [AppRoles.AccountManagerSupervisor] = [Permissions.OpportunitiesView, Permissions.OpportunitiesExport],
        [AppRoles.AccountManager] =
        [
            Permissions.OpportunitiesView, Permissions.OpportunitiesRespond, Permissions.OpportunitiesProgress, Permissions.OpportunitiesExport,
        ],
        [AppRoles.Finance] = [],
    };

    public static IEnumerable<string> For(IEnumerable<string> roles) =>
        roles.SelectMany(role => Map.TryGetValue(role, out var granted) ? granted : []).Distinct();
}
