using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Features.Billing;

internal sealed class BillConfiguration : IEntityTypeConfiguration<Bill>
{
    public void Configure(EntityTypeBuilder<Bill> builder)
    {
        builder.ToTable("Bills");
        builder.Property(b => b.GeneratedByRunId).HasMaxLength(64);
        builder.HasOne<Organization>().WithMany().HasForeignKey(b => b.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        // One bill per partner and month: the generation job's claim (a second instance's insert is refused).
        builder.HasIndex(b => new { b.OrganizationId, b.Period }).IsUnique();
    }
}

internal sealed class BillLineConfiguration : IEntityTypeConfiguration<BillLine>
{
    public void Configure(EntityTypeBuilder<BillLine> builder)
    {
        builder.ToTable("BillLines");
        builder.Property(l => l.ProductCode).HasMaxLength(64);
        builder.Property(l => l.ServiceType).HasMaxLength(64);
        builder.Property(l => l.Region).HasMaxLength(64);
        builder.Property(l => l.ResourceId).HasMaxLength(128);
        builder.Property(l => l.ChargeMode).HasConversion<int>();
        builder.HasOne<Bill>().WithMany().HasForeignKey(l => l.BillId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // The line grid pages a bill in one of a few orders; each sort has its index so a page of a 1,000,000-line bill
        // reads only the rows it shows (keys end with Id, the grid's tie-breaker).
        builder.HasIndex(l => new { l.BillId, l.AmountDueFen, l.Id });
        builder.HasIndex(l => new { l.BillId, l.ProductCode, l.Id });
        builder.HasIndex(l => new { l.BillId, l.CustomerId, l.Id });
        builder.HasIndex(l => new { l.BillId, l.ListPriceFen, l.Id });
    }
}

internal sealed class BillAdjustmentConfiguration : IEntityTypeConfiguration<BillAdjustment>
{
    public void Configure(EntityTypeBuilder<BillAdjustment> builder)
    {
        builder.ToTable("BillAdjustments");
        builder.Property(a => a.Kind).HasConversion<int>();
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.Property(a => a.RecordedByUserId).HasMaxLength(64);
        builder.Property(a => a.RecordedByName).HasMaxLength(128);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OrganizationId, a.Period });
    }
}
