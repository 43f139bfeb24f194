using System.Globalization;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.Exports;

/// <summary>
/// Runs queued exports, one at a time per instance. A job is claimed with a conditional update (<c>Status = Queued</c> →
/// <c>Running</c> with this run's id), so of two instances exactly one runs it; every later write of the run is
/// conditional on that id. While it runs, a pulse writes rows/percent and the heartbeat every
/// <see cref="ExportOptions.ProgressInterval"/> and reads the cancel flag; a job whose heartbeat went stale (its instance
/// died) is queued again. The requester's <see cref="Actor"/> is rebuilt from the database as sign-in builds it, so a user
/// who lost the permission (or the account) gets a failed job, not a file. Public so a console can drive it
/// (<see cref="ProcessNextAsync"/>).
/// </summary>
public sealed class ExportWorker(
    IDbContextFactory<AppDbContext> dbFactory,
    IEnumerable<IExportDefinition> definitions,
    ExportFileStore files,
    ActorDirectory actors,
    IOptions<ExportOptions> options,
    TimeProvider time,
    ILogger<ExportWorker> logger)
{
    private readonly Dictionary<string, IExportDefinition> _definitions = definitions.ToDictionary(d => d.Kind, StringComparer.Ordinal);
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    private ExportOptions Options => options.Value;

    private ILogger Log => logger;

    /// <summary>Claims and runs the oldest queued job; false when there was none to claim.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken ct = default)
    {
        await RequeueStaleAsync(ct);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var claim = await ClaimAsync(ct);
            if (claim is null)
            {
                return false;
            }

            if (claim.Value.Claimed)
            {
                await RunAsync(claim.Value.JobId, claim.Value.RunId, ct);
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs every queued job; returns how many ran. For consoles and tests.</summary>
    public async Task<int> DrainAsync(CancellationToken ct = default)
    {
        var count = 0;
        while (await ProcessNextAsync(ct))
        {
            count++;
        }

        return count;
    }

    private async Task<(Guid JobId, string RunId, bool Claimed)?> ClaimAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var candidate = await db.ExportJobs.AsNoTracking()
            .Where(j => j.Status == ExportJobStatus.Queued)
            .OrderBy(j => j.CreatedUtc)
            .Select(j => (Guid?)j.Id)
            .FirstOrDefaultAsync(ct);
        if (candidate is not { } id)
        {
            return null;
        }

        var runId = $"{_instance}:{Guid.NewGuid():N}";
        if (runId.Length > 80)
        {
            runId = runId[^80..];
        }

        var now = time.GetUtcNow().UtcDateTime;
        // The guard is the write: the status condition is evaluated under the row lock, so one instance wins.
        var claimed = await db.ExportJobs
            .Where(j => j.Id == id && j.Status == ExportJobStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Running)
                .SetProperty(j => j.ClaimedBy, runId)
                .SetProperty(j => j.HeartbeatUtc, now)
                .SetProperty(j => j.StartedUtc, now)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
        return (id, runId, claimed == 1);
    }

    /// <summary>Queues again (or fails, after <see cref="ExportOptions.MaxAttempts"/>) running jobs whose instance stopped beating.</summary>
    public async Task<int> RequeueStaleAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stale = now - Options.StaleAfter;
        var maxAttempts = Options.MaxAttempts;
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var failed = await db.ExportJobs
            .Where(j => j.Status == ExportJobStatus.Running && j.HeartbeatUtc < stale && j.Attempts >= maxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Failed)
                .SetProperty(j => j.ErrorCode, ExportErrors.Other)
                .SetProperty(j => j.ErrorKey, "Export.Error.Interrupted")
                .SetProperty(j => j.ClaimedBy, (string?)null)
                .SetProperty(j => j.CompletedUtc, now)
                .SetProperty(j => j.ExpiresUtc, now.AddDays(Options.RetentionDays)), ct);
        var requeued = await db.ExportJobs
            .Where(j => j.Status == ExportJobStatus.Running && j.HeartbeatUtc < stale)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, j => j.CancelRequested ? ExportJobStatus.Cancelled : ExportJobStatus.Queued)
                .SetProperty(j => j.ClaimedBy, (string?)null)
                .SetProperty(j => j.RowsWritten, 0)
                .SetProperty(j => j.Percent, 0), ct);
        if (requeued + failed > 0)
        {
            logger.LogWarning("Export jobs of a stopped instance: {Requeued} queued again, {Failed} failed", requeued, failed);
        }

        return requeued + failed;
    }

    private async Task RunAsync(Guid jobId, string runId, CancellationToken stoppingToken)
    {
        ExportJob job;
        await using (var db = await dbFactory.CreateSystemAsync(stoppingToken))
        {
            job = await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, stoppingToken);
        }

        var previousCulture = CultureInfo.CurrentCulture;
        var previousUiCulture = CultureInfo.CurrentUICulture;
        var path = Path.Combine(Path.GetTempPath(), $"bp-export-job-{jobId:N}.xlsx");
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var progress = new LatestProgress();
        var pulse = new Pulse(this, jobId, runId, job.TotalRows, progress, run);
        var pulseTask = Task.CompletedTask;
        try
        {
            if (!_definitions.TryGetValue(job.Kind, out var definition))
            {
                await FailAsync(jobId, runId, ErrorCodes.ParameterError, "Export.UnknownKind", stoppingToken);
                return;
            }

            var actor = await RebuildActorAsync(job, stoppingToken);
            if (actor is null)
            {
                await FailAsync(jobId, runId, ErrorCodes.AccessDenied, "Export.Error.PermissionLost", stoppingToken);
                return;
            }

            if (!string.IsNullOrEmpty(job.Culture))
            {
                var culture = CultureInfo.GetCultureInfo(job.Culture);
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
            }

            pulseTask = pulse.RunAsync(Options.ProgressInterval);
            var total = await definition.CountAsync(actor, job.Parameters, run.Token);
            pulse.Total = total;
            var fileName = definition.FileName(job.Parameters, time.GetUtcNow().UtcDateTime);
            int rows;
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                rows = await definition.WriteAsync(actor, job.Parameters, file, progress, run.Token);
                await file.FlushAsync(run.Token);
                file.Position = 0;
                run.Token.ThrowIfCancellationRequested();
                var size = await files.SaveAsync(jobId, file, runId, run.Token);
                await pulse.StopAsync(pulseTask);
                await CompleteAsync(jobId, runId, total, rows, fileName, size, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            await pulse.StopAsync(pulseTask);
            await files.DeleteOwnAsync(jobId, runId, CancellationToken.None);
            await FinishAsync(jobId, runId, ExportJobStatus.Cancelled, null, null, CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // This instance is stopping: hand the job back to the queue for another instance (or this one, restarted).
            await pulse.StopAsync(pulseTask);
            await files.DeleteOwnAsync(jobId, runId, CancellationToken.None);
            await RequeueAsync(jobId, runId);
        }
        catch (BusinessException refused)
        {
            await pulse.StopAsync(pulseTask);
            await files.DeleteOwnAsync(jobId, runId, CancellationToken.None);
            var key = refused is AccessDeniedException ? "Export.Error.PermissionLost" : refused.ResourceKey;
            await FailAsync(jobId, runId, refused.Code, key, CancellationToken.None);
        }
        catch (Exception error)
        {
            logger.LogError(error, "Export job {JobId} ({Kind}) failed", jobId, job.Kind);
            await pulse.StopAsync(pulseTask);
            await files.DeleteOwnAsync(jobId, runId, CancellationToken.None);
            await FailAsync(jobId, runId, ExportErrors.Other, "Export.Error.Failed", CancellationToken.None);
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
            CultureInfo.CurrentUICulture = previousUiCulture;
            File.Delete(path);
        }
    }

    /// <summary>The requester as sign-in would build them now; null when the account is gone, moved or locked out.</summary>
    private async Task<Actor?> RebuildActorAsync(ExportJob job, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateSystemAsync(ct))
        {
            // Compared here, not in SQL: SQLite cannot compare DateTimeOffsets.
            var user = await db.Users.AsNoTracking()
                .Where(u => u.Id == job.UserId)
                .Select(u => new { u.OrganizationId, u.LockoutEnd })
                .SingleOrDefaultAsync(ct);
            if (user is null || user.OrganizationId != job.OrganizationId || user.LockoutEnd > time.GetUtcNow())
            {
                return null;
            }
        }

        return await actors.LoadAsync(job.UserId, ct);
    }

    private async Task CompleteAsync(Guid jobId, string runId, int total, int rows, string fileName, long size, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now.AddDays(Options.RetentionDays);
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var done = await db.ExportJobs
            .Where(j => j.Id == jobId && j.ClaimedBy == runId && j.Status == ExportJobStatus.Running && !j.CancelRequested)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Completed)
                .SetProperty(j => j.TotalRows, Math.Max(total, rows))
                .SetProperty(j => j.RowsWritten, rows)
                .SetProperty(j => j.Percent, 100)
                .SetProperty(j => j.FileName, fileName)
                .SetProperty(j => j.SizeBytes, size)
                .SetProperty(j => j.CompletedUtc, now)
                .SetProperty(j => j.ExpiresUtc, expires)
                .SetProperty(j => j.HeartbeatUtc, now), ct);
        if (done == 0)
        {
            // Cancelled at the last moment: the file must not outlive the job's state. If instead the claim was lost (another
            // instance re-runs the job), the file is the new run's and stays.
            await files.DeleteOwnAsync(jobId, runId, CancellationToken.None);
            await FinishAsync(jobId, runId, ExportJobStatus.Cancelled, null, null, CancellationToken.None);
        }
    }

    private Task FailAsync(Guid jobId, string runId, string code, string key, CancellationToken ct) =>
        FinishAsync(jobId, runId, ExportJobStatus.Failed, code, key, ct);

    private async Task FinishAsync(Guid jobId, string runId, ExportJobStatus status, string? code, string? key, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now.AddDays(Options.RetentionDays);
        await using var db = await dbFactory.CreateSystemAsync(ct);
        await db.ExportJobs
            .Where(j => j.Id == jobId && j.ClaimedBy == runId && j.Status == ExportJobStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.ErrorCode, code)
                .SetProperty(j => j.ErrorKey, key)
                .SetProperty(j => j.CompletedUtc, now)
                .SetProperty(j => j.ExpiresUtc, expires), ct);
        logger.LogInformation("Export job {JobId} ended {Status} {Code}", jobId, status, code);
    }

    private async Task RequeueAsync(Guid jobId, string runId)
    {
        await using var db = await dbFactory.CreateSystemAsync(CancellationToken.None);
        await db.ExportJobs
            .Where(j => j.Id == jobId && j.ClaimedBy == runId && j.Status == ExportJobStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Queued)
                .SetProperty(j => j.ClaimedBy, (string?)null)
                .SetProperty(j => j.RowsWritten, 0)
                .SetProperty(j => j.Percent, 0));
    }

    /// <summary>Writes progress + heartbeat; false when the claim is lost or a cancel was requested.</summary>
    private async Task<bool> BeatAsync(Guid jobId, string runId, int total, int rows, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var percent = total <= 0 ? 0 : (int)Math.Min(99, 100L * rows / total);
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var updated = await db.ExportJobs
            .Where(j => j.Id == jobId && j.ClaimedBy == runId && j.Status == ExportJobStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.TotalRows, total)
                .SetProperty(j => j.RowsWritten, rows)
                .SetProperty(j => j.Percent, percent)
                .SetProperty(j => j.HeartbeatUtc, now), ct);
        if (updated == 0)
        {
            return false;
        }

        return !await db.ExportJobs.AsNoTracking().AnyAsync(j => j.Id == jobId && j.CancelRequested, ct);
    }

    /// <summary>The latest row count the writer reported; the writer never waits for the database.</summary>
    private sealed class LatestProgress : IProgress<int>
    {
        private int _rows;

        public int Rows => Volatile.Read(ref _rows);

        public void Report(int value) => Volatile.Write(ref _rows, value);
    }

    /// <summary>The job's heartbeat: progress to the database every interval, cancel (or a lost claim) back to the writer.</summary>
    private sealed class Pulse(ExportWorker worker, Guid jobId, string runId, int total, LatestProgress progress, CancellationTokenSource run)
    {
        private readonly CancellationTokenSource _stop = new();

        public int Total { get; set; } = total;

        public async Task RunAsync(TimeSpan interval)
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    try
                    {
                        if (!await worker.BeatAsync(jobId, runId, Total, progress.Rows, _stop.Token))
                        {
                            await run.CancelAsync();
                            return;
                        }
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        // A missed beat is not fatal; the next one retries (the stale limit is far longer than a beat).
                        worker.Log.LogWarning(error, "Export job {JobId}: progress update failed", jobId);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        public async Task StopAsync(Task running)
        {
            await _stop.CancelAsync();
            await running;
        }
    }
}

/// <summary>Runs <see cref="ExportWorker"/> on this instance: whenever an enqueue here wakes it, and every poll interval.</summary>
public sealed class ExportWorkerService(ExportWorker worker, ExportSignal signal, IOptions<ExportOptions> options, ILogger<ExportWorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await worker.ProcessNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Export worker pass failed; the next poll retries");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
