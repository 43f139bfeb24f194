using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Features.Funds;

internal sealed class PartnerCashAccountConfiguration : IEntityTypeConfiguration<PartnerCashAccount>
{
    public void Configure(EntityTypeBuilder<PartnerCashAccount> builder)
    {
        builder.ToTable("PartnerCashAccounts");
        builder.HasKey(a => a.OrganizationId);
        builder.HasOne<Organization>().WithOne().HasForeignKey<PartnerCashAccount>(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.Property(e => e.Account).HasConversion<int>();
        builder.Property(e => e.Kind).HasConversion<int>();
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(100);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // The grid's hot paths: one account's lines newest first, and one customer's lines newest first.
        builder.HasIndex(e => new { e.OrganizationId, e.Account, e.AtUtc });
        // One customer's lines (the ledger tab, the customer filter): the tenant and customer first, so SQLite's planner
        // prefers it over the partner-wide index when a big partner filters to one customer.
        builder.HasIndex(e => new { e.OrganizationId, e.CustomerId, e.Account, e.AtUtc });
        // One customer's lines of one kind (the grid's customer + kind filter): counted and ordered inside the index.
        builder.HasIndex(e => new { e.OrganizationId, e.CustomerId, e.Kind, e.AtUtc });
        builder.HasIndex(e => e.TransferId);
    }
}

internal sealed class MoneyCommandConfiguration : IEntityTypeConfiguration<MoneyCommand>
{
    public void Configure(EntityTypeBuilder<MoneyCommand> builder)
    {
        builder.ToTable("MoneyCommands");
        builder.Property(c => c.Kind).HasConversion<int>();
        builder.Property(c => c.ActorUserId).HasMaxLength(450);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        // The idempotency guarantee: a second command with the same key cannot commit.
        builder.HasIndex(c => new { c.OrganizationId, c.IdempotencyKey }).IsUnique();
    }
}

internal sealed class WithdrawalRequestConfiguration : IEntityTypeConfiguration<WithdrawalRequest>
{
    public void Configure(EntityTypeBuilder<WithdrawalRequest> builder)
    {
        builder.ToTable("WithdrawalRequests");
        builder.Property(w => w.Status).HasConversion<int>();
        builder.Property(w => w.RequestedByUserId).HasMaxLength(450);
        builder.Property(w => w.RequestedByName).HasMaxLength(100);
        builder.HasOne<Organization>().WithMany().HasForeignKey(w => w.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.OrganizationId, w.RequestedAtUtc });
    }
}

/// <summary>The slice's tables, reached through extension properties: the shared DbContext knows no feature.</summary>
public static class FundsData
{
    extension(Core.Data.AppDbContext db)
    {
        public DbSet<PartnerCashAccount> PartnerCashAccounts => db.Set<PartnerCashAccount>();

        /// <summary>Append-only: add lines, never update or remove them.</summary>
        public DbSet<LedgerEntry> LedgerEntries => db.Set<LedgerEntry>();

        public DbSet<MoneyCommand> MoneyCommands => db.Set<MoneyCommand>();

        public DbSet<WithdrawalRequest> WithdrawalRequests => db.Set<WithdrawalRequest>();
    }
}
