using BlazorPartner.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Features.Customers.Registrations;

internal sealed class CustomerRegistrationConfiguration : IEntityTypeConfiguration<CustomerRegistration>
{
    public void Configure(EntityTypeBuilder<CustomerRegistration> builder)
    {
        builder.ToTable("CustomerRegistrations");
        builder.Property(r => r.CompanyName).HasMaxLength(200);
        builder.Property(r => r.CreditCode).HasMaxLength(18);
        builder.Property(r => r.HeldCreditCode).HasMaxLength(18);
        builder.Property(r => r.ContactName).HasMaxLength(100);
        builder.Property(r => r.ContactPhone).HasMaxLength(32);
        builder.Property(r => r.ContactEmail).HasMaxLength(254);
        builder.Property(r => r.Region).HasMaxLength(64);
        builder.Property(r => r.Industry).HasMaxLength(64);
        builder.Property(r => r.Status).HasConversion<int>();
        builder.Property(r => r.RegisteredByUserId).HasMaxLength(450);
        builder.Property(r => r.RegisteredByName).HasMaxLength(100);
        builder.Property(r => r.ReviewedByName).HasMaxLength(100);
        builder.Property(r => r.RejectionReason).HasMaxLength(500);

        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        // R15: one holder per company. NULLs (released rows) never collide on SQLite or PostgreSQL.
        builder.HasIndex(r => r.HeldCreditCode).IsUnique();
        // The partner's tabs (newest first), the vendor inbox, the expiry scan.
        builder.HasIndex(r => new { r.OrganizationId, r.Status, r.RegisteredAtUtc });
        builder.HasIndex(r => new { r.Status, r.RegisteredAtUtc });
        builder.HasIndex(r => new { r.Status, r.ReservedUntilUtc });
    }
}

internal sealed class CustomerInvitationConfiguration : IEntityTypeConfiguration<CustomerInvitation>
{
    public void Configure(EntityTypeBuilder<CustomerInvitation> builder)
    {
        builder.ToTable("CustomerInvitations");
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.RecipientEmail).HasMaxLength(254);
        builder.Property(i => i.Mode).HasConversion<int>();
        builder.Property(i => i.Status).HasConversion<int>();
        builder.Property(i => i.CreatedByUserId).HasMaxLength(450);
        builder.Property(i => i.CreatedByName).HasMaxLength(100);
        builder.HasOne<CustomerRegistration>().WithMany().HasForeignKey(i => i.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.RegistrationId, i.Status });
    }
}
