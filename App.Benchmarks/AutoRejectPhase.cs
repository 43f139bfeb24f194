using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Benchmarks;

internal sealed record AutoRejectResult(int Rejected, TimeSpan Elapsed, int OverdueBefore, int OverdueAfter, int AuditRows);

/// <summary>One <see cref="OpportunityAutoRejecter.RunOnceAsync"/> pass over every overdue pending row, checked afterwards.</summary>
internal sealed class AutoRejectPhase(OpportunityAutoRejecter rejecter, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<AutoRejectResult> RunAsync(CancellationToken ct = default)
    {
        var overdueBefore = await CountOverdueAsync(ct);
        var (rejected, elapsed) = await Measure.OnceAsync(() => rejecter.RunOnceAsync(ct));
        var overdueAfter = await CountOverdueAsync(ct);
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var auditRows = await db.AuditEntries.CountAsync(a => a.Action == "opportunity.auto-reject", ct);
        return new AutoRejectResult(rejected, elapsed, overdueBefore, overdueAfter, auditRows);
    }

    private async Task<int> CountOverdueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateSystemAsync(ct);
        return await db.Opportunities.CountAsync(o => o.Status == OpportunityStatus.PendingAcceptance && o.DeadlineUtc <= now, ct);
    }
}
