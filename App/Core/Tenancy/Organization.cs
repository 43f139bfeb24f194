namespace BlazorPartner.Core.Tenancy;

public enum OrganizationKind
{
    Vendor = 0,
    SolutionProvider = 1,
    Distributor = 2,
    Reseller = 3,
}

/// <summary>
/// The vendor entity a party signs its cloud contract with. R30 compares a customer's with its partner's: a cash coupon
/// invoiced to its user may only go to customers contracting with the same entity.
/// </summary>
public enum ContractingEntity
{
    ChinaMainland = 0,
    HongKong = 1,
}

public class Organization
{
    public const int MaxName = 200;

    /// <summary>
    /// A unique name for an organization whose company name is taken (names are unique: people sign in by them): the name
    /// with a unique, language-neutral <paramref name="suffix"/> (an application number), the name shortened to fit.
    /// </summary>
    public static string NameWithSuffix(string name, string suffix)
    {
        var tail = $" · {suffix}";
        return (name.Length + tail.Length <= MaxName ? name : name[..(MaxName - tail.Length)].TrimEnd()) + tail;
    }

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public OrganizationKind Kind { get; set; }

    /// <summary>The distributor a reseller buys through (R29, R43); null for everyone else.</summary>
    public Guid? ParentOrganizationId { get; set; }

    public ContractingEntity ContractingEntity { get; set; }

    public DateTime CreatedUtc { get; set; }
}
