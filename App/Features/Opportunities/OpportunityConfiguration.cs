using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Features.Opportunities;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.ToTable("Opportunities");
        builder.Property(o => o.Number).HasMaxLength(32);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.Property(o => o.CustomerName).HasMaxLength(200);
        builder.Property(o => o.Industry).HasMaxLength(64);
        builder.Property(o => o.Region).HasMaxLength(64);
        builder.Property(o => o.City).HasMaxLength(64);
        builder.Property(o => o.CloudServices).HasMaxLength(400);
        builder.Property(o => o.Description).HasMaxLength(2000);
        builder.Property(o => o.ContactName).HasMaxLength(100);
        builder.Property(o => o.ContactPhone).HasMaxLength(32);
        builder.Property(o => o.Status).HasConversion<int>();
        builder.Property(o => o.Stage).HasConversion<int?>();
        builder.Property(o => o.RejectionReason).HasConversion<int?>();
        builder.Property(o => o.RejectionNote).HasMaxLength(500);
        builder.Property(o => o.RespondedByName).HasMaxLength(100);

        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.AssignedToUserId).OnDelete(DeleteBehavior.Restrict);

        // The grid's hot paths: a partner's tab sorted by deadline, and the auto-reject scan.
        builder.HasIndex(o => new { o.OrganizationId, o.Status, o.DeadlineUtc });
        builder.HasIndex(o => new { o.Status, o.DeadlineUtc });
        builder.HasIndex(o => new { o.OrganizationId, o.AssignedToUserId, o.Status });
    }
}

internal sealed class OpportunityProgressConfiguration : IEntityTypeConfiguration<OpportunityProgressEntry>
{
    public void Configure(EntityTypeBuilder<OpportunityProgressEntry> builder)
    {
        builder.ToTable("OpportunityProgress");
        builder.Property(p => p.NoteKey).HasMaxLength(100);
        builder.Property(p => p.Stage).HasConversion<int>();
        builder.Property(p => p.Note).HasMaxLength(1000);
        builder.Property(p => p.ByName).HasMaxLength(100);
        builder.HasIndex(p => new { p.OpportunityId, p.AtUtc });
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(p => p.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
