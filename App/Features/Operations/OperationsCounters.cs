using System.Diagnostics;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Operations;

public static class OperationsPermissions
{
    public const string Group = "Operations";

    /// <summary>The vendor operator reads the instance's own counters (issue 9 §5).</summary>
    public const string View = "operations.view";

    public static readonly IReadOnlyList<PermissionDefinition> All = [new(View, Group, [AppRoles.VendorOperator])];
}

public static class OperationsRoutes
{
    public const string Counters = "/vendor/operations";
}

public sealed record ExportQueueCounts(int Queued, int Running, int FailedLastDay);

/// <summary>What one instance is doing right now: the counters an operator reads before asking for logs.</summary>
public sealed record OperationsSnapshot(
    string Instance,
    DateTime StartedUtc,
    int OpenCircuits,
    int ConnectedCircuits,
    long WorkingSetBytes,
    long ManagedBytes,
    IReadOnlyList<JobBeat> Jobs,
    ExportQueueCounts Exports,
    DateTime TakenUtc);

/// <summary>
/// The vendor operator's view of this instance (issue 9 §5): circuits held and connected, memory, each periodic job's last
/// pass, and the export queue (which is shared by every instance, so it is read from the database).
/// </summary>
public sealed class OperationsCounters(IDbContextFactory<AppDbContext> dbFactory, OpenCircuits circuits, JobHeartbeats jobs, TimeProvider time)
{
    public async Task<OperationsSnapshot> SnapshotAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsVendor || !actor.Can(OperationsPermissions.View))
        {
            throw new AccessDeniedException(OperationsPermissions.View);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var dayAgo = now.AddDays(-1);
        await using var db = await dbFactory.CreateSystemAsync(ct);
        // One read of the queue: the (Status, CreatedUtc) index serves each status' count.
        var counts = await db.ExportJobs
            .Where(j => j.Status == ExportJobStatus.Queued || j.Status == ExportJobStatus.Running || (j.Status == ExportJobStatus.Failed && j.CreatedUtc >= dayAgo))
            .GroupBy(j => j.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        using var process = Process.GetCurrentProcess();
        return new OperationsSnapshot(
            Environment.MachineName + ":" + Environment.ProcessId,
            process.StartTime.ToUniversalTime(),
            circuits.Open,
            circuits.Connected,
            process.WorkingSet64,
            GC.GetTotalMemory(forceFullCollection: false),
            jobs.All,
            new ExportQueueCounts(counts.GetValueOrDefault(ExportJobStatus.Queued), counts.GetValueOrDefault(ExportJobStatus.Running), counts.GetValueOrDefault(ExportJobStatus.Failed)),
            now);
    }
}
