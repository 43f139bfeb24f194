using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Core.Identity;

/// <summary>
/// One permission a slice declares: its name (also the authorization policy's name), the capability group it is shown
/// under, and the system roles that hold it by default. Roles hold permissions as role claims in the database, so a
/// partner's custom roles (R1) are rows, not code; the defaults only seed and refresh the read-only system roles.
/// </summary>
public sealed record PermissionDefinition(string Name, string Group, IReadOnlyList<string> DefaultRoles)
{
    /// <summary>Resource key of the one-line description shown in a permission editor.</summary>
    public string DescriptionKey => $"Permission.{Name}";
}

/// <summary>Every permission the registered slices declared.</summary>
public sealed class PermissionCatalog(IEnumerable<PermissionDefinition> definitions)
{
    public IReadOnlyList<PermissionDefinition> All { get; } = definitions.DistinctBy(d => d.Name).OrderBy(d => d.Group).ThenBy(d => d.Name).ToList();

    /// <summary>What a system role is granted by default.</summary>
    public IEnumerable<string> DefaultsFor(string role) => All.Where(d => d.DefaultRoles.Contains(role)).Select(d => d.Name);
}

public static class Permissions
{
    /// <summary>The claim (role claim in the database, user claim in the cookie) that carries one permission name.</summary>
    public const string ClaimType = "bp:permission";

    /// <summary>
    /// Declares a slice's permissions. Each becomes an authorization policy of the same name, so pages write
    /// <c>[Authorize(Policy = VoucherPermissions.Issue)]</c> and services call <c>actor.Demand(VoucherPermissions.Issue)</c>:
    /// both read the same permission claims.
    /// </summary>
    public static IServiceCollection AddPermissions(this IServiceCollection services, IEnumerable<PermissionDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            services.AddSingleton(definition);
        }

        services.TryAddPermissionCatalog();
        return services;
    }

    private static void TryAddPermissionCatalog(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(PermissionCatalog)))
        {
            return;
        }

        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<IConfigureOptions<AuthorizationOptions>, PermissionPolicies>();
    }

    private sealed class PermissionPolicies(PermissionCatalog catalog) : IConfigureOptions<AuthorizationOptions>
    {
        public void Configure(AuthorizationOptions options)
        {
            foreach (var permission in catalog.All)
            {
                options.AddPolicy(permission.Name, p => p.RequireAuthenticatedUser().RequireClaim(ClaimType, permission.Name));
            }
        }
    }
}
