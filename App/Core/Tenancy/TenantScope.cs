using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;

namespace BlazorPartner.Core.Tenancy;

/// <summary>
/// Which partner's rows a DbContext may see. The default (<see cref="None"/>) sees no tenant-owned rows at all,
/// so forgetting to scope a context fails closed instead of leaking another partner's data.
/// </summary>
public sealed record TenantScope(Guid? OrganizationId, bool CrossTenant)
{
    public static readonly TenantScope None = new(null, false);

    /// <summary>Background jobs and seeding act for the platform, across all partners, on purpose.</summary>
    public static readonly TenantScope System = new(null, true);

    public static TenantScope For(Actor actor) =>
        actor.IsVendor ? new TenantScope(actor.OrganizationId, CrossTenant: true) : new TenantScope(actor.OrganizationId, CrossTenant: false);
}
