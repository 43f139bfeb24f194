using BlazorPartner.Platform.Jobs;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Features.Customers.Registrations;

/// <summary>
/// R15: releases approved registrations whose 15-day reservation ended without association. Each batch is claimed with
/// one conditional UPDATE (still approved, reservation over) stamped with this pass's run id, so two app instances on one
/// database never release the same row twice and each release gets exactly one audit row.
/// </summary>
public sealed class RegistrationExpirer(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IOptions<RegistrationOptions> options, ILogger<RegistrationExpirer> logger) : IPeriodicJob
{
    public const string ExpiredReasonKey = "Registration.ExpiredReason";

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var runId = Guid.NewGuid();
        var now = time.GetUtcNow().UtcDateTime;
        var batchSize = Math.Max(1, options.Value.ExpiryBatchSize);
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var db = await dbFactory.CreateSystemAsync(ct);
            var candidates = await db.CustomerRegistrations
                .Where(r => r.Status == RegistrationStatus.Approved && r.ReservedUntilUtc <= now)
                .OrderBy(r => r.ReservedUntilUtc)
                .Select(r => r.Id)
                .Take(batchSize)
                .ToListAsync(ct);
            if (candidates.Count == 0)
            {
                break;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.CustomerRegistrations
                .Where(r => candidates.Contains(r.Id) && r.Status == RegistrationStatus.Approved && r.ReservedUntilUtc <= now)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.Status, RegistrationStatus.Expired)
                    .SetProperty(r => r.HeldCreditCode, (string?)null)
                    .SetProperty(r => r.UpdatedAtUtc, now)
                    .SetProperty(r => r.ExpiryRunId, runId)
                    .SetProperty(r => r.Version, r => r.Version + 1), ct);

            var claimed = await db.CustomerRegistrations
                .Where(r => candidates.Contains(r.Id) && r.ExpiryRunId == runId)
                .Select(r => new { r.Id, r.OrganizationId, r.ReservedUntilUtc })
                .ToListAsync(ct);
            foreach (var row in claimed)
            {
                db.Audit(null, new AuditChange(nameof(CustomerRegistration), row.Id.ToString(), RegistrationAuditActions.Expire)
                {
                    OrganizationId = row.OrganizationId,
                    Before = new { Status = RegistrationStatus.Approved },
                    After = new { Status = RegistrationStatus.Expired, row.ReservedUntilUtc },
                    ReasonKey = ExpiredReasonKey,
                }, time);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            total += claimed.Count;
        }

        if (total > 0)
        {
            logger.LogInformation("Released {Count} customer registrations whose reservation ended (run {RunId})", total, runId);
        }

        return total;
    }
}

/// <summary>
/// R19 seen from registrations: when an associated customer is unbound, the registration it came through stops holding
/// the company, so the company can be registered again (by this partner or another).
/// </summary>
public sealed class ReleaseRegistrationOnUnbinding : ICustomerUnbindingStep
{
    public int Order => 90;

    public Task<IReadOnlyList<UnbindingEffect>> PreviewAsync(AppDbContext db, Customer customer, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<UnbindingEffect>>([]);

    public async Task ApplyAsync(AppDbContext db, Core.Identity.Actor actor, Customer customer, DateTime nowUtc, CancellationToken ct)
    {
        if (customer.RegistrationId is not { } id)
        {
            return;
        }

        var registration = await db.CustomerRegistrations.SingleOrDefaultAsync(r => r.Id == id && r.OrganizationId == customer.OrganizationId, ct);
        if (registration is not null)
        {
            registration.HeldCreditCode = null;
            registration.UpdatedAtUtc = nowUtc;
        }
    }
}
