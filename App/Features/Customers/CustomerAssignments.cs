using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Customers;

/// <summary>
/// R18: the partner admin hands a customer to an account manager (or a supervisor) of the same partner. The open
/// assignment period is closed at this moment and a new one opened, so consumption before stays with the previous
/// holder. Version-checked: of two concurrent assignments one wins and the other is told who was first.
/// </summary>
public sealed class CustomerAssignments(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<CustomerAssignments> logger)
{
    public async Task AssignAsync(Actor actor, AssignCustomerInput input, CancellationToken ct = default)
    {
        CustomerVisibility.DemandPartnerCommand(actor, CustomerPermissions.Assign);
        if (string.IsNullOrWhiteSpace(input.AssignedTo))
        {
            throw new ValidationException(nameof(input.AssignedTo), "Customer.AssigneeRequired");
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var customer = await CustomerCommands.LoadForCommandAsync(db, actor, input.Target, ct);
        var assignee = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == input.AssignedTo && u.OrganizationId == customer.OrganizationId, ct);
        var assigneeIsManager = assignee is not null && await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == assignee.Id && (r.Name == AppRoles.AccountManager || r.Name == AppRoles.AccountManagerSupervisor)
            select ur).AnyAsync(ct);
        if (assignee is null || !assigneeIsManager)
        {
            throw new ValidationException(nameof(input.AssignedTo), "Customer.AssigneeInvalid");
        }

        if (assignee.Id == customer.AccountManagerUserId)
        {
            throw new ValidationException(nameof(input.AssignedTo), "Customer.AlreadyAssignedToThem");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var beforeName = customer.AccountManagerUserId is { } previous
            ? await db.Users.Where(u => u.Id == previous).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
            : null;
        await CloseOpenPeriodAsync(db, customer.Id, now, ct);
        db.CustomerAssignments.Add(new CustomerAssignment
        {
            OrganizationId = customer.OrganizationId,
            CustomerId = customer.Id,
            AccountManagerUserId = assignee.Id,
            FromUtc = now,
            AssignedByUserId = actor.UserId,
            AssignedByName = actor.DisplayName,
        });
        customer.AccountManagerUserId = assignee.Id;
        customer.UpdatedAtUtc = now;
        db.Audit(actor, CustomerCommands.Change(customer, CustomerAuditActions.Assign) with
        {
            Before = new { AccountManager = beforeName },
            After = new { AccountManager = assignee.DisplayName },
        }, time);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Concurrent change to customer {Id} lost the race", customer.Id);
            throw await CustomerCommands.StaleAsync(dbFactory, actor, customer.Id, ct);
        }
    }

    /// <summary>Assigns each customer on its own; one refusal does not undo the others. Returns the refusals by customer.</summary>
    public async Task<IReadOnlyDictionary<Guid, BusinessException>> AssignManyAsync(Actor actor, IReadOnlyCollection<Guid> customerIds, string? assignTo, CancellationToken ct = default)
    {
        CustomerVisibility.DemandPartnerCommand(actor, CustomerPermissions.Assign);
        var failures = new Dictionary<Guid, BusinessException>();
        foreach (var id in customerIds.Distinct())
        {
            try
            {
                await AssignAsync(actor, new AssignCustomerInput(new CustomerTarget(id)) { AssignedTo = assignTo }, ct);
            }
            catch (BusinessException error)
            {
                failures[id] = error;
            }
        }

        return failures;
    }

    /// <summary>Closes the customer's open period (ToUtc = now) on the tracked context; the caller saves.</summary>
    internal static async Task CloseOpenPeriodAsync(AppDbContext db, Guid customerId, DateTime nowUtc, CancellationToken ct)
    {
        foreach (var open in await db.CustomerAssignments.Where(a => a.CustomerId == customerId && a.ToUtc == null).ToListAsync(ct))
        {
            open.ToUtc = nowUtc;
        }
    }
}

/// <summary>What the customer commands share: load under R3 with state and version checks, the audit shape, the stale answer.</summary>
internal static class CustomerCommands
{
    public static AuditChange Change(Customer customer, string action) =>
        new(nameof(Customer), customer.Id.ToString(), action) { OrganizationId = customer.OrganizationId };

    public static async Task<Customer> LoadForCommandAsync(AppDbContext db, Actor actor, CustomerTarget target, CancellationToken ct)
    {
        var customer = await db.Customers.VisibleTo(db, actor).SingleOrDefaultAsync(c => c.Id == target.Id, ct)
            ?? throw new NotFoundException(nameof(Customer), target.Id);
        if (customer.Status == CustomerStatus.Unbound)
        {
            throw new CustomerUnboundException(CustomerMasking.Mask(CustomerField.Name, customer.Name));
        }

        if (target.ExpectedVersion is { } seen && seen != customer.Version)
        {
            throw await StaleAsync(db, customer, ct);
        }

        return customer;
    }

    public static async Task<BusinessException> StaleAsync(IDbContextFactory<AppDbContext> dbFactory, Actor actor, Guid customerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var current = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId, ct);
        return current.Status == CustomerStatus.Unbound
            ? new CustomerUnboundException(CustomerMasking.Mask(CustomerField.Name, current.Name))
            : await StaleAsync(db, current, ct);
    }

    /// <summary>The row is not what the user acted on: say who changed it last (the latest assign or unbind audit row).</summary>
    private static async Task<BusinessException> StaleAsync(AppDbContext db, Customer current, CancellationToken ct)
    {
        var key = current.Id.ToString();
        var by = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Customer) && a.EntityId == key && a.Action != CustomerAuditActions.Reveal)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Select(a => a.ActorName)
            .FirstOrDefaultAsync(ct);
        return new CustomerChangedException(CustomerMasking.Mask(CustomerField.Name, current.Name), by);
    }
}
