using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Features.WorkCalendar;

namespace BlazorPartner.Benchmarks;

/// <summary>The system roles' default permissions, for actors the benchmark builds without signing in.</summary>
internal static class RolePermissions
{
    private static readonly PermissionCatalog Catalog = new(OpportunityPermissions.All.Concat(CalendarPermissions.All));

    public static IReadOnlySet<string> For(string role) => Catalog.DefaultsFor(role).ToHashSet();
}
