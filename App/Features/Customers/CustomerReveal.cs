using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Customers;

/// <summary>
/// R4: the one way a clear customer name, contact, phone or e-mail reaches a page. Checks the reveal permission and R3
/// visibility, writes who revealed which field of which customer, and only then returns the value. A refused reveal
/// writes nothing.
/// </summary>
public sealed class CustomerReveal(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<string> RevealAsync(Actor actor, Guid customerId, CustomerField field, CancellationToken ct = default)
    {
        actor.Demand(CustomerPermissions.Reveal);
        if (!Enum.IsDefined(field))
        {
            throw new ValidationException(nameof(field), "Error.Validation");
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var customer = await db.Customers.AsNoTracking().VisibleTo(db, actor)
            .Where(c => c.Id == customerId)
            .Select(c => new { c.OrganizationId, c.Name, c.ContactName, c.ContactPhone, c.ContactEmail })
            .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(nameof(Customer), customerId);
        db.Audit(actor, new AuditChange(nameof(Customer), customerId.ToString(), CustomerAuditActions.Reveal)
        {
            OrganizationId = customer.OrganizationId,
            After = new { Field = field },
        }, time);
        await db.SaveChangesAsync(ct);
        return field switch
        {
            CustomerField.ContactName => customer.ContactName,
            CustomerField.Phone => customer.ContactPhone,
            CustomerField.Email => customer.ContactEmail,
            _ => customer.Name,
        };
    }
}
