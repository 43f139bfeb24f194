using BlazorPartner.Platform.Jobs;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Features.Vouchers;

public sealed class VoucherOptions
{
    public const string Section = "Vouchers";

    public bool ExpiryEnabled { get; set; } = true;

    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// R28: expires usable vouchers whose validity ended (end of the last Beijing day), set-based: one UPDATE claims every
/// due row with this pass's run id (the status condition is re-checked under the row lock, so of two app instances each
/// voucher is claimed by exactly one), and one INSERT … SELECT writes their operation-log rows, in one transaction.
/// The unspent balance lapses; it does not return to the quota.
/// </summary>
public sealed class VoucherExpiry(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<VoucherExpiry> logger) : IPeriodicJob
{
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var runId = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateSystemAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var expired = await db.Vouchers
            .Where(v => v.Status == VoucherStatus.Usable && v.ValidToUtc <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(v => v.Status, VoucherStatus.Expired)
                .SetProperty(v => v.ClosedAtUtc, now)
                .SetProperty(v => v.ExpiryRunId, runId)
                .SetProperty(v => v.Version, v => v.Version + 1), ct);
        if (expired == 0)
        {
            await transaction.RollbackAsync(ct);
            return 0;
        }

        // Identifiers in double quotes read the same on SQLite and PostgreSQL; only text and integer parameters are bound.
        var logged = await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "VoucherOperations" ("OrganizationId", "Kind", "QuotaId", "VoucherId", "CustomerId", "AmountFen", "OperatorUserId", "OperatorName", "AtUtc")
            SELECT "OrganizationId", {0}, "QuotaId", "Id", "CustomerId", "BalanceFen", NULL, {1}, "ClosedAtUtc" FROM "Vouchers" WHERE "ExpiryRunId" = {2}
            """,
            [(int)VoucherOperationKind.Expire, AuditExtensions.SystemActorName, runId], ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Expired {Count} vouchers ({Logged} log rows, run {RunId})", expired, logged, runId);
        return expired;
    }
}
