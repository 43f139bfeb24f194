namespace BlazorPartner.Core.Tenancy;

/// <summary>
/// A row that belongs to one partner organization. AppDbContext applies the named "Tenant" query filter to every
/// implementer, so a context that was not given a tenant scope sees none of these rows.
/// </summary>
public interface ITenantOwned
{
    Guid OrganizationId { get; }
}

/// <summary>
/// A row that belongs to one organization or, with a null organization, to the platform (e.g. the audit row of a work
/// calendar edit). Filtered like <see cref="ITenantOwned"/>: platform rows are visible only to cross-tenant scopes.
/// </summary>
public interface ITenantOwnedOrPlatform
{
    Guid? OrganizationId { get; }
}
