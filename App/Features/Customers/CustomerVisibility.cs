using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;

namespace BlazorPartner.Features.Customers;

/// <summary>
/// R3 on top of tenant isolation: the partner admin and finance see all of the partner's customers, a supervisor their
/// own and their team's (users whose supervisor they are), an account manager their own. Other partners, and the vendor,
/// never: the customer console is the partner's. Every service method goes through this, not only the pages.
/// </summary>
public static class CustomerVisibility
{
    public static IQueryable<Customer> VisibleTo(this IQueryable<Customer> source, AppDbContext db, Actor actor)
    {
        actor.Demand(CustomerPermissions.View);
        if (actor.IsVendor)
        {
            return source.Where(_ => false);
        }

        // Belt and braces with the tenant filter: a query must never depend on one mechanism alone.
        var own = source.Where(c => c.OrganizationId == actor.OrganizationId);
        if (SeesAll(actor))
        {
            return own;
        }

        if (actor.IsInRole(AppRoles.AccountManagerSupervisor))
        {
            var team = db.Users.Where(u => u.SupervisorId == actor.UserId && u.OrganizationId == actor.OrganizationId).Select(u => u.Id);
            return own.Where(c => c.AccountManagerUserId == actor.UserId || team.Contains(c.AccountManagerUserId!));
        }

        return own.Where(c => c.AccountManagerUserId == actor.UserId);
    }

    /// <summary>The partner admin and finance see every customer of the partner.</summary>
    public static bool SeesAll(Actor actor) =>
        !actor.IsVendor && (actor.IsInRole(AppRoles.PartnerAdmin) || actor.IsInRole(AppRoles.Finance));

    /// <summary>Commands that change a customer (assign, unbind) are the partner's, never the vendor's; supervisors only read.</summary>
    public static void DemandPartnerCommand(Actor actor, string permission)
    {
        actor.Demand(permission);
        if (actor.IsVendor)
        {
            throw new Core.Errors.AccessDeniedException(permission);
        }
    }
}

public static class CustomerRoutes
{
    public const string List = "/sales/customers";
    public const string Detail = "/sales/customers/{Id:guid}";

    public static string DetailOf(Guid id) => $"/sales/customers/{id}";
}
