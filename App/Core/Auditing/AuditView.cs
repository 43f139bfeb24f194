using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Core.Auditing;

/// <summary>One row of an entity's history, as the history component shows it.</summary>
public sealed record AuditView(string Action, string ActorName, string? Before, string? After, string? Reason, string? ReasonKey, DateTime AtUtc);

public static class AuditQueries
{
    /// <summary>An entity's history, oldest first. Runs under the context's tenant filter like every tenant row.</summary>
    public static Task<List<AuditView>> HistoryOfAsync(this AppDbContext db, string entityType, string entityId, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderBy(a => a.AtUtc).ThenBy(a => a.Id)
            .Select(a => new AuditView(a.Action, a.ActorName, a.Before, a.After, a.Reason, a.ReasonKey, a.AtUtc))
            .ToListAsync(ct);
}
