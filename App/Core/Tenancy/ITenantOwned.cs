namespace BlazorPartner.Core.Tenancy;

/// <summary>
/// A row that belongs to one partner organization. AppDbContext applies a global query filter to every
/// implementer, so a context that was not given a tenant scope sees none of these rows.
/// </summary>
public interface ITenantOwned
{
    Guid OrganizationId { get; }
}
