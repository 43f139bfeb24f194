using BlazorPartner.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlazorPartner.Platform.Identity.Sessions;

/// <summary>
/// One signed-in browser. The auth cookie carries only a random session key; this row holds the ticket, so ending a session
/// (sign-out, password change elsewhere) takes effect on every app instance that shares the database.
/// </summary>
public class UserSession
{
    /// <summary>SHA-256 of the cookie's session key (base64url): a database reader learns no usable key.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The user's security stamp when the ticket was issued; a different stamp on the user means the session is over.</summary>
    public string? SecurityStamp { get; set; }

    /// <summary>The serialized authentication ticket, encrypted with the data-protection key ring.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.ToTable("UserSessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).HasMaxLength(64);
        session.Property(s => s.SecurityStamp).HasMaxLength(256);
        session.HasIndex(s => s.UserId);
        // Expired rows are purged by range on sign-in.
        session.HasIndex(s => s.ExpiresUtc);
        // A removed user's sessions go with the user.
        session.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
