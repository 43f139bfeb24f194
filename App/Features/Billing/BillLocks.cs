using BlazorPartner.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BlazorPartner.Features.Billing;

/// <summary>
/// Serializes the two writers of a (partner, period): bill generation and recording an adjustment, so an adjustment is
/// either in the bill or refused, never lost between them. On PostgreSQL a transaction-scoped advisory lock on the pair;
/// on SQLite the transaction's first statement is a write, which already serializes writers.
/// </summary>
internal static class BillLocks
{
    public static async Task LockAsync(AppDbContext db, Guid partner, DateOnly period, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var bytes = partner.ToByteArray();
        var key = unchecked(((BitConverter.ToInt64(bytes, 0) ^ BitConverter.ToInt64(bytes, 8)) * 31) + period.DayNumber);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [key], ct);
    }
}
