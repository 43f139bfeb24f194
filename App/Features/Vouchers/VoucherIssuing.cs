using BlazorPartner.Platform.Live;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Vouchers;

/// <summary>
/// Issuing (R27, R29, R30). Every rule is checked before anything is written; then, in one transaction, the quota is
/// charged by one conditional UPDATE (<c>RemainingFen &gt;= total</c>) as the first write (a SQLite write lock is taken at
/// once, a PostgreSQL row lock re-checks the condition), and the vouchers, the issue row (its id is the form's
/// idempotency key), the operation-log rows and the audit row are saved together.
/// </summary>
public sealed class VoucherIssuing(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ChangeFeed changes, ILogger<VoucherIssuing> logger)
{
    public const int MaxCustomers = 10;
    public const int MaxRemarkLength = 200;

    public async Task<IssueResult> IssueAsync(Actor actor, IssueVouchersInput input, CancellationToken ct = default)
    {
        actor.Demand(VoucherPermissions.Issue);
        if (actor.IsVendor)
        {
            throw new AccessDeniedException("issue vouchers (partners only)");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var errors = new InputErrors();
        if (!Money.TryParse(input.FaceValue, MoneyRule.Positive, out var faceValue, out var faceError))
        {
            errors.Add(nameof(input.FaceValue), faceError!);
        }

        Money? minimum = null;
        if (input.MinimumOrder is not null)
        {
            if (Money.TryParse(input.MinimumOrder, MoneyRule.NotNegative, out var m, out var minimumError))
            {
                minimum = m.Fen == 0 ? null : m;
            }
            else
            {
                errors.Add(nameof(input.MinimumOrder), minimumError!);
            }
        }

        var customerIds = (input.CustomerIds ?? []).Distinct().ToList();
        if (customerIds.Count == 0)
        {
            errors.Add(nameof(input.CustomerIds), "Voucher.CustomersRequired");
        }
        else if (customerIds.Count > MaxCustomers || (input.CustomerIds!.Count != customerIds.Count))
        {
            errors.Add(nameof(input.CustomerIds), customerIds.Count > MaxCustomers ? "Voucher.TooManyCustomers" : "Voucher.DuplicateCustomers", MaxCustomers);
        }

        var remark = errors.Text(nameof(input.Remark), input.Remark, MaxRemarkLength, required: false);
        var (types, products) = VoucherScope.Validate(errors, input.ServiceTypes, input.Products, limit: true);
        VoucherScope.Validity(errors, input.ValidFrom, input.ValidTo, BeijingTime.DateOf(now));
        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        if (await ReplayAsync(db, actor, input.IdempotencyKey, ct) is { } earlier)
        {
            return earlier;
        }

        var quota = await db.VoucherQuotas.AsNoTracking().SingleOrDefaultAsync(q => q.Id == input.QuotaId && q.OrganizationId == actor.OrganizationId, ct);
        if (quota is null || quota.Status != QuotaStatus.Active || quota.ValidToUtc <= now)
        {
            throw VoucherErrors.Unavailable(input.QuotaId);
        }

        var validFrom = VoucherDates.StartUtc(input.ValidFrom!.Value);
        var validTo = VoucherDates.EndUtc(input.ValidTo!.Value);
        if (validFrom < quota.ValidFromUtc || validTo > quota.ValidToUtc)
        {
            errors.Add(nameof(input.ValidTo), "Voucher.ValidityOutsideQuota", VoucherDates.FromDate(quota.ValidFromUtc).ToString("yyyy-MM-dd"), VoucherDates.ToDate(quota.ValidToUtc).ToString("yyyy-MM-dd"));
        }

        if (!VoucherScope.Inside(types, products, quota))
        {
            errors.Add(nameof(input.ServiceTypes), "Voucher.ScopeOutsideQuota");
        }

        errors.ThrowIfAny();

        var customers = await db.Customers.AsNoTracking()
            .Where(c => customerIds.Contains(c.Id) && c.OrganizationId == actor.OrganizationId && c.Status == CustomerStatus.Associated)
            .Select(c => new { c.Id, c.Name, c.Mode, c.ContractingEntity })
            .ToListAsync(ct);
        if (customers.Count != customerIds.Count)
        {
            throw VoucherErrors.NotCustomer(customerIds.First(id => customers.All(c => c.Id != id)).ToString());
        }

        // R29: from a delegated quota a reseller issues only to its consultative-mode customers.
        if (quota.ParentQuotaId is not null && customers.FirstOrDefault(c => c.Mode != AssociationMode.Consultative) is { } notConsultative)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"Customer {notConsultative.Id} is not consultative; a delegated quota issues only to consultative customers.", "Voucher.DelegatedConsultativeOnly", notConsultative.Name);
        }

        // R30: a cash coupon invoiced to its user goes neither to resale customers nor across contracting entities.
        if (quota.Kind == VoucherKind.CashCoupon && quota.InvoiceToCouponUser)
        {
            var partnerEntity = await db.Organizations.Where(o => o.Id == actor.OrganizationId).Select(o => o.ContractingEntity).SingleAsync(ct);
            if (customers.FirstOrDefault(c => c.Mode == AssociationMode.Resale) is { } resale)
            {
                throw new BusinessException(ErrorCodes.IllegalOperation, $"Customer {resale.Id} is a resale customer; a cash coupon invoiced to its user cannot go to it.", "Voucher.InvoiceToUserNotResale", resale.Name);
            }

            if (customers.FirstOrDefault(c => c.ContractingEntity != partnerEntity) is { } foreign)
            {
                throw new BusinessException(ErrorCodes.IllegalOperation, $"Customer {foreign.Id} contracts with another entity than the partner.", "Voucher.InvoiceToUserEntityDiffers", foreign.Name);
            }
        }

        var total = checked(faceValue.Fen * customerIds.Count);
        try
        {
            return await ChargeAndStoreAsync(db, actor, input, quota, customerIds, faceValue, minimum, total, validFrom, validTo, types, products, remark, now, ct);
        }
        catch (DbUpdateException error) when (error is not DbUpdateConcurrencyException)
        {
            // The same idempotency key won in a parallel request (a double click): report that one, charge nothing more.
            await using var check = await dbFactory.CreateForAsync(actor, ct);
            if (await ReplayAsync(check, actor, input.IdempotencyKey, ct) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    private async Task<IssueResult> ChargeAndStoreAsync(
        AppDbContext db, Actor actor, IssueVouchersInput input, VoucherQuota quota, List<Guid> customerIds, Money faceValue, Money? minimum, long total,
        DateTime validFrom, DateTime validTo, List<string> types, List<string> products, string remark, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var charged = await db.VoucherQuotas
            .Where(q => q.Id == quota.Id && q.OrganizationId == actor.OrganizationId && q.Status == QuotaStatus.Active && q.ValidToUtc > now && q.RemainingFen >= total)
            .ExecuteUpdateAsync(s => s
                .SetProperty(q => q.RemainingFen, q => q.RemainingFen - total)
                .SetProperty(q => q.IssuedFen, q => q.IssuedFen + total)
                .SetProperty(q => q.Version, q => q.Version + 1), ct);
        if (charged == 0)
        {
            await transaction.RollbackAsync(ct);
            if (await ReplayAsync(db, actor, input.IdempotencyKey, ct) is { } earlier)
            {
                return earlier;
            }

            var current = await db.VoucherQuotas.AsNoTracking().SingleAsync(q => q.Id == quota.Id, ct);
            if (current.Status != QuotaStatus.Active || current.ValidToUtc <= now)
            {
                throw VoucherErrors.Unavailable(quota.Id);
            }

            throw VoucherErrors.Insufficient(current.RemainingFen, total);
        }

        db.VoucherIssues.Add(new VoucherIssue
        {
            Id = input.IdempotencyKey,
            OrganizationId = actor.OrganizationId,
            QuotaId = quota.Id,
            Count = customerIds.Count,
            TotalFen = total,
            IssuedByUserId = actor.UserId,
            IssuedAtUtc = now,
        });
        var serviceTypes = VoucherCatalog.Join(types);
        var productCodes = VoucherCatalog.Join(products);
        foreach (var customerId in customerIds)
        {
            var voucher = new Voucher
            {
                OrganizationId = actor.OrganizationId,
                QuotaId = quota.Id,
                IssueId = input.IdempotencyKey,
                CustomerId = customerId,
                Kind = quota.Kind,
                Status = VoucherStatus.Usable,
                FaceValueFen = faceValue.Fen,
                BalanceFen = faceValue.Fen,
                MinimumOrderFen = minimum?.Fen,
                ValidFromUtc = validFrom,
                ValidToUtc = validTo,
                ServiceTypes = serviceTypes,
                Products = productCodes,
                Remark = remark,
                IssuedAtUtc = now,
                IssuedByName = actor.DisplayName,
            };
            db.Vouchers.Add(voucher);
            db.Log(actor, VoucherOperationKind.Issue, actor.OrganizationId, quota.Id, faceValue.Fen, now, voucher.Id, customerId);
        }

        db.Audit(actor, new AuditChange(nameof(VoucherIssue), input.IdempotencyKey.ToString(), VoucherAuditActions.Issue)
        {
            OrganizationId = actor.OrganizationId,
            After = new { Quota = quota.Id, FaceValue = faceValue.ToString(), Customers = customerIds.Count, Total = Money.Format(total) },
        }, time);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(LiveTopics.Vouchers(actor.OrganizationId), LiveTopics.AllVouchers);
        logger.LogInformation("Issued {Count} vouchers of {FaceValue} fen from quota {Quota}", customerIds.Count, faceValue.Fen, quota.Id);
        return new IssueResult(input.IdempotencyKey, customerIds.Count, total, Replayed: false);
    }

    private static async Task<IssueResult?> ReplayAsync(AppDbContext db, Actor actor, Guid key, CancellationToken ct)
    {
        var issue = await db.VoucherIssues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == key && i.OrganizationId == actor.OrganizationId, ct);
        return issue is null ? null : new IssueResult(issue.Id, issue.Count, issue.TotalFen, Replayed: true);
    }
}
