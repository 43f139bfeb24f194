using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Members;

/// <summary>The member tables, reached through extension properties: the shared DbContext knows no feature.</summary>
public static class MemberData
{
    extension(AppDbContext db)
    {
        public DbSet<MemberInvitation> MemberInvitations => db.Set<MemberInvitation>();

        public DbSet<MemberInvitationDay> MemberInvitationDays => db.Set<MemberInvitationDay>();
    }
}

public static class MemberRoutes
{
    public const string Members = "/organization/members";

    /// <summary>The public page a member invitation link opens (anonymous).</summary>
    public const string Join = "/join/{Token}";

    public static string JoinLink(string baseUri, string token) => $"{baseUri.TrimEnd('/')}/join/{token}";
}

/// <summary>What the member slice lets roles do. Page policies and service checks both use these names.</summary>
public static class MemberPermissions
{
    public const string Group = "Members";

    public const string View = "members.view";
    public const string Manage = "members.manage";

    public static readonly IReadOnlyList<PermissionDefinition> All =
    [
        new(View, Group, [AppRoles.PartnerAdmin]),
        new(Manage, Group, [AppRoles.PartnerAdmin]),
    ];
}

/// <summary>Audit action codes; each has an <c>AuditAction.{code}</c> resource.</summary>
public static class MemberAuditActions
{
    public const string Invite = "member.invite";
    public const string Resend = "member.resend";
    public const string Revoke = "member.revoke";
    public const string Join = "member.join";
    public const string Unbind = "member.unbind";
}

public static class MemberErrorCodes
{
    /// <summary>R2: the partner sent 100 invitations today (Beijing time): CBC.0250 flow control.</summary>
    public const string DailyLimit = "CBC.0250";

    /// <summary>The link is missing, expired, revoked or used: CBC.0154 token invalid or expired.</summary>
    public const string LinkInvalid = "CBC.0154";
}

/// <summary>R2's numbers and the roles an admin may give.</summary>
public static class MemberRules
{
    public static readonly TimeSpan LinkValidFor = TimeSpan.FromDays(7);

    public const int MaxInvitationsPerDay = 100;

    public const int MaxDisplayName = 100;

    /// <summary>A new link can go out for an invitation nobody used or withdrew, also after it expired.</summary>
    public static bool CanResend(MemberInvitationState state) => state is MemberInvitationState.Invited or MemberInvitationState.Expired;

    /// <summary>
    /// An open link is withdrawn, and so is an expired one: it could still be resent, and revoking it closes it for good (it
    /// leaves the actionable ones, and a role it names can be deleted).
    /// </summary>
    public static bool CanRevoke(MemberInvitationState state) => state is MemberInvitationState.Invited or MemberInvitationState.Expired;

    public static MemberInvitationState StateOf(MemberInvitationStatus status, DateTime expiresAtUtc, bool memberUnbound, DateTime nowUtc) => status switch
    {
        MemberInvitationStatus.Bound => memberUnbound ? MemberInvitationState.Unbound : MemberInvitationState.Bound,
        MemberInvitationStatus.Revoked => MemberInvitationState.Revoked,
        _ => expiresAtUtc <= nowUtc ? MemberInvitationState.Expired : MemberInvitationState.Invited,
    };
}

/// <summary>What an e-mail address is already, across every organization: an account, about to be one, or free.</summary>
public enum AddressUse
{
    Free,
    HasAccount,

    /// <summary>An open invitation (of any organization) will make it an account.</summary>
    Invited,
}

public static class MemberAddresses
{
    /// <summary>An invitation for <paramref name="normalizedEmail"/> that can still be accepted at <paramref name="nowUtc"/>.</summary>
    public static System.Linq.Expressions.Expression<Func<MemberInvitation, bool>> IsOpenFor(string normalizedEmail, DateTime nowUtc) =>
        i => i.NormalizedEmail == normalizedEmail && i.Status == MemberInvitationStatus.Invited && i.ExpiresAtUtc > nowUtc;

    /// <summary>
    /// R41, R42: whether the address signs in anywhere, or is about to through an open invitation of any organization. The
    /// public application forms need a new account for the applicant's admin; the caller decides what to tell whom.
    /// </summary>
    public static async Task<AddressUse> UseAsync(AppDbContext db, string normalizedEmail, DateTime nowUtc, CancellationToken ct) =>
        await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedEmail == normalizedEmail, ct) ? AddressUse.HasAccount
        : await db.MemberInvitations.IgnoreQueryFilters().AnyAsync(IsOpenFor(normalizedEmail, nowUtc), ct) ? AddressUse.Invited
        : AddressUse.Free;
}
