using BlazorPartner.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Features.ReviewInbox;

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> builder)
    {
        builder.ToTable("ReviewAssignments");
        builder.HasKey(a => new { a.Kind, a.ItemId, a.OrganizationId });
        builder.Property(a => a.Kind).HasConversion<int>();
        builder.Property(a => a.AssigneeUserId).HasMaxLength(450);
        builder.Property(a => a.AssigneeName).HasMaxLength(100);
        builder.Property(a => a.AssignedByName).HasMaxLength(100);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // "Assigned to me" on each reviewer's page.
        builder.HasIndex(a => new { a.OrganizationId, a.AssigneeUserId });
    }
}
