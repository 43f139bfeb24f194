using BlazorPartner.Platform.Live;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Vouchers;

/// <summary>
/// Recall (R28): only a usable voucher (not-yet-activated ones included: they are usable from the partner's side), and
/// the whole remaining balance goes back to its quota. The voucher row is claimed by a conditional UPDATE on its status
/// and version, the same guard redemption uses, so a voucher never ends both recalled and used.
/// CBC.99000045: a consultative-mode customer pays the vendor directly, so once such a customer has spent part of a
/// voucher the rest stays with it and cannot be recalled; its untouched vouchers can.
/// </summary>
public sealed class VoucherRecalls(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ChangeFeed changes)
{
    public async Task<RecallResult> RecallAsync(Actor actor, Guid voucherId, int? expectedVersion = null, CancellationToken ct = default)
    {
        try
        {
            return await RecallOnceAsync(actor, voucherId, expectedVersion, ct);
        }
        catch (Exception error) when (DbErrors.IsLostToConcurrentTransaction(error))
        {
            // On PostgreSQL a redemption or the customer's unbinding can hold the voucher (and its quota) first: this recall
            // changed nothing and is told so, as with any other lost race.
            throw VoucherErrors.Changed(voucherId);
        }
    }

    private async Task<RecallResult> RecallOnceAsync(Actor actor, Guid voucherId, int? expectedVersion, CancellationToken ct)
    {
        actor.Demand(VoucherPermissions.Recall);
        if (actor.IsVendor)
        {
            throw new AccessDeniedException("recall a partner's voucher");
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var row = await (from v in db.Vouchers.AsNoTracking()
                         join c in db.Customers on v.CustomerId equals c.Id
                         where v.Id == voucherId && v.OrganizationId == actor.OrganizationId
                         select new { Voucher = v, c.Mode }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(nameof(Voucher), voucherId);
        var voucher = row.Voucher;
        Check(voucher, row.Mode);
        if (expectedVersion is { } seen && seen != voucher.Version)
        {
            throw VoucherErrors.Changed(voucherId);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Vouchers
            .Where(v => v.Id == voucherId && v.OrganizationId == actor.OrganizationId && v.Status == VoucherStatus.Usable && v.Version == voucher.Version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(v => v.Status, VoucherStatus.Recalled)
                .SetProperty(v => v.BalanceFen, 0L)
                .SetProperty(v => v.ClosedAtUtc, now)
                .SetProperty(v => v.Version, v => v.Version + 1), ct);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(ct);
            var current = await db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == voucherId, ct);
            Check(current, row.Mode);
            throw VoucherErrors.Changed(voucherId);
        }

        var returned = voucher.BalanceFen;
        await ReturnToQuotaAsync(db, actor.OrganizationId, voucher.QuotaId, returned, ct);
        db.Log(actor, VoucherOperationKind.Recall, actor.OrganizationId, voucher.QuotaId, returned, now, voucher.Id, voucher.CustomerId);
        db.Audit(actor, new AuditChange(nameof(Voucher), voucher.Id.ToString(), VoucherAuditActions.Recall)
        {
            OrganizationId = actor.OrganizationId,
            Before = new { Status = VoucherStatus.Usable, Balance = Money.Format(returned) },
            After = new { Status = VoucherStatus.Recalled },
        }, time);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(LiveTopics.Vouchers(actor.OrganizationId), LiveTopics.AllVouchers);
        return new RecallResult(voucherId, returned);
    }

    /// <summary>Recalls each selected voucher on its own and reports every row's outcome; one refusal does not undo the others.</summary>
    public async Task<IReadOnlyList<BulkRecallOutcome>> RecallManyAsync(Actor actor, IReadOnlyCollection<Guid> voucherIds, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.Recall);
        var outcomes = new List<BulkRecallOutcome>();
        foreach (var id in voucherIds.Distinct())
        {
            try
            {
                var result = await RecallAsync(actor, id, null, ct);
                outcomes.Add(new BulkRecallOutcome(id, result.ReturnedFen, null));
            }
            catch (BusinessException error)
            {
                outcomes.Add(new BulkRecallOutcome(id, 0, error));
            }
        }

        return outcomes;
    }

    internal static Task ReturnToQuotaAsync(AppDbContext db, Guid organizationId, Guid quotaId, long amountFen, CancellationToken ct) =>
        db.VoucherQuotas
            .Where(q => q.Id == quotaId && q.OrganizationId == organizationId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(q => q.RemainingFen, q => q.RemainingFen + amountFen)
                .SetProperty(q => q.IssuedFen, q => q.IssuedFen - amountFen)
                .SetProperty(q => q.Version, q => q.Version + 1), ct);

    private static void Check(Voucher voucher, AssociationMode mode)
    {
        switch (voucher.Status)
        {
            case VoucherStatus.Expired or VoucherStatus.Recalled:
                throw VoucherErrors.ExpiredOrAlreadyRecalled(voucher.Id);
            case VoucherStatus.Used:
                throw VoucherErrors.AlreadyUsed(voucher.Id);
        }

        if (mode == AssociationMode.Consultative && voucher.BalanceFen < voucher.FaceValueFen)
        {
            throw VoucherErrors.ConsultativePartlyUsed(voucher.Id);
        }
    }
}

/// <summary>
/// R19: when a customer disassociates, every usable voucher the partner issued to it is recalled and its balance goes
/// back to the quota, on the unbinding's context and transaction. The rows are tracked (version-checked on save), so a
/// redemption racing the unbinding makes the unbinding fail rather than recall a used voucher.
/// </summary>
public sealed class VoucherUnbindingStep(TimeProvider time) : ICustomerUnbindingStep
{
    public const string PreviewKey = "Voucher.UnbindingPreview";

    public int Order => 10;

    public async Task<IReadOnlyList<UnbindingEffect>> PreviewAsync(AppDbContext db, Customer customer, CancellationToken ct)
    {
        var usable = await db.Vouchers.Where(v => v.CustomerId == customer.Id && v.OrganizationId == customer.OrganizationId && v.Status == VoucherStatus.Usable)
            .GroupBy(v => 1).Select(g => new { Count = g.Count(), Total = g.Sum(v => v.BalanceFen) }).SingleOrDefaultAsync(ct);
        return usable is null || usable.Count == 0 ? [] : [new UnbindingEffect(PreviewKey, usable.Count, usable.Total)];
    }

    public async Task ApplyAsync(AppDbContext db, Actor actor, Customer customer, DateTime nowUtc, CancellationToken ct)
    {
        var vouchers = await db.Vouchers.Where(v => v.CustomerId == customer.Id && v.OrganizationId == customer.OrganizationId && v.Status == VoucherStatus.Usable).ToListAsync(ct);
        if (vouchers.Count == 0)
        {
            return;
        }

        var quotaIds = vouchers.Select(v => v.QuotaId).Distinct().ToList();
        var quotas = await db.VoucherQuotas.Where(q => quotaIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        foreach (var voucher in vouchers)
        {
            var returned = voucher.BalanceFen;
            voucher.Status = VoucherStatus.Recalled;
            voucher.BalanceFen = 0;
            voucher.ClosedAtUtc = nowUtc;
            var quota = quotas[voucher.QuotaId];
            quota.RemainingFen += returned;
            quota.IssuedFen -= returned;
            db.Log(actor, VoucherOperationKind.Recall, customer.OrganizationId, voucher.QuotaId, returned, nowUtc, voucher.Id, customer.Id);
            db.Audit(actor, new AuditChange(nameof(Voucher), voucher.Id.ToString(), VoucherAuditActions.Recall)
            {
                OrganizationId = customer.OrganizationId,
                Before = new { Status = VoucherStatus.Usable, Balance = Money.Format(returned) },
                After = new { Status = VoucherStatus.Recalled },
                ReasonKey = "Voucher.RecalledOnUnbinding",
            }, time);
        }
    }
}
