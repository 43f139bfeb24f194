using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;

namespace BlazorPartner.Platform.Seeding;

/// <summary>
/// A slice's demo data. The core seeder creates the organizations and accounts of <see cref="DemoAccounts"/>, then runs
/// every registered <see cref="IDemoData"/> in <see cref="Order"/>; a new slice adds its own without touching the core.
/// </summary>
public interface IDemoData
{
    /// <summary>Lower runs first (e.g. customers before the vouchers issued to them).</summary>
    int Order { get; }

    Task SeedAsync(DemoSeedContext demo, CancellationToken ct);
}

/// <summary>What the core seeder made, for the slices to build on.</summary>
public sealed record DemoSeedContext(
    Organization Vendor,
    Organization PartnerA,
    Organization PartnerB,
    Organization PartnerC,
    IReadOnlyDictionary<string, AppUser> UsersByEmail,
    DateTime NowUtc)
{
    public AppUser User(string email) => UsersByEmail[email];
}
