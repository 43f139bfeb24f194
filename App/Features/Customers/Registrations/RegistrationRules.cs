using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features.Opportunities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BlazorPartner.Features.Customers.Registrations;

/// <summary>Field checks and the R3 visibility shared by the registration commands, queries and the public page.</summary>
internal static class RegistrationRules
{
    public const int MaxCompanyName = 200;
    public const int MaxContactName = 100;
    public const int MaxEmail = InputErrors.MaxEmail;
    public const int MaxReason = 500;

    public static string Code(this InputErrors errors, string field, IReadOnlyList<string> allowed, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Validation.Required");
            return "";
        }

        if (!allowed.Contains(value))
        {
            errors.Add(field, "Registration.UnknownOption");
        }

        return value;
    }

    public static IReadOnlyList<string> Regions => RegistrationRulesCatalog.Regions;

    public static IReadOnlyList<string> Industries => RegistrationRulesCatalog.Industries;

    /// <summary>
    /// R3 on top of tenant isolation: the partner admin sees all of the partner's registrations, a supervisor those of
    /// their team, an account manager their own. The vendor operator (reviewer) sees every partner's.
    /// </summary>
    public static IQueryable<CustomerRegistration> VisibleTo(this IQueryable<CustomerRegistration> source, AppDbContext db, Actor actor)
    {
        if (actor.IsVendor)
        {
            actor.Demand(CustomerPermissions.ReviewRegistrations);
            return source;
        }

        if (!actor.Can(CustomerPermissions.Register) && !actor.Can(CustomerPermissions.View))
        {
            throw new Core.Errors.AccessDeniedException(CustomerPermissions.Register);
        }

        // Belt and braces with the tenant filter.
        var own = source.Where(r => r.OrganizationId == actor.OrganizationId);
        if (actor.IsInRole(AppRoles.PartnerAdmin))
        {
            return own;
        }

        if (actor.IsInRole(AppRoles.AccountManagerSupervisor))
        {
            var team = db.Users.Where(u => u.SupervisorId == actor.UserId).Select(u => u.Id);
            return own.Where(r => r.RegisteredByUserId == actor.UserId || team.Contains(r.RegisteredByUserId));
        }

        return own.Where(r => r.RegisteredByUserId == actor.UserId);
    }

    /// <summary>Inviting and withdrawing: the partner admin for any registration, an account manager for their own.</summary>
    public static bool CanAct(Actor actor, Guid organizationId, string registeredByUserId, string permission) =>
        !actor.IsVendor
        && actor.OrganizationId == organizationId
        && actor.Can(permission)
        && (actor.IsInRole(AppRoles.PartnerAdmin) || registeredByUserId == actor.UserId);

}

/// <summary>The region and industry codes the form offers: the same catalog (and resource keys) as opportunities.</summary>
public static class RegistrationRulesCatalog
{
    public static IReadOnlyList<string> Regions => OpportunityCatalog.Regions;

    public static IReadOnlyList<string> Industries => OpportunityCatalog.Industries;
}
