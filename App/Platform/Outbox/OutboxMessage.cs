using BlazorPartner.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Platform.Outbox;

/// <summary>
/// One e-mail the app sent. There is no SMTP server here: sending stores the message in this table, in the same
/// transaction as the change that caused it, and the vendor operator reads it on the outbox page. A real transport later
/// drains the rows where <see cref="SentAtUtc"/> is null and stamps them, so nothing a command wrote is lost or sent twice.
/// </summary>
public class OutboxMessage : ITenantOwnedOrPlatform
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The organization the mail was sent for (the partner inviting its customer); null for platform mail.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>What the mail is, as a short code (e.g. <c>customer-invitation</c>, <c>member-invitation</c>).</summary>
    public string Kind { get; set; } = "";

    public string Recipient { get; set; } = "";
    public const int MaxSubject = 300;

    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>The UI culture the text was written in (e.g. zh-CN).</summary>
    public string Culture { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When a transport handed it over; null while it waits in the outbox.</summary>
    public DateTime? SentAtUtc { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.Recipient).HasMaxLength(254);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.MaxSubject);
        builder.Property(m => m.Body).HasMaxLength(8000);
        builder.Property(m => m.Culture).HasMaxLength(16);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // The outbox page (newest first) and a transport's scan for unsent rows.
        builder.HasIndex(m => m.CreatedAtUtc);
        builder.HasIndex(m => new { m.SentAtUtc, m.CreatedAtUtc });
    }
}
