using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Features.Consumption;

internal sealed class ConsumptionRecordConfiguration : IEntityTypeConfiguration<ConsumptionRecord>
{
    public void Configure(EntityTypeBuilder<ConsumptionRecord> builder)
    {
        builder.ToTable("ConsumptionRecords");
        builder.Property(r => r.ProductCode).HasMaxLength(64);
        builder.Property(r => r.ServiceType).HasMaxLength(64);
        builder.Property(r => r.Region).HasMaxLength(64);
        builder.Property(r => r.ResourceId).HasMaxLength(128);
        builder.Property(r => r.SubUserAccount).HasMaxLength(64);
        builder.Property(r => r.ChargeMode).HasConversion<int>();
        builder.Property(r => r.AssociationMode).HasConversion<int>();
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // The natural key: re-importing a file inserts nothing twice.
        builder.HasIndex(r => new { r.CustomerId, r.Day, r.ProductCode, r.ChargeMode, r.ResourceId, r.SubUserAccount }).IsUnique();

        // The detail grid (a partner's days, newest first, optionally one account manager's) and retention (by day).
        builder.HasIndex(r => new { r.OrganizationId, r.Day });
        builder.HasIndex(r => new { r.OrganizationId, r.AccountManagerUserId, r.Day });
        builder.HasIndex(r => r.Day);
    }
}

internal sealed class ConsumptionMonthlyConfiguration : IEntityTypeConfiguration<ConsumptionMonthly>
{
    public void Configure(EntityTypeBuilder<ConsumptionMonthly> builder)
    {
        builder.ToTable("ConsumptionMonthly");
        builder.Property(r => r.ProductCode).HasMaxLength(64);
        builder.Property(r => r.ServiceType).HasMaxLength(64);
        builder.Property(r => r.ChargeMode).HasConversion<int>();
        builder.Property(r => r.AssociationMode).HasConversion<int>();
        builder.HasIndex(r => new { r.OrganizationId, r.Month });
        builder.HasIndex(r => new { r.OrganizationId, r.AccountManagerUserId, r.Month });
    }
}

internal sealed class ConsumptionFreshnessConfiguration : IEntityTypeConfiguration<ConsumptionFreshness>
{
    public void Configure(EntityTypeBuilder<ConsumptionFreshness> builder)
    {
        builder.ToTable("ConsumptionFreshness");
        builder.HasKey(f => f.OrganizationId);
    }
}
