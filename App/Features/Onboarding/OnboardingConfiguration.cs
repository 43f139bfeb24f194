using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Onboarding.Certification;
using BlazorPartner.Features.Onboarding.Network;
using BlazorPartner.Platform.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Features.Onboarding;

internal sealed class NetworkApplicationConfiguration : IEntityTypeConfiguration<NetworkApplication>
{
    public void Configure(EntityTypeBuilder<NetworkApplication> builder)
    {
        builder.ToTable("NetworkApplications");
        builder.Property(a => a.Number).HasMaxLength(24);
        builder.Property(a => a.CompanyName).HasMaxLength(OnboardingRules.MaxCompanyName);
        builder.Property(a => a.CreditCode).HasMaxLength(18);
        builder.Property(a => a.HeldCreditCode).HasMaxLength(18);
        builder.Property(a => a.RegisteredAddress).HasMaxLength(OnboardingRules.MaxAddress);
        builder.Property(a => a.ContactName).HasMaxLength(OnboardingRules.MaxContactName);
        builder.Property(a => a.ContactPhone).HasMaxLength(32);
        builder.Property(a => a.ContactEmail).HasMaxLength(254);
        builder.Property(a => a.Status).HasConversion<int>();
        builder.Property(a => a.FailedChecks).HasMaxLength(100);
        builder.Property(a => a.RejectionReason).HasMaxLength(OnboardingRules.MaxReason);
        builder.Property(a => a.DecidedByName).HasMaxLength(100);
        builder.Property(a => a.TokenHash).HasMaxLength(64);
        builder.Property(a => a.ApplicantCulture).HasMaxLength(16);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.PartnerOrganizationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(a => a.TokenHash).IsUnique();
        builder.HasIndex(a => a.Number).IsUnique();
        builder.HasIndex(a => a.HeldCreditCode).IsUnique();
        // The review queue, oldest round first; "All", newest change first.
        builder.HasIndex(a => new { a.Status, a.RoundSubmittedAtUtc });
        builder.HasIndex(a => new { a.UpdatedAtUtc, a.Id });
    }
}

internal sealed class NetworkApplicationEventConfiguration : IEntityTypeConfiguration<NetworkApplicationEvent>
{
    public void Configure(EntityTypeBuilder<NetworkApplicationEvent> builder)
    {
        builder.ToTable("NetworkApplicationEvents");
        builder.Property(e => e.Kind).HasConversion<int>();
        builder.Property(e => e.ActorName).HasMaxLength(100);
        builder.Property(e => e.Reason).HasMaxLength(OnboardingRules.MaxReason);
        builder.Property(e => e.Details).HasMaxLength(1000);
        builder.HasOne<NetworkApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ApplicationId, e.AtUtc });
    }
}

internal sealed class NetworkApplicationDocumentConfiguration : IEntityTypeConfiguration<NetworkApplicationDocument>
{
    public void Configure(EntityTypeBuilder<NetworkApplicationDocument> builder)
    {
        builder.ToTable("NetworkApplicationDocuments");
        builder.Property(a => a.FileName).HasMaxLength(DocumentUploads.MaxFileName);
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.HasOne<NetworkApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ApplicationId, a.Round });
    }
}

internal sealed class BusinessCertificationConfiguration : IEntityTypeConfiguration<BusinessCertification>
{
    public void Configure(EntityTypeBuilder<BusinessCertification> builder)
    {
        builder.ToTable("BusinessCertifications");
        builder.Property(c => c.LegalName).HasMaxLength(OnboardingRules.MaxCompanyName);
        builder.Property(c => c.CreditCode).HasMaxLength(18);
        builder.Property(c => c.BankName).HasMaxLength(OnboardingRules.MaxBankName);
        builder.Property(c => c.BankAccount).HasMaxLength(30);
        builder.Property(c => c.AccountHolder).HasMaxLength(OnboardingRules.MaxCompanyName);
        builder.Property(c => c.Status).HasConversion<int>();
        builder.Property(c => c.RejectionReason).HasMaxLength(OnboardingRules.MaxReason);
        builder.Property(c => c.DecidedByName).HasMaxLength(100);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // One certification per partner: two admins submitting at once cannot create two.
        builder.HasIndex(c => c.OrganizationId).IsUnique();
        builder.HasIndex(c => new { c.Status, c.WaitingSinceUtc });
        builder.HasIndex(c => new { c.UpdatedAtUtc, c.Id });
    }
}

internal sealed class CertificationEventConfiguration : IEntityTypeConfiguration<CertificationEvent>
{
    public void Configure(EntityTypeBuilder<CertificationEvent> builder)
    {
        builder.ToTable("CertificationEvents");
        builder.Property(e => e.Kind).HasConversion<int>();
        builder.Property(e => e.ActorName).HasMaxLength(100);
        builder.Property(e => e.Reason).HasMaxLength(OnboardingRules.MaxReason);
        builder.HasOne<BusinessCertification>().WithMany().HasForeignKey(e => e.CertificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.CertificationId, e.AtUtc });
    }
}

internal sealed class CertificationDocumentConfiguration : IEntityTypeConfiguration<CertificationDocument>
{
    public void Configure(EntityTypeBuilder<CertificationDocument> builder)
    {
        builder.ToTable("CertificationDocuments");
        builder.Property(a => a.FileName).HasMaxLength(DocumentUploads.MaxFileName);
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.HasOne<BusinessCertification>().WithMany().HasForeignKey(a => a.CertificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.CertificationId, a.Round });
    }
}

internal sealed class SupplierRecordConfiguration : IEntityTypeConfiguration<SupplierRecord>
{
    public void Configure(EntityTypeBuilder<SupplierRecord> builder)
    {
        builder.ToTable("SupplierRecords");
        builder.HasKey(s => s.CreditCode);
        builder.Property(s => s.CreditCode).HasMaxLength(18);
        builder.Property(s => s.CompanyName).HasMaxLength(OnboardingRules.MaxCompanyName);
        builder.Property(s => s.BankName).HasMaxLength(OnboardingRules.MaxBankName);
        builder.Property(s => s.BankAccount).HasMaxLength(30);
    }
}
