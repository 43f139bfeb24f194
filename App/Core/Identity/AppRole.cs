using BlazorPartner.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Core.Identity;

/// <summary>
/// An Identity role. System roles (<see cref="AppRoles"/>) belong to no organization and are read-only; a partner's custom
/// roles (R1) carry the partner's id and the title its admin chose. Either way the permissions are the role's claims, so
/// pages and services read one source.
/// </summary>
public class AppRole : IdentityRole
{
    /// <summary>The owner of a custom role; null for a system role.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>The admin's name for a custom role (unique within the partner); null for a system role, which is shown by its resource.</summary>
    public string? Title { get; set; }

    public const int MaxTitle = 50;

    public bool IsSystem => OrganizationId is null;

    /// <summary>
    /// The Identity name of a custom role. Identity wants role names unique across the database and two partners may both
    /// call a role "Sales lead", so the name is a key and the title is what people read.
    /// </summary>
    public static string CustomName(Guid key) => $"custom.{key:N}";
}

internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> role)
    {
        role.Property(r => r.Title).HasMaxLength(AppRole.MaxTitle);
        role.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        role.HasIndex(r => new { r.OrganizationId, r.Title }).IsUnique();
    }
}
