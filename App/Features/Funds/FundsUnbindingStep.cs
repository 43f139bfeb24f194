using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Currency;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Funds;

/// <summary>
/// R19: when a resale customer disassociates, its whole balance returns to the partner's cash account, with both ledger
/// legs. Runs on the unbinding's own context and transaction, through tracked entities: the customer row and the cash
/// account are versioned, so a concurrent allocate or reclaim makes the unbinding's single save fail instead of losing
/// money.
/// </summary>
public sealed class FundsUnbindingStep(TimeProvider time) : ICustomerUnbindingStep
{
    public const string EffectKey = "Funds.Unbind.BalanceReturns";

    public int Order => 20;

    public Task<IReadOnlyList<UnbindingEffect>> PreviewAsync(AppDbContext db, Customer customer, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<UnbindingEffect>>(customer.Mode == AssociationMode.Resale && customer.BalanceFen > 0
            ? [new UnbindingEffect(EffectKey, 1, customer.BalanceFen)]
            : []);

    public async Task ApplyAsync(AppDbContext db, Actor actor, Customer customer, DateTime nowUtc, CancellationToken ct)
    {
        if (customer.Mode != AssociationMode.Resale || customer.BalanceFen <= 0)
        {
            return;
        }

        var amount = customer.BalanceFen;
        var account = await db.PartnerCashAccounts.SingleOrDefaultAsync(a => a.OrganizationId == customer.OrganizationId, ct);
        if (account is null)
        {
            account = new PartnerCashAccount { OrganizationId = customer.OrganizationId };
            db.PartnerCashAccounts.Add(account);
        }

        account.CashFen += amount;
        account.UpdatedAtUtc = nowUtc;
        customer.BalanceFen = 0;
        customer.UpdatedAtUtc = nowUtc;

        var transfer = new MoneyCommand
        {
            OrganizationId = customer.OrganizationId,
            IdempotencyKey = Guid.NewGuid(),
            Kind = LedgerEntryKind.UnbindReturn,
            CustomerId = customer.Id,
            AmountFen = amount,
            PartnerCashAfterFen = account.CashFen,
            CustomerBalanceAfterFen = 0,
            ActorUserId = actor.UserId,
            AtUtc = nowUtc,
        };
        db.MoneyCommands.Add(transfer);
        db.LedgerEntries.Add(FundsCommands.Line(transfer, LedgerAccount.Customer, customer.Id, -amount, 0, actor, nowUtc));
        db.LedgerEntries.Add(FundsCommands.Line(transfer, LedgerAccount.PartnerCash, customer.Id, amount, account.CashFen, actor, nowUtc));
        db.Audit(actor, new AuditChange(nameof(Customer), customer.Id.ToString(), FundsAuditActions.UnbindReturn)
        {
            OrganizationId = customer.OrganizationId,
            Before = new { Balance = Money.Format(amount), PartnerCash = Money.Format(account.CashFen - amount) },
            After = new { Balance = Money.Format(0), PartnerCash = Money.Format(account.CashFen) },
        }, time);
    }
}
