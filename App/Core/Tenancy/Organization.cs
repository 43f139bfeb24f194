namespace BlazorPartner.Core.Tenancy;

public enum OrganizationKind
{
    Vendor = 0,
    SolutionProvider = 1,
    Distributor = 2,
    Reseller = 3,
}

public class Organization
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public OrganizationKind Kind { get; set; }

    /// <summary>The distributor a reseller buys through (R29, R43); null for everyone else.</summary>
    public Guid? ParentOrganizationId { get; set; }

    public DateTime CreatedUtc { get; set; }
}
