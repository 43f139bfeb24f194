using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Vouchers;

/// <summary>An order a voucher is applied to: its id (one voucher per order, R28), product and amount.</summary>
public sealed record VoucherOrder(string OrderId, string Product, Money Amount);

/// <summary>
/// Applies one voucher to one order (R28): within validity, the order meets the minimum amount, the product is in scope,
/// the order has no voucher yet. The deduction is min(balance, order amount); the voucher is used at zero. A platform
/// operation (the consumption slice and the demo data call it), not a partner command: it runs in the system scope.
/// </summary>
public sealed class VoucherRedemptions(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<long> RedeemAsync(Guid voucherId, VoucherOrder order, CancellationToken ct = default)
    {
        try
        {
            return await RedeemOnceAsync(voucherId, order, ct);
        }
        catch (Exception error) when (DbErrors.IsLostToConcurrentTransaction(error))
        {
            // On PostgreSQL a recall or the customer's unbinding can hold the voucher (and its quota) first: this redemption
            // changed nothing and is told so, as with any other lost race.
            throw VoucherErrors.Changed(voucherId);
        }
    }

    private async Task<long> RedeemOnceAsync(Guid voucherId, VoucherOrder order, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(order.OrderId) || order.OrderId.Length > 64 || order.Amount.Fen <= 0)
        {
            throw new ValidationException(nameof(order.OrderId), "Validation.Required");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var voucher = await db.Vouchers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voucherId, ct)
            ?? throw new NotFoundException(nameof(Voucher), voucherId);
        if (voucher.Status is VoucherStatus.Expired or VoucherStatus.Recalled || voucher.ValidToUtc <= now)
        {
            throw VoucherErrors.ExpiredOrAlreadyRecalled(voucherId);
        }

        if (voucher.Status == VoucherStatus.Used)
        {
            throw VoucherErrors.AlreadyUsed(voucherId);
        }

        if (voucher.ValidFromUtc > now)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"Voucher {voucherId} is not activated yet.", "Voucher.NotActivatedYet");
        }

        if (voucher.MinimumOrderFen is { } minimum && order.Amount.Fen < minimum)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"Order {order.OrderId} is below the voucher's minimum.", "Voucher.BelowMinimumOrder", Money.Format(minimum));
        }

        if (!VoucherCatalog.Covers(VoucherCatalog.Split(voucher.ServiceTypes), VoucherCatalog.Split(voucher.Products), order.Product))
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"Product {order.Product} is outside the voucher's scope.", "Voucher.OutOfScope");
        }

        if (await db.VoucherRedemptions.AnyAsync(r => r.OrderId == order.OrderId, ct))
        {
            throw OrderAlreadyUsed(order.OrderId);
        }

        var deducted = Math.Min(voucher.BalanceFen, order.Amount.Fen);
        var left = voucher.BalanceFen - deducted;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Vouchers
            .Where(v => v.Id == voucherId && v.Status == VoucherStatus.Usable && v.Version == voucher.Version && v.BalanceFen == voucher.BalanceFen)
            .ExecuteUpdateAsync(s => s
                .SetProperty(v => v.BalanceFen, left)
                .SetProperty(v => v.Status, left == 0 ? VoucherStatus.Used : VoucherStatus.Usable)
                .SetProperty(v => v.ClosedAtUtc, left == 0 ? (DateTime?)now : null)
                .SetProperty(v => v.Version, v => v.Version + 1), ct);
        if (claimed == 0)
        {
            throw VoucherErrors.Changed(voucherId);
        }

        db.VoucherRedemptions.Add(new VoucherRedemption { OrganizationId = voucher.OrganizationId, VoucherId = voucherId, OrderId = order.OrderId, AmountFen = deducted, AtUtc = now });
        db.Log(null, VoucherOperationKind.Redeem, voucher.OrganizationId, voucher.QuotaId, deducted, now, voucher.Id, voucher.CustomerId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another voucher took this order in parallel (unique order id): this one is untouched.
            throw OrderAlreadyUsed(order.OrderId);
        }

        await transaction.CommitAsync(ct);
        return deducted;
    }

    private static BusinessException OrderAlreadyUsed(string orderId) =>
        new(ErrorCodes.IllegalOperation, $"Order {orderId} already has a voucher.", "Voucher.OrderAlreadyUsed");
}
