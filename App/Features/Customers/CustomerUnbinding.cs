using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Customers;

/// <summary>
/// R19: the preview of what unbinding a customer will do, gathered from every <see cref="ICustomerUnbindingStep"/> other
/// slices register (vouchers recalled, balance returned), and then all of it in one transaction on one context: every
/// step's apply, the customer Unbound, its open assignment period closed, one audit row. A step that throws, a customer
/// changed since the preview, or a concurrent unbind leaves nothing saved. The held credit code is released by the status:
/// registration treats an unbound customer's code as free.
/// </summary>
public sealed class CustomerUnbinding(
    IDbContextFactory<AppDbContext> dbFactory,
    IEnumerable<ICustomerUnbindingStep> steps,
    TimeProvider time,
    ILogger<CustomerUnbinding> logger)
{
    private readonly IReadOnlyList<ICustomerUnbindingStep> _steps = steps.OrderBy(s => s.Order).ToList();

    public async Task<UnbindingPreview> PreviewAsync(Actor actor, Guid customerId, CancellationToken ct = default)
    {
        CustomerVisibility.DemandPartnerCommand(actor, CustomerPermissions.Unbind);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var customer = await CustomerCommands.LoadForCommandAsync(db, actor, new CustomerTarget(customerId), ct);
        var effects = new List<UnbindingEffect>();
        foreach (var step in _steps)
        {
            effects.AddRange(await step.PreviewAsync(db, customer, ct));
        }

        return new UnbindingPreview(customer.Id, CustomerMasking.Mask(CustomerField.Name, customer.Name), customer.Version, effects);
    }

    public async Task UnbindAsync(Actor actor, CustomerTarget target, CancellationToken ct = default)
    {
        CustomerVisibility.DemandPartnerCommand(actor, CustomerPermissions.Unbind);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var customer = await CustomerCommands.LoadForCommandAsync(db, actor, target, ct);
        var seenVersion = customer.Version;
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // The first statement writes: it takes the write lock on SQLite (no read-to-write upgrade later) and the row
            // lock on PostgreSQL, and proves the row is still the associated one at the version loaded. A concurrent
            // unbind, assignment or allocation either waits here or has already moved the version.
            var locked = await db.Customers
                .Where(c => c.Id == customer.Id && c.OrganizationId == actor.OrganizationId && c.Version == seenVersion && c.Status == CustomerStatus.Associated)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version), ct);
            if (locked == 0)
            {
                throw new DbUpdateConcurrencyException();
            }

            foreach (var step in _steps)
            {
                await step.ApplyAsync(db, actor, customer, now, ct);
            }

            // A step may have changed the row with its own statement (e.g. the balance): take its version as ours now,
            // under the lock, so the status change below neither fails on it nor overwrites the step's columns.
            var current = await db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Version).SingleAsync(ct);
            db.Entry(customer).Property(c => c.Version).OriginalValue = current;
            customer.Version = current;

            var beforeStatus = customer.Status;
            customer.Status = CustomerStatus.Unbound;
            customer.UnboundAtUtc = now;
            customer.UpdatedAtUtc = now;
            await CustomerAssignments.CloseOpenPeriodAsync(db, customer.Id, now, ct);
            db.Audit(actor, CustomerCommands.Change(customer, CustomerAuditActions.Unbind) with
            {
                Before = new { Status = beforeStatus },
                After = new { customer.Status },
            }, time);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception error) when (IsConcurrentChange(error))
        {
            logger.LogInformation(error, "Concurrent change to customer {Id} stopped its unbinding", customer.Id);
            throw await CustomerCommands.StaleAsync(dbFactory, actor, customer.Id, ct);
        }
    }

    /// <summary>
    /// A version conflict, or a PostgreSQL deadlock/serialization failure against a recall or redemption of one of the
    /// customer's vouchers (EF wraps those in a "transient failure" exception): either way another user changed what the
    /// preview showed, and the user is told so instead of seeing an error.
    /// </summary>
    private static bool IsConcurrentChange(Exception error) =>
        error is DbUpdateConcurrencyException || DbErrors.IsLostToConcurrentTransaction(error);
}
