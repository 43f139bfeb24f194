using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Features.Members;

internal sealed class MemberInvitationConfiguration : IEntityTypeConfiguration<MemberInvitation>
{
    public void Configure(EntityTypeBuilder<MemberInvitation> builder)
    {
        builder.ToTable("MemberInvitations");
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.NormalizedEmail).HasMaxLength(254);
        builder.Property(i => i.Roles).HasMaxLength(400);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.Status).HasConversion<int>();
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450);
        builder.Property(i => i.InvitedByName).HasMaxLength(100);
        builder.Property(i => i.BoundUserId).HasMaxLength(450);
        builder.Property(i => i.RevokedByName).HasMaxLength(100);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.BoundUserId).OnDelete(DeleteBehavior.Restrict);

        // The admin's list (newest first) and the duplicate check (an open invitation for the same address).
        builder.HasIndex(i => new { i.OrganizationId, i.InvitedAtUtc });
        builder.HasIndex(i => new { i.OrganizationId, i.NormalizedEmail, i.Status });
    }
}

internal sealed class MemberInvitationDayConfiguration : IEntityTypeConfiguration<MemberInvitationDay>
{
    public void Configure(EntityTypeBuilder<MemberInvitationDay> builder)
    {
        builder.ToTable("MemberInvitationDays");
        builder.HasKey(d => new { d.OrganizationId, d.Day });
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
