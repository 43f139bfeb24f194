using BlazorPartner.Platform.Live;
using BlazorPartner.Platform.Jobs;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Features.Opportunities;

public sealed class OpportunityOptions
{
    public const string Section = "Opportunities";

    /// <summary>How often the auto-reject pass runs.</summary>
    public TimeSpan AutoRejectInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool AutoRejectEnabled { get; set; } = true;

    /// <summary>Rows claimed per transaction.</summary>
    public int AutoRejectBatchSize { get; set; } = 1000;
}

/// <summary>
/// R10: rejects pending opportunities whose deadline has passed. Each batch is claimed with one conditional UPDATE
/// (status still pending, deadline passed) stamped with this pass's run id, so two app instances on one database
/// never process the same row twice and every rejection gets exactly one audit row.
/// </summary>
public sealed class OpportunityAutoRejecter(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IOptions<OpportunityOptions> options, ChangeFeed changes, ILogger<OpportunityAutoRejecter> logger) : IPeriodicJob
{
    /// <summary>The audit reason, stored as a resource key so each reader sees it in their language.</summary>
    public const string AutoRejectReasonKey = "Opportunity.AutoRejectReason";

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var runId = Guid.NewGuid();
        var now = time.GetUtcNow().UtcDateTime;
        var batchSize = Math.Max(1, options.Value.AutoRejectBatchSize);
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var db = await dbFactory.CreateSystemAsync(ct);
            var candidates = await db.Opportunities
                .Where(o => o.Status == OpportunityStatus.PendingAcceptance && o.DeadlineUtc <= now)
                .OrderBy(o => o.DeadlineUtc)
                .Select(o => o.Id)
                .Take(batchSize)
                .ToListAsync(ct);
            if (candidates.Count == 0)
            {
                break;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Opportunities
                .Where(o => candidates.Contains(o.Id) && o.Status == OpportunityStatus.PendingAcceptance && o.DeadlineUtc <= now)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(o => o.Status, OpportunityStatus.AutoRejected)
                    .SetProperty(o => o.RejectionReason, RejectionReason.DeadlinePassed)
                    .SetProperty(o => o.RespondedAtUtc, now)
                    .SetProperty(o => o.RespondedByName, AuditExtensions.SystemActorName)
                    .SetProperty(o => o.ClosedAtUtc, now)
                    .SetProperty(o => o.UpdatedAtUtc, now)
                    .SetProperty(o => o.AutoRejectRunId, runId)
                    .SetProperty(o => o.Version, o => o.Version + 1), ct);

            var claimed = await db.Opportunities
                .Where(o => candidates.Contains(o.Id) && o.AutoRejectRunId == runId)
                .Select(o => new { o.Id, o.OrganizationId, o.DeadlineUtc })
                .ToListAsync(ct);
            foreach (var row in claimed)
            {
                db.Audit(null, new AuditChange(nameof(Opportunity), row.Id.ToString(), OpportunityAuditActions.AutoReject)
                {
                    OrganizationId = row.OrganizationId,
                    Before = new { Status = OpportunityStatus.PendingAcceptance },
                    After = new { Status = OpportunityStatus.AutoRejected, row.DeadlineUtc },
                    ReasonKey = AutoRejectReasonKey,
                }, time);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            changes.Publish(claimed.Select(c => LiveTopics.Opportunities(c.OrganizationId)).Append(LiveTopics.AllOpportunities));
            total += claimed.Count;
        }

        if (total > 0)
        {
            logger.LogInformation("Auto-rejected {Count} opportunities past their acceptance deadline (run {RunId})", total, runId);
        }

        return total;
    }
}
