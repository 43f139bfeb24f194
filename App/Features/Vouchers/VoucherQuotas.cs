using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Time;
using BlazorPartner.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Vouchers;

/// <summary>
/// Quotas: the vendor grants them (R26); a distributor delegates part of one to a reseller and takes the unused part
/// back (R29). Amounts move only through atomic conditional updates issued as the first write of the transaction, so
/// parallel commands never overspend a quota on SQLite or PostgreSQL.
/// </summary>
public sealed class VoucherQuotas(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<Guid> GrantAsync(Actor actor, GrantQuotaInput input, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.GrantQuota);
        if (!actor.IsVendor)
        {
            throw new AccessDeniedException("grant a voucher quota");
        }

        var errors = new InputErrors();
        if (!Money.TryParse(input.Amount, MoneyRule.Positive, out var amount, out var amountError))
        {
            errors.Add(nameof(input.Amount), amountError!);
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(nameof(input.Kind), "Validation.Required");
        }

        var today = BeijingTime.DateOf(time.GetUtcNow().UtcDateTime);
        VoucherScope.Validity(errors, input.ValidFrom, input.ValidTo, today);
        var (types, products) = VoucherScope.Validate(errors, input.ServiceTypes, input.Products, limit: false);
        if (input.PartnerOrganizationId is null)
        {
            errors.Add(nameof(input.PartnerOrganizationId), "Validation.Required");
        }

        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var partner = await db.Organizations.SingleOrDefaultAsync(o => o.Id == input.PartnerOrganizationId, ct);
        if (partner is null || partner.Kind == OrganizationKind.Vendor)
        {
            throw new ValidationException(nameof(input.PartnerOrganizationId), "Voucher.PartnerInvalid");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var quota = new VoucherQuota
        {
            OrganizationId = partner.Id,
            Kind = input.Kind,
            InvoiceToCouponUser = input.Kind == VoucherKind.CashCoupon && input.InvoiceToCouponUser,
            GrantedFen = amount.Fen,
            RemainingFen = amount.Fen,
            ValidFromUtc = VoucherDates.StartUtc(input.ValidFrom!.Value),
            ValidToUtc = VoucherDates.EndUtc(input.ValidTo!.Value),
            ServiceTypes = VoucherCatalog.Join(types),
            Products = VoucherCatalog.Join(products),
            GrantedByUserId = actor.UserId,
            GrantedByName = actor.DisplayName,
            CreatedAtUtc = now,
        };
        db.VoucherQuotas.Add(quota);
        db.Log(actor, VoucherOperationKind.Grant, partner.Id, quota.Id, amount.Fen, now);
        db.Audit(actor, new AuditChange(nameof(VoucherQuota), quota.Id.ToString(), VoucherAuditActions.Grant)
        {
            OrganizationId = partner.Id,
            After = new { quota.Kind, Amount = amount.ToString(), input.ValidFrom, input.ValidTo, quota.ServiceTypes, quota.Products, quota.InvoiceToCouponUser },
        }, time);
        await db.SaveChangesAsync(ct);
        return quota.Id;
    }

    /// <summary>R29: the distributor moves part of its quota's remaining amount into a new quota of one of its resellers.</summary>
    public async Task<Guid> DelegateAsync(Actor actor, DelegateQuotaInput input, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.Delegate);
        if (actor.OrganizationKind != OrganizationKind.Distributor)
        {
            throw new AccessDeniedException("delegate quota (distributors only)");
        }

        var amount = Money.FromYuan(input.Amount, nameof(input.Amount));
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var reseller = await db.Organizations.SingleOrDefaultAsync(o => o.Id == input.ResellerOrganizationId, ct);
        if (reseller is null || reseller.Kind != OrganizationKind.Reseller || reseller.ParentOrganizationId != actor.OrganizationId)
        {
            throw new ValidationException(nameof(input.ResellerOrganizationId), "Voucher.ResellerInvalid");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var parent = await db.VoucherQuotas.AsNoTracking()
            .SingleOrDefaultAsync(q => q.Id == input.ParentQuotaId && q.OrganizationId == actor.OrganizationId, ct);
        if (parent is null || parent.Status != QuotaStatus.Active || parent.ValidToUtc <= now)
        {
            throw VoucherErrors.Unavailable(input.ParentQuotaId);
        }

        if (await ResellerQuotas(db, actor).AnyAsync(q => q.Id == input.IdempotencyKey, ct))
        {
            return input.IdempotencyKey;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.VoucherQuotas
            .Where(q => q.Id == parent.Id && q.OrganizationId == actor.OrganizationId && q.Status == QuotaStatus.Active && q.ValidToUtc > now && q.RemainingFen >= amount.Fen)
            .ExecuteUpdateAsync(s => s
                .SetProperty(q => q.RemainingFen, q => q.RemainingFen - amount.Fen)
                .SetProperty(q => q.DelegatedFen, q => q.DelegatedFen + amount.Fen)
                .SetProperty(q => q.Version, q => q.Version + 1), ct);
        if (taken == 0)
        {
            var remaining = await db.VoucherQuotas.Where(q => q.Id == parent.Id).Select(q => q.RemainingFen).SingleAsync(ct);
            throw VoucherErrors.Insufficient(remaining, amount.Fen);
        }

        var child = new VoucherQuota
        {
            Id = input.IdempotencyKey,
            OrganizationId = reseller.Id,
            ParentQuotaId = parent.Id,
            ParentOrganizationId = actor.OrganizationId,
            Kind = parent.Kind,
            InvoiceToCouponUser = parent.InvoiceToCouponUser,
            GrantedFen = amount.Fen,
            RemainingFen = amount.Fen,
            ValidFromUtc = parent.ValidFromUtc,
            ValidToUtc = parent.ValidToUtc,
            ServiceTypes = parent.ServiceTypes,
            Products = parent.Products,
            GrantedByUserId = actor.UserId,
            GrantedByName = actor.DisplayName,
            CreatedAtUtc = now,
        };
        db.VoucherQuotas.Add(child);
        db.Log(actor, VoucherOperationKind.Delegate, actor.OrganizationId, parent.Id, amount.Fen, now);
        db.Log(actor, VoucherOperationKind.Delegate, reseller.Id, child.Id, amount.Fen, now);
        db.Audit(actor, new AuditChange(nameof(VoucherQuota), child.Id.ToString(), VoucherAuditActions.Delegate)
        {
            OrganizationId = actor.OrganizationId,
            After = new { Reseller = reseller.Name, Amount = amount.ToString(), ParentQuota = parent.Id },
        }, time);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return child.Id;
    }

    /// <summary>R29: takes back what the reseller has not issued; its issued vouchers stay valid. Returns the amount.</summary>
    public async Task<long> RecallDelegationAsync(Actor actor, Guid childQuotaId, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.Delegate);
        if (actor.OrganizationKind != OrganizationKind.Distributor)
        {
            throw new AccessDeniedException("recall delegated quota (distributors only)");
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        // The child lives in the reseller's tenant: reached past the tenant filter, only through the explicit parent check.
        var child = await ResellerQuotas(db, actor).AsNoTracking().SingleOrDefaultAsync(q => q.Id == childQuotaId, ct)
            ?? throw new NotFoundException(nameof(VoucherQuota), childQuotaId);
        var unused = child.RemainingFen;
        if (unused <= 0)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"Quota {childQuotaId} has nothing left to recall.", "Voucher.NothingToRecall");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await ResellerQuotas(db, actor)
            .Where(q => q.Id == childQuotaId && q.RemainingFen == unused)
            .ExecuteUpdateAsync(s => s
                .SetProperty(q => q.RemainingFen, 0L)
                .SetProperty(q => q.GrantedFen, q => q.GrantedFen - unused)
                .SetProperty(q => q.Status, QuotaStatus.Recalled)
                .SetProperty(q => q.Version, q => q.Version + 1), ct);
        if (taken == 0)
        {
            throw new BusinessException(ErrorCodes.AlreadyProcessed, $"Quota {childQuotaId} changed; reload and try again.", "Voucher.QuotaChanged");
        }

        await db.VoucherQuotas
            .Where(q => q.Id == child.ParentQuotaId && q.OrganizationId == actor.OrganizationId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(q => q.RemainingFen, q => q.RemainingFen + unused)
                .SetProperty(q => q.DelegatedFen, q => q.DelegatedFen - unused)
                .SetProperty(q => q.Version, q => q.Version + 1), ct);
        db.Log(actor, VoucherOperationKind.RecallDelegation, actor.OrganizationId, child.ParentQuotaId!.Value, unused, now);
        db.Log(actor, VoucherOperationKind.RecallDelegation, child.OrganizationId, child.Id, unused, now);
        db.Audit(actor, new AuditChange(nameof(VoucherQuota), child.Id.ToString(), VoucherAuditActions.RecallDelegation)
        {
            OrganizationId = actor.OrganizationId,
            After = new { Amount = Money.Format(unused) },
        }, time);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return unused;
    }

    /// <summary>The partner's quota cards, active and unexpired first.</summary>
    public async Task<IReadOnlyList<QuotaCard>> CardsAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.View);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.VoucherQuotas.AsNoTracking()
            .Where(q => q.OrganizationId == actor.OrganizationId)
            .OrderBy(q => q.Status).ThenBy(q => q.ValidToUtc).ThenBy(q => q.CreatedAtUtc)
            .ToListAsync(ct);
        return rows.Select(q => Card(q, now)).ToList();
    }

    public async Task<QuotaCard> CardAsync(Actor actor, Guid quotaId, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.View);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var quota = await db.VoucherQuotas.AsNoTracking().SingleOrDefaultAsync(q => q.Id == quotaId && q.OrganizationId == actor.OrganizationId, ct)
            ?? throw new NotFoundException(nameof(VoucherQuota), quotaId);
        return Card(quota, time.GetUtcNow().UtcDateTime);
    }

    /// <summary>The vendor's list of every quota it granted (delegated ones are the distributors' business).</summary>
    public async Task<IReadOnlyList<VendorQuotaRow>> VendorListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.GrantQuota);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var rows = await (from q in db.VoucherQuotas.AsNoTracking()
                          join o in db.Organizations on q.OrganizationId equals o.Id
                          where q.ParentQuotaId == null
                          orderby q.CreatedAtUtc descending
                          select new { q, o.Name }).Take(500).ToListAsync(ct);
        return rows.Select(r => new VendorQuotaRow(r.q.Id, r.Name, r.q.Kind, r.q.InvoiceToCouponUser, r.q.GrantedFen, r.q.IssuedFen, r.q.DelegatedFen, r.q.RemainingFen,
            VoucherDates.FromDate(r.q.ValidFromUtc), VoucherDates.ToDate(r.q.ValidToUtc), r.q.CreatedAtUtc)).ToList();
    }

    /// <summary>Partners the vendor can grant to.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> PartnersAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.GrantQuota);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var rows = await db.Organizations.AsNoTracking().Where(o => o.Kind != OrganizationKind.Vendor).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    /// <summary>The distributor's resellers, for the delegation form.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ResellersAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.Delegate);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var rows = await db.Organizations.AsNoTracking()
            .Where(o => o.ParentOrganizationId == actor.OrganizationId && o.Kind == OrganizationKind.Reseller)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    /// <summary>R29: the distributor sees how its resellers use the quota it delegated: amounts and counts only, never customers.</summary>
    public async Task<IReadOnlyList<ResellerQuotaRow>> ResellerUsageAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.View);
        if (actor.OrganizationKind != OrganizationKind.Distributor)
        {
            return [];
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var vouchers = db.Vouchers.IgnoreQueryFilters([AppDbContext.TenantFilter]);
        var rows = await (from q in ResellerQuotas(db, actor).AsNoTracking()
                          join o in db.Organizations on q.OrganizationId equals o.Id
                          orderby q.CreatedAtUtc descending
                          select new
                          {
                              q.Id,
                              ParentQuotaId = q.ParentQuotaId!.Value,
                              o.Name,
                              q.Status,
                              q.GrantedFen,
                              q.IssuedFen,
                              q.RemainingFen,
                              q.ValidToUtc,
                              Count = vouchers.Count(v => v.QuotaId == q.Id),
                          }).ToListAsync(ct);
        return rows.Select(r => new ResellerQuotaRow(r.Id, r.ParentQuotaId, r.Name, r.Status, r.GrantedFen, r.IssuedFen, r.RemainingFen, VoucherDates.ToDate(r.ValidToUtc), r.Count)).ToList();
    }

    private static IQueryable<VoucherQuota> ResellerQuotas(AppDbContext db, Actor actor) =>
        db.VoucherQuotas.IgnoreQueryFilters([AppDbContext.TenantFilter]).Where(q => q.ParentOrganizationId == actor.OrganizationId && q.ParentQuotaId != null);

    internal static QuotaCard Card(VoucherQuota q, DateTime nowUtc) => new(
        q.Id, q.Kind, q.Status, q.InvoiceToCouponUser, q.GrantedFen, q.IssuedFen, q.DelegatedFen, q.RemainingFen,
        VoucherDates.FromDate(q.ValidFromUtc), VoucherDates.ToDate(q.ValidToUtc),
        VoucherCatalog.Split(q.ServiceTypes), VoucherCatalog.Split(q.Products), q.ParentQuotaId is not null, q.ValidToUtc <= nowUtc, q.Version);
}
