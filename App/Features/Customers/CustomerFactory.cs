using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Validation;

namespace BlazorPartner.Features.Customers;

/// <summary>
/// Builds an associated customer with its opening assignment period, for demo data, tests and the benchmark, which need
/// customers without walking each one through registration and invitation. The invitation flow builds its own.
/// </summary>
public static class CustomerFactory
{
    public static (Customer Customer, CustomerAssignment? Assignment) Associated(
        Guid organizationId,
        string name,
        string creditCode,
        AssociationMode mode,
        string? accountManagerUserId,
        DateTime associatedAtUtc,
        string assignedByUserId = "",
        string assignedByName = "",
        ContractingEntity contractingEntity = ContractingEntity.ChinaMainland)
    {
        var customer = new Customer
        {
            OrganizationId = organizationId,
            Name = name,
            CreditCode = CreditCode.Normalize(creditCode),
            ContactName = "",
            Mode = mode,
            Status = CustomerStatus.Associated,
            ContractingEntity = contractingEntity,
            AccountManagerUserId = accountManagerUserId,
            AssociatedAtUtc = associatedAtUtc,
            UpdatedAtUtc = associatedAtUtc,
        };
        var assignment = accountManagerUserId is null ? null : new CustomerAssignment
        {
            OrganizationId = organizationId,
            CustomerId = customer.Id,
            AccountManagerUserId = accountManagerUserId,
            FromUtc = associatedAtUtc,
            AssignedByUserId = assignedByUserId,
            AssignedByName = assignedByName,
        };
        return (customer, assignment);
    }

    /// <summary>A valid credit code derived from a number, so generated customers never collide (demo, tests, benchmark).</summary>
    public static string CreditCodeFor(long number) => CreditCode.WithCheckCharacter($"91{number % 1_000_000_000_000_000:D15}");
}
