using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Members;

/// <summary>
/// Partner A's invitations in every state (R2): invited, expired, bound (the finance account joined through one), unbound
/// (a former account manager) and revoked. Their links are random and unknown: a demo joins through a fresh invitation.
/// </summary>
public sealed class MemberDemoData(IDbContextFactory<AppDbContext> dbFactory) : IDemoData
{
    public const string InvitedEmail = "new.manager@partner-a.demo";
    public const string ExpiredEmail = "late.joiner@partner-a.demo";
    public const string RevokedEmail = "wrong.address@partner-a.demo";
    public const string UnboundEmail = "former.manager@partner-a.demo";

    /// <summary>
    /// The link token of the open demo invitation (<see cref="InvitedEmail"/>). Published on purpose, like the demo
    /// passwords, so a tour and the page audits can open the join page; every real token is 32 random bytes kept as a hash.
    /// </summary>
    public const string DemoJoinToken = "demo-member-invitation-for-new-manager-0001";

    public int Order => 90;

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var admin = demo.User(DemoAccounts.PartnerAAdmin);
        var finance = demo.User(DemoAccounts.PartnerAFinance);
        var now = demo.NowUtc;
        await using var db = await dbFactory.CreateSystemAsync(ct);

        // A former account manager: joined through an invitation, later unbound (locked for good, kept for the records).
        var former = new AppUser
        {
            UserName = UnboundEmail,
            Email = UnboundEmail,
            NormalizedUserName = UnboundEmail.ToUpperInvariant(),
            NormalizedEmail = UnboundEmail.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = "Qian Feng (former AM)",
            OrganizationId = demo.PartnerA.Id,
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            UnboundAtUtc = now.AddDays(-20),
        };
        db.Users.Add(former);
        var managerRole = await db.Roles.Where(r => r.Name == AppRoles.AccountManager).Select(r => r.Id).SingleAsync(ct);
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = former.Id, RoleId = managerRole });

        db.MemberInvitations.AddRange(
            Invitation(demo, admin, InvitedEmail, [AppRoles.AccountManager], now.AddDays(-1), MemberInvitationStatus.Invited, token: DemoJoinToken),
            Invitation(demo, admin, ExpiredEmail, [AppRoles.Finance], now.AddDays(-9), MemberInvitationStatus.Invited),
            Invitation(demo, admin, RevokedEmail, [AppRoles.AccountManagerSupervisor], now.AddDays(-3), MemberInvitationStatus.Revoked),
            Invitation(demo, admin, finance.Email!, [AppRoles.Finance], now.AddDays(-60), MemberInvitationStatus.Bound, finance.Id),
            Invitation(demo, admin, UnboundEmail, [AppRoles.AccountManager], now.AddDays(-120), MemberInvitationStatus.Bound, former.Id));
        await db.SaveChangesAsync(ct);
    }

    private static MemberInvitation Invitation(DemoSeedContext demo, AppUser admin, string email, string[] roles, DateTime sentUtc, MemberInvitationStatus status, string? boundUserId = null, string? token = null) => new()
    {
        OrganizationId = demo.PartnerA.Id,
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        Roles = string.Join(',', roles),
        TokenHash = LinkTokens.Hash(token ?? LinkTokens.NewToken()),
        Status = status,
        InvitedByUserId = admin.Id,
        InvitedByName = admin.DisplayName,
        InvitedAtUtc = sentUtc,
        LastSentAtUtc = sentUtc,
        SendCount = 1,
        ExpiresAtUtc = sentUtc + MemberRules.LinkValidFor,
        BoundUserId = boundUserId,
        BoundAtUtc = boundUserId is null ? null : sentUtc.AddHours(3),
        RevokedAtUtc = status == MemberInvitationStatus.Revoked ? sentUtc.AddHours(1) : null,
        RevokedByName = status == MemberInvitationStatus.Revoked ? admin.DisplayName : null,
    };
}
