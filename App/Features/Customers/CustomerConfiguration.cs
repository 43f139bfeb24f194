using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Features.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.CreditCode).HasMaxLength(18);
        builder.Property(c => c.ContactName).HasMaxLength(100);
        builder.Property(c => c.ContactPhone).HasMaxLength(32);
        builder.Property(c => c.ContactEmail).HasMaxLength(254);
        builder.Property(c => c.Region).HasMaxLength(64);
        builder.Property(c => c.Industry).HasMaxLength(64);
        builder.Property(c => c.Mode).HasConversion<int>();
        builder.Property(c => c.Status).HasConversion<int>();
        builder.Property(c => c.ContractingEntity).HasConversion<int>();

        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.AccountManagerUserId).OnDelete(DeleteBehavior.Restrict);

        // The list's hot paths: a partner's customers by status (and manager, R3), newest first; lookups by credit code.
        builder.HasIndex(c => new { c.OrganizationId, c.Status, c.AssociatedAtUtc });
        builder.HasIndex(c => new { c.OrganizationId, c.Status, c.Mode, c.AssociatedAtUtc });
        builder.HasIndex(c => new { c.OrganizationId, c.AccountManagerUserId, c.Status });
        builder.HasIndex(c => c.CreditCode);
    }
}

internal sealed class CustomerAssignmentConfiguration : IEntityTypeConfiguration<CustomerAssignment>
{
    public void Configure(EntityTypeBuilder<CustomerAssignment> builder)
    {
        builder.ToTable("CustomerAssignments");
        builder.Property(a => a.AssignedByName).HasMaxLength(100);
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.AccountManagerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CustomerId, a.FromUtc });
        builder.HasIndex(a => new { a.OrganizationId, a.AccountManagerUserId, a.FromUtc });
    }
}
