using BlazorPartner.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Platform.Notifications;

/// <summary>
/// One in-app notification for one user. The text is a resource key with its arguments, so each reader sees it in their
/// own language; the arguments are data (names, reasons) shown as entered.
/// </summary>
public class Notification : ITenantOwned
{
    public long Id { get; set; }

    public required string RecipientUserId { get; set; }

    /// <summary>The recipient's organization (the tenant whose console shows it).</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>What happened, e.g. <c>registration.submitted</c> (also the outbox mail's kind).</summary>
    public required string Kind { get; set; }

    public required string MessageKey { get; set; }

    /// <summary>The message's arguments as a JSON array of strings.</summary>
    public string Arguments { get; set; } = "[]";

    /// <summary>Where the item is, relative to the app's base address.</summary>
    public required string Link { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("Notifications");
        notification.Property(n => n.RecipientUserId).HasMaxLength(450);
        notification.Property(n => n.Kind).HasMaxLength(64);
        notification.Property(n => n.MessageKey).HasMaxLength(100);
        notification.Property(n => n.Arguments).HasMaxLength(4000);
        notification.Property(n => n.Link).HasMaxLength(300);
        // The bell's unread count and the newest-first list both start from the recipient.
        notification.HasIndex(n => new { n.RecipientUserId, n.ReadAtUtc });
        notification.HasIndex(n => new { n.RecipientUserId, n.CreatedAtUtc });
    }
}
