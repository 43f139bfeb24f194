using System.Security.Claims;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Tenancy;

namespace BlazorPartner.Core.Identity;

/// <summary>
/// Who is calling a service. Every service command takes one and checks organization and permission itself;
/// the UI hiding a button is not security. Permissions are the same claims the page policies read, so a page and
/// its service can never disagree about what this user may do.
/// </summary>
public sealed record Actor(
    string UserId,
    string DisplayName,
    Guid OrganizationId,
    OrganizationKind OrganizationKind,
    IReadOnlySet<string> Roles,
    IReadOnlySet<string> Permissions)
{
    public bool IsVendor => OrganizationKind == OrganizationKind.Vendor && Roles.Contains(AppRoles.VendorOperator);

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool Can(string permission) => Permissions.Contains(permission);

    public void Demand(string permission)
    {
        if (!Can(permission))
        {
            throw new AccessDeniedException(permission);
        }
    }

    public static Actor FromPrincipal(ClaimsPrincipal principal)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new AccessDeniedException("authenticated user");
        var organization = Guid.TryParse(principal.FindFirstValue(AppClaimTypes.OrganizationId), out var id) ? id : Guid.Empty;
        var kind = Enum.TryParse<OrganizationKind>(principal.FindFirstValue(AppClaimTypes.OrganizationKind), out var parsed) ? parsed : OrganizationKind.SolutionProvider;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        var permissions = principal.FindAll(Identity.Permissions.ClaimType).Select(c => c.Value).ToHashSet();
        var name = principal.FindFirstValue(AppClaimTypes.DisplayName) ?? principal.Identity?.Name ?? userId;
        return new Actor(userId, name, organization, kind, roles, permissions);
    }
}
