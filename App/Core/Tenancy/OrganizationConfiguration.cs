using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Core.Tenancy;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> org)
    {
        org.ToTable("Organizations");
        org.Property(o => o.Name).HasMaxLength(Organization.MaxName);
        org.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        org.Property(o => o.ContractingEntity).HasConversion<int>();
        org.HasIndex(o => o.Name).IsUnique();
    }
}
