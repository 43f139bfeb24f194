using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Core.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.ToTable("AuditEntries");
        audit.Property(a => a.EntityType).HasMaxLength(64);
        audit.Property(a => a.EntityId).HasMaxLength(64);
        audit.Property(a => a.Action).HasMaxLength(64);
        audit.Property(a => a.ActorName).HasMaxLength(100);
        audit.Property(a => a.ReasonKey).HasMaxLength(100);
        audit.HasIndex(a => new { a.EntityType, a.EntityId, a.AtUtc });
        audit.HasIndex(a => new { a.OrganizationId, a.AtUtc });
    }
}
