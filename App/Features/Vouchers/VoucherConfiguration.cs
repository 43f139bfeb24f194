using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Features.Vouchers;

internal sealed class VoucherQuotaConfiguration : IEntityTypeConfiguration<VoucherQuota>
{
    public void Configure(EntityTypeBuilder<VoucherQuota> builder)
    {
        builder.ToTable("VoucherQuotas");
        builder.Property(q => q.Kind).HasConversion<int>();
        builder.Property(q => q.Status).HasConversion<int>();
        builder.Property(q => q.ServiceTypes).HasMaxLength(200);
        builder.Property(q => q.Products).HasMaxLength(400);
        builder.Property(q => q.GrantedByUserId).HasMaxLength(450);
        builder.Property(q => q.GrantedByName).HasMaxLength(100);
        builder.HasOne<Organization>().WithMany().HasForeignKey(q => q.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<VoucherQuota>().WithMany().HasForeignKey(q => q.ParentQuotaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => new { q.OrganizationId, q.Status, q.ValidToUtc });
        builder.HasIndex(q => new { q.ParentOrganizationId, q.Status });
    }
}

internal sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> builder)
    {
        builder.ToTable("Vouchers");
        builder.Property(v => v.Kind).HasConversion<int>();
        builder.Property(v => v.Status).HasConversion<int>();
        builder.Property(v => v.ServiceTypes).HasMaxLength(200);
        builder.Property(v => v.Products).HasMaxLength(400);
        builder.Property(v => v.Remark).HasMaxLength(200);
        builder.Property(v => v.IssuedByName).HasMaxLength(100);
        builder.Property(v => v.ExpiryRunId).HasMaxLength(32);
        builder.HasOne<VoucherQuota>().WithMany().HasForeignKey(v => v.QuotaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(v => v.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // The grid: a partner's vouchers in one status tab, soonest expiry first. The expiry job: usable rows past their end.
        builder.HasIndex(v => new { v.OrganizationId, v.Status, v.ValidToUtc });
        builder.HasIndex(v => new { v.Status, v.ValidToUtc });
        builder.HasIndex(v => new { v.CustomerId, v.Status });
        builder.HasIndex(v => v.QuotaId);
        builder.HasIndex(v => v.ExpiryRunId);
    }
}

internal sealed class VoucherIssueConfiguration : IEntityTypeConfiguration<VoucherIssue>
{
    public void Configure(EntityTypeBuilder<VoucherIssue> builder)
    {
        builder.ToTable("VoucherIssues");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.IssuedByUserId).HasMaxLength(450);
    }
}

internal sealed class VoucherRedemptionConfiguration : IEntityTypeConfiguration<VoucherRedemption>
{
    public void Configure(EntityTypeBuilder<VoucherRedemption> builder)
    {
        builder.ToTable("VoucherRedemptions");
        builder.Property(r => r.OrderId).HasMaxLength(64);
        builder.HasOne<Voucher>().WithMany().HasForeignKey(r => r.VoucherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.OrderId).IsUnique();
        builder.HasIndex(r => r.VoucherId);
    }
}

internal sealed class VoucherOperationConfiguration : IEntityTypeConfiguration<VoucherOperation>
{
    public void Configure(EntityTypeBuilder<VoucherOperation> builder)
    {
        // Append-only and large (the expiry pass writes one row per voucher): no foreign keys to check on insert.
        builder.ToTable("VoucherOperations");
        builder.Property(o => o.Kind).HasConversion<int>();
        builder.Property(o => o.OperatorUserId).HasMaxLength(450);
        builder.Property(o => o.OperatorName).HasMaxLength(100);
        builder.HasIndex(o => new { o.OrganizationId, o.AtUtc });
        builder.HasIndex(o => new { o.OrganizationId, o.QuotaId, o.AtUtc });
        builder.HasIndex(o => new { o.OrganizationId, o.CustomerId, o.AtUtc });
    }
}
