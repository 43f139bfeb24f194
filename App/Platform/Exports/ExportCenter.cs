using System.Globalization;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Platform.Exports;

/// <summary>A row of "My exports".</summary>
public sealed record ExportJobRow(
    Guid Id,
    string Kind,
    ExportJobStatus Status,
    int TotalRows,
    int RowsWritten,
    int Percent,
    string? FileName,
    long SizeBytes,
    string? ErrorCode,
    string? ErrorKey,
    DateTime CreatedUtc,
    DateTime? CompletedUtc,
    DateTime? ExpiresUtc,
    bool CancelRequested)
{
    public bool IsActive => Status is ExportJobStatus.Queued or ExportJobStatus.Running;
}

/// <summary>A completed, unexpired file the current user may download.</summary>
public sealed record ExportDownload(Guid Id, string Kind, string Parameters, string FileName, long SizeBytes);

/// <summary>
/// The export center (issue 7, section 5): queues background exports after authorizing them, lists and cancels the
/// requester's own jobs, and finds a downloadable file for its owner. Every method scopes to the actor's own user id and
/// organization; another user's job is "not found".
/// </summary>
public sealed class ExportCenter(
    IDbContextFactory<AppDbContext> dbFactory,
    IEnumerable<IExportDefinition> definitions,
    IOptions<ExportOptions> options,
    ExportSignal signal,
    TimeProvider time) : IExportCenter
{
    private readonly Dictionary<string, IExportDefinition> _definitions = definitions.ToDictionary(d => d.Kind, StringComparer.Ordinal);

    public int BackgroundThresholdRows => options.Value.BackgroundThresholdRows;

    public IExportDefinition? Definition(string kind) => _definitions.GetValueOrDefault(kind);

    public async Task<Guid> EnqueueAsync(Actor actor, string kind, string parameters, CancellationToken ct = default)
    {
        var definition = Definition(kind) ?? throw new ValidationException("kind", "Export.UnknownKind", kind);
        // Authorizes (permission, tenant, parameters) and counts: a refusal throws before anything is stored.
        var total = await definition.CountAsync(actor, parameters, ct);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var active = await db.ExportJobs.CountAsync(
            j => j.OrganizationId == actor.OrganizationId && j.UserId == actor.UserId
                 && (j.Status == ExportJobStatus.Queued || j.Status == ExportJobStatus.Running), ct);
        if (active >= options.Value.MaxActivePerUser)
        {
            throw new TooManyExportsException(options.Value.MaxActivePerUser);
        }

        var job = new ExportJob
        {
            Id = Guid.NewGuid(),
            OrganizationId = actor.OrganizationId,
            UserId = actor.UserId,
            Kind = kind,
            Parameters = parameters,
            Culture = CultureInfo.CurrentUICulture.Name,
            Status = ExportJobStatus.Queued,
            TotalRows = total,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return job.Id;
    }

    /// <summary>The actor's own jobs, newest first.</summary>
    public async Task<IReadOnlyList<ExportJobRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await Mine(db, actor)
            .OrderByDescending(j => j.CreatedUtc)
            .Take(100)
            .Select(j => new ExportJobRow(j.Id, j.Kind, j.Status, j.TotalRows, j.RowsWritten, j.Percent, j.FileName, j.SizeBytes,
                j.ErrorCode, j.ErrorKey, j.CreatedUtc, j.CompletedUtc, j.ExpiresUtc, j.CancelRequested))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Cancels a queued job at once; asks a running one to stop (its worker sees the flag with its next progress report).
    /// A finished job or another user's is refused as not found.
    /// </summary>
    public async Task CancelAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var queued = await Mine(db, actor).Where(j => j.Id == id && j.Status == ExportJobStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Cancelled)
                .SetProperty(j => j.CancelRequested, true)
                .SetProperty(j => j.CompletedUtc, now), ct);
        if (queued > 0)
        {
            return;
        }

        var running = await Mine(db, actor).Where(j => j.Id == id && j.Status == ExportJobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
        if (running == 0)
        {
            throw new NotFoundException("ExportJob", id);
        }
    }

    /// <summary>
    /// The file of the actor's own completed, unexpired job, after the export's definition authorized the actor again;
    /// null in every other case (so the endpoint answers 404 and never reveals that another user's job exists).
    /// </summary>
    public async Task<ExportDownload?> FindDownloadAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        ExportDownload? download;
        await using (var db = await dbFactory.CreateForAsync(actor, ct))
        {
            download = await Mine(db, actor)
                .Where(j => j.Id == id && j.Status == ExportJobStatus.Completed && j.ExpiresUtc > now)
                .Select(j => new ExportDownload(j.Id, j.Kind, j.Parameters, j.FileName ?? "", j.SizeBytes))
                .SingleOrDefaultAsync(ct);
        }

        if (download is null || Definition(download.Kind) is not { } definition)
        {
            return null;
        }

        try
        {
            await definition.AuthorizeAsync(actor, download.Parameters, ct);
        }
        catch (BusinessException)
        {
            return null;
        }

        return download;
    }

    private static IQueryable<ExportJob> Mine(AppDbContext db, Actor actor) =>
        db.ExportJobs.Where(j => j.OrganizationId == actor.OrganizationId && j.UserId == actor.UserId);
}

/// <summary>Wakes this instance's worker right after an enqueue (other instances find the job with their next poll).</summary>
public sealed class ExportSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Wake()
    {
        try
        {
            if (_semaphore.CurrentCount == 0)
            {
                _semaphore.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
