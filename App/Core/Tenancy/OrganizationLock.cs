using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Core.Tenancy;

/// <summary>
/// Serializes one partner's writers that must see each other's result, such as two admins creating the tenth custom
/// role at once. The no-op update of the organization row is the transaction's first statement and a write: PostgreSQL
/// holds the row lock until commit, SQLite takes its write lock. Coarse on purpose: only rare admin commands use it.
/// </summary>
public static class OrganizationLock
{
    public static async Task LockAsync(AppDbContext db, Guid organizationId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The organization lock only means something inside a transaction.");
        }

        var locked = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == organizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Kind, o => o.Kind), ct);
        if (locked == 0)
        {
            throw new InvalidOperationException($"Organization {organizationId} does not exist.");
        }
    }
}
