using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;

namespace BlazorPartner.Features.Opportunities;

/// <summary>
/// R3 on top of tenant isolation: the tenant filter already limits a partner to its own rows; this narrows an
/// account manager to their own and a supervisor to their team's. The vendor operator sees every partner's.
/// </summary>
internal static class OpportunityVisibility
{
    public static IQueryable<Opportunity> VisibleTo(this IQueryable<Opportunity> source, AppDbContext db, Actor actor)
    {
        actor.Demand(OpportunityPermissions.View);
        if (actor.IsVendor)
        {
            return source;
        }

        // Belt and braces with the global filter: commands must never depend on one mechanism alone.
        var own = source.Where(o => o.OrganizationId == actor.OrganizationId);
        if (actor.IsInRole(AppRoles.PartnerAdmin))
        {
            return own;
        }

        if (actor.IsInRole(AppRoles.AccountManagerSupervisor))
        {
            var team = db.Users.Where(u => u.SupervisorId == actor.UserId).Select(u => u.Id);
            return own.Where(o => o.AssignedToUserId == actor.UserId || team.Contains(o.AssignedToUserId!));
        }

        return own.Where(o => o.AssignedToUserId == actor.UserId);
    }

    /// <summary>Accepting, rejecting and progressing: the partner admin for any, an account manager for their own.</summary>
    public static bool CanAct(Actor actor, Opportunity opportunity, string permission) =>
        CanAct(actor, opportunity.OrganizationId, opportunity.AssignedToUserId, permission);

    public static bool CanAct(Actor actor, Guid organizationId, string? assignedToUserId, string permission) =>
        !actor.IsVendor
        && actor.OrganizationId == organizationId
        && actor.Can(permission)
        && (actor.IsInRole(AppRoles.PartnerAdmin) || assignedToUserId == actor.UserId);
}
