using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Platform.Exports;

/// <summary>
/// Removes finished jobs whose retention ended, and their files (the chunks go with the job: on delete cascade).
/// Deleting is idempotent, so two instances running it at once do no harm.
/// </summary>
public sealed class ExportExpiry(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<ExportExpiry> logger) : IPeriodicJob
{
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var expired = await db.ExportJobs
            .Where(j => j.ExpiresUtc != null && j.ExpiresUtc <= now
                        && j.Status != ExportJobStatus.Queued && j.Status != ExportJobStatus.Running)
            .Select(j => j.Id)
            .Take(500)
            .ToListAsync(ct);
        if (expired.Count == 0)
        {
            return 0;
        }

        // Chunks first, explicitly: cascade covers it too, but SQLite only cascades with foreign keys enabled.
        await db.ExportFileChunks.Where(c => expired.Contains(c.JobId)).ExecuteDeleteAsync(ct);
        var removed = await db.ExportJobs.Where(j => expired.Contains(j.Id)).ExecuteDeleteAsync(ct);
        logger.LogInformation("Removed {Count} expired exports and their files", removed);
        return removed;
    }
}
