using System.Data.Common;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Funds;

/// <summary>
/// The money commands: vendor top-up, allocate (拨款) and reclaim (回收) (R21), withdrawal request (R22), low-balance
/// threshold. Each one is a single transaction that
/// 1. inserts its <see cref="MoneyCommand"/> row first (the write that takes SQLite's write lock, and the unique
///    (organization, key) index that makes a concurrent duplicate wait and then fail, to be answered with the first result),
/// 2. moves the balances with conditional atomic updates (<c>… WHERE CashFen &gt;= amount</c>), partner cash before the
///    customer row so two commands never lock in opposite orders, and reads the balances back,
/// 3. appends the ledger lines with those balances and one audit row, and commits.
/// A refusal anywhere rolls all of it back: nothing is stored and no audit row written. There is no method that updates
/// or deletes a ledger line.
/// </summary>
public sealed class FundsCommands(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<FundsCommands> logger)
{
    private const int MaxAttempts = 4;

    /// <summary>The vendor operator credits a partner's cash account (demo and tests stand in for the real payment).</summary>
    public async Task<MoneyResult> TopUpAsync(Actor actor, TopUpInput input, CancellationToken ct = default)
    {
        actor.Demand(FundsPermissions.TopUp);
        var amount = Money.FromYuan(input.Amount, nameof(input.Amount));
        if (input.PartnerOrganizationId is not { } partner)
        {
            throw new ValidationException(nameof(input.PartnerOrganizationId), "Funds.PartnerRequired");
        }

        await using (var db = await dbFactory.CreateForAsync(actor, ct))
        {
            var isPartner = await db.Organizations.AnyAsync(o => o.Id == partner && o.Kind != OrganizationKind.Vendor, ct);
            if (!isPartner || (!actor.IsVendor && partner != actor.OrganizationId))
            {
                throw new ValidationException(nameof(input.PartnerOrganizationId), "Funds.PartnerRequired");
            }
        }

        return await ExecuteAsync(actor, partner, input.IdempotencyKey, LedgerEntryKind.TopUp, null, amount, async (db, command, now) =>
        {
            var cashAfter = await CreditCashAsync(db, partner, amount, now, ct);
            db.LedgerEntries.Add(Line(command, LedgerAccount.PartnerCash, null, amount.Fen, cashAfter, actor, now));
            db.Audit(actor, new AuditChange(nameof(PartnerCashAccount), partner.ToString(), FundsAuditActions.TopUp)
            {
                OrganizationId = partner,
                Before = new { Cash = Money.Format(cashAfter - amount.Fen) },
                After = new { Cash = Money.Format(cashAfter) },
            }, time);
            command.PartnerCashAfterFen = cashAfter;
        }, ct);
    }

    /// <summary>拨款 (R21): partner cash → an associated resale customer of the actor's partner.</summary>
    public async Task<MoneyResult> AllocateAsync(Actor actor, TransferInput input, CancellationToken ct = default)
    {
        actor.Demand(FundsPermissions.Adjust);
        var (customer, amount) = await ValidateTransferAsync(actor, input, ct);
        var org = actor.OrganizationId;
        return await ExecuteAsync(actor, org, input.IdempotencyKey, LedgerEntryKind.Allocate, customer.Id, amount, async (db, command, now) =>
        {
            // The customer first, then partner cash: every money path (allocate, reclaim, unbinding) locks in that order,
            // so none of them can deadlock another on PostgreSQL. A refusal below rolls the credit back.
            var credited = await ResaleCustomer(db, org, customer.Id)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.BalanceFen, c => c.BalanceFen + amount.Fen)
                    .SetProperty(c => c.Version, c => c.Version + 1)
                    .SetProperty(c => c.UpdatedAtUtc, now), ct);
            if (credited == 0)
            {
                // Unbound (or switched) between the check and the transaction.
                throw FundsErrors.NotPartnersCustomer(customer.Id);
            }

            var debited = await db.PartnerCashAccounts
                .Where(a => a.OrganizationId == org && a.CashFen >= amount.Fen)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.CashFen, a => a.CashFen - amount.Fen)
                    .SetProperty(a => a.Version, a => a.Version + 1)
                    .SetProperty(a => a.UpdatedAtUtc, now), ct);
            if (debited == 0)
            {
                var available = await db.PartnerCashAccounts.Where(a => a.OrganizationId == org).Select(a => (long?)a.CashFen).SingleOrDefaultAsync(ct) ?? 0;
                throw FundsErrors.InsufficientCash(new Money(available), amount);
            }

            await RecordTransferAsync(db, actor, command, customer, -amount.Fen, FundsAuditActions.Allocate, now, ct);
        }, ct);
    }

    /// <summary>回收 (R21): an associated resale customer's balance → partner cash; never more than the customer has.</summary>
    public async Task<MoneyResult> ReclaimAsync(Actor actor, TransferInput input, CancellationToken ct = default)
    {
        actor.Demand(FundsPermissions.Adjust);
        var (customer, amount) = await ValidateTransferAsync(actor, input, ct);
        var org = actor.OrganizationId;
        return await ExecuteAsync(actor, org, input.IdempotencyKey, LedgerEntryKind.Reclaim, customer.Id, amount, async (db, command, now) =>
        {
            // The customer first (same lock order as allocate and unbinding); its conditional debit decides.
            var debited = await ResaleCustomer(db, org, customer.Id)
                .Where(c => c.BalanceFen >= amount.Fen)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.BalanceFen, c => c.BalanceFen - amount.Fen)
                    .SetProperty(c => c.Version, c => c.Version + 1)
                    .SetProperty(c => c.UpdatedAtUtc, now), ct);
            if (debited == 0)
            {
                var balance = await ResaleCustomer(db, org, customer.Id).Select(c => (long?)c.BalanceFen).SingleOrDefaultAsync(ct);
                throw balance is { } b
                    ? FundsErrors.InsufficientCustomerBalance(customer.Name, new Money(b), amount)
                    : FundsErrors.NotPartnersCustomer(customer.Id);
            }

            await CreditCashAsync(db, org, amount, now, ct);
            await RecordTransferAsync(db, actor, command, customer, amount.Fen, FundsAuditActions.Reclaim, now, ct);
        }, ct);
    }

    /// <summary>
    /// R22: records a withdrawal request and takes the amount out of the cash account (so two requests cannot spend the
    /// same money). Refused while any sub-account is in arrears, and beyond the withdrawable amount.
    /// </summary>
    public async Task<MoneyResult> RequestWithdrawalAsync(Actor actor, WithdrawalInput input, CancellationToken ct = default)
    {
        actor.Demand(FundsPermissions.Withdraw);
        var amount = Money.FromYuan(input.Amount, nameof(input.Amount));
        var org = actor.OrganizationId;
        return await ExecuteAsync(actor, org, input.IdempotencyKey, LedgerEntryKind.Withdrawal, null, amount, async (db, command, now) =>
        {
            var arrears = await db.Customers.Where(c => c.OrganizationId == org && c.ArrearsFen > 0).SumAsync(c => c.ArrearsFen, ct);
            if (arrears > 0)
            {
                throw FundsErrors.BlockedByArrears(new Money(arrears));
            }

            var customers = db.Customers;
            var withdrawn = await db.PartnerCashAccounts
                .Where(a => a.OrganizationId == org && a.CashFen - a.OwedInInvoicesFen - a.UnpostedFen >= amount.Fen)
                .Where(a => !customers.Any(c => c.OrganizationId == org && c.ArrearsFen > 0))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.CashFen, a => a.CashFen - amount.Fen)
                    .SetProperty(a => a.Version, a => a.Version + 1)
                    .SetProperty(a => a.UpdatedAtUtc, now), ct);
            var account = await db.PartnerCashAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.OrganizationId == org, ct);
            if (withdrawn == 0)
            {
                var withdrawable = account is null ? Money.Zero : new Money(account.CashFen - account.OwedInInvoicesFen - account.UnpostedFen);
                throw FundsErrors.BeyondWithdrawable(withdrawable, amount);
            }

            var cashAfter = account!.CashFen;
            db.WithdrawalRequests.Add(new WithdrawalRequest
            {
                Id = command.Id,
                OrganizationId = org,
                AmountFen = amount.Fen,
                WithdrawableBeforeFen = cashAfter + amount.Fen - account.OwedInInvoicesFen - account.UnpostedFen,
                Status = WithdrawalStatus.Requested,
                RequestedByUserId = actor.UserId,
                RequestedByName = actor.DisplayName,
                RequestedAtUtc = now,
            });
            db.LedgerEntries.Add(Line(command, LedgerAccount.PartnerCash, null, -amount.Fen, cashAfter, actor, now));
            db.Audit(actor, new AuditChange(nameof(PartnerCashAccount), org.ToString(), FundsAuditActions.Withdraw)
            {
                OrganizationId = org,
                Before = new { Cash = Money.Format(cashAfter + amount.Fen) },
                After = new { Cash = Money.Format(cashAfter), Withdrawal = amount.ToString() },
            }, time);
            command.PartnerCashAfterFen = cashAfter;
        }, ct);
    }

    /// <summary>Sets (or clears) a resale customer's low-balance threshold; the customer list flags it below that.</summary>
    public async Task SetLowBalanceThresholdAsync(Actor actor, ThresholdInput input, CancellationToken ct = default)
    {
        actor.Demand(FundsPermissions.SetThreshold);
        Money? threshold = input.Threshold is null ? null : Money.FromYuan(input.Threshold, nameof(input.Threshold), MoneyRule.NotNegative);
        var org = actor.OrganizationId;
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var customer = await CheckedCustomerAsync(db, actor, input.CustomerId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var updated = await ResaleCustomer(db, org, customer.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.LowBalanceThresholdFen, threshold.HasValue ? threshold.Value.Fen : null)
            .SetProperty(c => c.Version, c => c.Version + 1)
            .SetProperty(c => c.UpdatedAtUtc, now), ct);
        if (updated == 0)
        {
            throw FundsErrors.NotPartnersCustomer(customer.Id);
        }

        db.Audit(actor, new AuditChange(nameof(Customer), customer.Id.ToString(), FundsAuditActions.SetThreshold)
        {
            OrganizationId = org,
            Before = new { LowBalanceThreshold = customer.LowBalanceThresholdFen is { } b ? Money.Format(b) : null },
            After = new { LowBalanceThreshold = threshold?.ToString() },
        }, time);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Refusals that need no transaction: the amount, then whether the customer is the partner's associated resale customer.</summary>
    private async Task<(Customer Customer, Money Amount)> ValidateTransferAsync(Actor actor, TransferInput input, CancellationToken ct)
    {
        if (actor.IsVendor)
        {
            throw new AccessDeniedException("move a partner's money");
        }

        var amount = Money.FromYuan(input.Amount, nameof(input.Amount));
        if (input.CustomerId is not { } customerId)
        {
            throw new ValidationException(nameof(input.CustomerId), "Funds.CustomerRequired");
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return (await CheckedCustomerAsync(db, actor, customerId, ct), amount);
    }

    private static async Task<Customer> CheckedCustomerAsync(AppDbContext db, Actor actor, Guid customerId, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == customerId && c.OrganizationId == actor.OrganizationId, ct);
        if (customer is null || customer.Status != CustomerStatus.Associated)
        {
            throw FundsErrors.NotPartnersCustomer(customerId);
        }

        if (customer.Mode != AssociationMode.Resale)
        {
            throw FundsErrors.ConsultativeCustomer(customer.Name);
        }

        return customer;
    }

    private static IQueryable<Customer> ResaleCustomer(AppDbContext db, Guid org, Guid customerId) =>
        db.Customers.Where(c => c.Id == customerId && c.OrganizationId == org && c.Mode == AssociationMode.Resale && c.Status == CustomerStatus.Associated);

    /// <summary>Adds to the partner's cash, opening the account on its first credit; returns the cash after.</summary>
    private static async Task<long> CreditCashAsync(AppDbContext db, Guid org, Money amount, DateTime now, CancellationToken ct)
    {
        var credited = await db.PartnerCashAccounts.Where(a => a.OrganizationId == org)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.CashFen, a => a.CashFen + amount.Fen)
                .SetProperty(a => a.Version, a => a.Version + 1)
                .SetProperty(a => a.UpdatedAtUtc, now), ct);
        if (credited == 0)
        {
            // A concurrent first credit makes this insert fail; the command is then retried and takes the update path.
            db.PartnerCashAccounts.Add(new PartnerCashAccount { OrganizationId = org, CashFen = amount.Fen, UpdatedAtUtc = now });
            await db.SaveChangesAsync(ct);
            return amount.Fen;
        }

        return await db.PartnerCashAccounts.Where(a => a.OrganizationId == org).Select(a => a.CashFen).SingleAsync(ct);
    }

    /// <summary>Both ledger legs of a transfer with the balances read back inside the transaction, and one audit row.</summary>
    private async Task RecordTransferAsync(AppDbContext db, Actor actor, MoneyCommand command, Customer customer, long partnerDeltaFen, string action, DateTime now, CancellationToken ct)
    {
        var org = actor.OrganizationId;
        var cashAfter = await db.PartnerCashAccounts.Where(a => a.OrganizationId == org).Select(a => a.CashFen).SingleAsync(ct);
        var balanceAfter = await db.Customers.Where(c => c.Id == customer.Id).Select(c => c.BalanceFen).SingleAsync(ct);
        db.LedgerEntries.Add(Line(command, LedgerAccount.PartnerCash, customer.Id, partnerDeltaFen, cashAfter, actor, now));
        db.LedgerEntries.Add(Line(command, LedgerAccount.Customer, customer.Id, -partnerDeltaFen, balanceAfter, actor, now));
        db.Audit(actor, new AuditChange(nameof(Customer), customer.Id.ToString(), action)
        {
            OrganizationId = org,
            Before = new { Balance = Money.Format(balanceAfter + partnerDeltaFen), PartnerCash = Money.Format(cashAfter - partnerDeltaFen) },
            After = new { Balance = Money.Format(balanceAfter), PartnerCash = Money.Format(cashAfter) },
        }, time);
        command.PartnerCashAfterFen = cashAfter;
        command.CustomerBalanceAfterFen = balanceAfter;
    }

    internal static LedgerEntry Line(MoneyCommand command, LedgerAccount account, Guid? customerId, long amountFen, long balanceAfterFen, Actor actor, DateTime now) => new()
    {
        OrganizationId = command.OrganizationId,
        Account = account,
        CustomerId = customerId,
        Kind = command.Kind,
        AmountFen = amountFen,
        BalanceAfterFen = balanceAfterFen,
        TransferId = command.Id,
        ActorUserId = actor.UserId,
        ActorName = actor.DisplayName,
        AtUtc = now,
    };

    /// <summary>
    /// Runs one money command exactly once per (organization, idempotency key): replays a finished one, and retries a
    /// transaction that lost a race it can win on a second try (a concurrent account opening, a PostgreSQL deadlock).
    /// </summary>
    private async Task<MoneyResult> ExecuteAsync(
        Actor actor, Guid org, Guid key, LedgerEntryKind kind, Guid? customerId, Money amount,
        Func<AppDbContext, MoneyCommand, DateTime, Task> move, CancellationToken ct)
    {
        if (key == Guid.Empty)
        {
            throw new ValidationException("IdempotencyKey", "Funds.KeyRequired");
        }

        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(actor, org, key, ct) is { } done)
            {
                return Replay(done, kind, customerId, amount);
            }

            await using var db = await dbFactory.CreateForAsync(actor, ct);
            var now = time.GetUtcNow().UtcDateTime;
            var command = new MoneyCommand
            {
                OrganizationId = org,
                IdempotencyKey = key,
                Kind = kind,
                CustomerId = customerId,
                AmountFen = amount.Fen,
                ActorUserId = actor.UserId,
                AtUtc = now,
            };
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                db.MoneyCommands.Add(command);
                await db.SaveChangesAsync(ct);
                await move(db, command, now);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return ToResult(command, replayed: false);
            }
            catch (Exception error) when (attempt < MaxAttempts && IsRetryable(error))
            {
                // A duplicate key is answered by FindAsync at the top of the next round.
                logger.LogInformation(error, "Money command {Kind} for {Organization} lost a race (attempt {Attempt}); retrying", kind, org, attempt);
            }
        }
    }

    private static bool IsRetryable(Exception error) => error switch
    {
        BusinessException => false,
        // EF wraps a transient provider error (a PostgreSQL deadlock) this way when its retrying strategy is configured.
        InvalidOperationException { InnerException: { } inner } => IsRetryable(inner),
        DbUpdateException => true,
        DbException { SqlState: "40P01" or "40001" or "23505" } => true,
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => true,
        _ => false,
    };

    private async Task<MoneyCommand?> FindAsync(Actor actor, Guid org, Guid key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.MoneyCommands.AsNoTracking().SingleOrDefaultAsync(c => c.OrganizationId == org && c.IdempotencyKey == key, ct);
    }

    private static MoneyResult Replay(MoneyCommand done, LedgerEntryKind kind, Guid? customerId, Money amount) =>
        done.Kind == kind && done.CustomerId == customerId && done.AmountFen == amount.Fen
            ? ToResult(done, replayed: true)
            : throw FundsErrors.KeyReused();

    private static MoneyResult ToResult(MoneyCommand command, bool replayed) => new(
        command.Id,
        command.Kind,
        new Money(command.AmountFen),
        new Money(command.PartnerCashAfterFen),
        command.CustomerBalanceAfterFen is { } b ? new Money(b) : null,
        replayed);
}
