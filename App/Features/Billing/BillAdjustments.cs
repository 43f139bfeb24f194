using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features.Consumption;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Billing;

/// <summary>
/// The vendor operator records a refund or an adjustment for a partner and a period (R34: they go into that period's bill
/// when it is generated). Once the period's bill exists it is refused (CBC.0155): an issued bill never changes, so the
/// correction must target a later period. A refused command stores nothing and audits nothing.
/// </summary>
public sealed class BillAdjustments(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const int ReasonMaxLength = 500;

    public async Task<long> RecordAsync(Actor actor, BillAdjustmentInput input, CancellationToken ct = default)
    {
        actor.Demand(ConsumptionPermissions.AdjustBills);
        var errors = new InputErrors();
        if (input.PartnerId is null)
        {
            errors.Add(nameof(input.PartnerId), "Bill.PartnerRequired");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!BillSchedule.TryParsePeriod(input.Period, out var period))
        {
            errors.Add(nameof(input.Period), "Bill.PeriodRequired");
        }
        else if (period < ConsumptionWindow.EarliestMonth(now) || period > ConsumptionWindow.CurrentMonth(now))
        {
            errors.Add(nameof(input.Period), "Bill.AdjustmentPeriodOutsideWindow");
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(nameof(input.Kind), "Validation.Required");
        }

        // A refund is typed as the amount returned (positive) and stored negative; an adjustment is signed, never zero.
        var amount = Money.Zero;
        switch (input.Amount)
        {
            case null:
                errors.Add(nameof(input.Amount), "Money.Required");
                break;
            case { } yuan when decimal.Round(yuan, 2) != yuan:
                errors.Add(nameof(input.Amount), "Money.TooManyDecimals");
                break;
            case { } yuan when Math.Abs(yuan) > Money.Max.Yuan:
                errors.Add(nameof(input.Amount), "Money.TooLarge");
                break;
            case 0m:
                errors.Add(nameof(input.Amount), "Bill.AmountNotZero");
                break;
            case { } yuan when input.Kind == BillAdjustmentKind.Refund && yuan < 0:
                errors.Add(nameof(input.Amount), "Money.MustBePositive");
                break;
            case { } yuan:
                amount = new Money((long)(yuan * 100m));
                break;
        }

        var reason = errors.Text(nameof(input.Reason), input.Reason, ReasonMaxLength);
        errors.ThrowIfAny();

        var partner = input.PartnerId!.Value;
        var fen = input.Kind == BillAdjustmentKind.Refund ? -Math.Abs(amount.Fen) : amount.Fen;
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await BillQueries.ResolvePartnerAsync(db, actor, partner, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await BillLocks.LockAsync(db, partner, period, ct);

        // The write first (SQLite takes its write lock here, so generation cannot slip in between), then the check.
        var adjustment = new BillAdjustment
        {
            OrganizationId = partner,
            Period = period,
            Kind = input.Kind,
            AmountFen = fen,
            Reason = reason,
            RecordedByUserId = actor.UserId,
            RecordedByName = actor.DisplayName,
            RecordedAtUtc = now,
        };
        db.BillAdjustments.Add(adjustment);
        await db.SaveChangesAsync(ct);
        if (await db.Bills.AnyAsync(b => b.OrganizationId == partner && b.Period == period, ct))
        {
            await transaction.RollbackAsync(ct);
            throw BillingErrors.BillAlreadyGenerated(Bill.PeriodText(period));
        }

        db.Audit(actor, new AuditChange(nameof(BillAdjustment), adjustment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ConsumptionAuditActions.BillAdjustment)
        {
            OrganizationId = partner,
            After = new { Period = Bill.PeriodText(period), adjustment.Kind, Amount = Money.Format(fen) },
            Reason = reason,
        }, time);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return adjustment.Id;
    }
}
