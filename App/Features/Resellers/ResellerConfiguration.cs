using BlazorPartner.Platform.Uploads;
using BlazorPartner.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Features.Resellers;

internal sealed class ResellerApplicationConfiguration : IEntityTypeConfiguration<ResellerApplication>
{
    public void Configure(EntityTypeBuilder<ResellerApplication> builder)
    {
        builder.ToTable("ResellerApplications");
        builder.Property(a => a.Number).HasMaxLength(24);
        builder.Property(a => a.CompanyName).HasMaxLength(ResellerRules.MaxCompanyName);
        builder.Property(a => a.CreditCode).HasMaxLength(18);
        builder.Property(a => a.HeldCreditCode).HasMaxLength(18);
        builder.Property(a => a.ContactName).HasMaxLength(ResellerRules.MaxContactName);
        builder.Property(a => a.ContactPhone).HasMaxLength(32);
        builder.Property(a => a.ContactEmail).HasMaxLength(254);
        builder.Property(a => a.Status).HasConversion<int>();
        builder.Property(a => a.RejectedAt).HasConversion<int?>();
        builder.Property(a => a.RejectionReason).HasMaxLength(ResellerRules.MaxReason);
        builder.Property(a => a.DecidedByName).HasMaxLength(100);
        builder.Property(a => a.TokenHash).HasMaxLength(64);
        builder.Property(a => a.ApplicantCulture).HasMaxLength(16);

        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.ResellerOrganizationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(a => a.TokenHash).IsUnique();
        builder.HasIndex(a => a.Number).IsUnique();
        // One open or approved application per company (R42), whatever runs at the same time, on either provider.
        builder.HasIndex(a => a.HeldCreditCode).IsUnique();
        // The vendor's queue and the distributor's tab, longest waiting first.
        builder.HasIndex(a => new { a.Status, a.WaitingSinceUtc });
        builder.HasIndex(a => new { a.OrganizationId, a.Status, a.WaitingSinceUtc });
        // "All", newest change first, for the vendor and for each distributor: read in index order, no sort of the table.
        builder.HasIndex(a => new { a.UpdatedAtUtc, a.Id });
        builder.HasIndex(a => new { a.OrganizationId, a.UpdatedAtUtc, a.Id });
    }
}

internal sealed class ResellerApplicationEventConfiguration : IEntityTypeConfiguration<ResellerApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ResellerApplicationEvent> builder)
    {
        builder.ToTable("ResellerApplicationEvents");
        builder.Property(e => e.Kind).HasConversion<int>();
        builder.Property(e => e.ActorName).HasMaxLength(100);
        builder.Property(e => e.Reason).HasMaxLength(ResellerRules.MaxReason);
        builder.Property(e => e.Details).HasMaxLength(1000);
        builder.HasOne<ResellerApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ApplicationId, e.AtUtc });
    }
}

internal sealed class ResellerApplicationAttachmentConfiguration : IEntityTypeConfiguration<ResellerApplicationAttachment>
{
    public void Configure(EntityTypeBuilder<ResellerApplicationAttachment> builder)
    {
        builder.ToTable("ResellerApplicationAttachments");
        builder.Property(a => a.FileName).HasMaxLength(DocumentUploads.MaxFileName);
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.HasOne<ResellerApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ApplicationId, a.Round });
    }
}
