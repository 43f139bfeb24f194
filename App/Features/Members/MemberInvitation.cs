using BlazorPartner.Core.Data;
using BlazorPartner.Core.Tenancy;

namespace BlazorPartner.Features.Members;

/// <summary>What is stored; "expired" is not stored but read from <see cref="MemberInvitation.ExpiresAtUtc"/> (R2).</summary>
public enum MemberInvitationStatus
{
    Invited = 0,
    Bound = 1,
    Revoked = 2,
}

/// <summary>
/// What the admin sees (R2: invited, expired, bound, unbound), plus revoked: an invitation the admin withdrew. "Unbound"
/// is a bound invitation whose member was unbound later.
/// </summary>
public enum MemberInvitationState
{
    Invited = 0,
    Expired = 1,
    Bound = 2,
    Unbound = 3,
    Revoked = 4,
}

/// <summary>
/// An invitation to join a partner as a member (R2): one e-mail address, the roles the admin chose, and a single-use link
/// valid 7 days whose token is stored only as a hash. A resend replaces the link (the old one stops working) and restarts
/// the 7 days.
/// </summary>
public class MemberInvitation : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }

    /// <summary>As typed (trimmed); <see cref="NormalizedEmail"/> is what duplicates are checked on.</summary>
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";

    /// <summary>System role names, comma-separated (partner system roles or the partner's custom roles, see <see cref="Roles.PartnerRoles.AssignableAsync(Core.Identity.Actor, CancellationToken)"/>).</summary>
    public string Roles { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the token in the current link.</summary>
    public string TokenHash { get; set; } = "";

    public MemberInvitationStatus Status { get; set; }

    public string InvitedByUserId { get; set; } = "";
    public string InvitedByName { get; set; } = "";
    public DateTime InvitedAtUtc { get; set; }
    public DateTime LastSentAtUtc { get; set; }
    public int SendCount { get; set; }
    public DateTime ExpiresAtUtc { get; set; }

    public string? BoundUserId { get; set; }
    public DateTime? BoundAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedByName { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> RoleList => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>How many invitation mails a partner sent on one Beijing day (R2: at most 100), claimed with a conditional UPDATE.</summary>
public class MemberInvitationDay : ITenantOwned
{
    public Guid OrganizationId { get; set; }
    public DateOnly Day { get; set; }
    public int Count { get; set; }
}
