using System.Globalization;
using System.Text.Json;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Live;
using BlazorPartner.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BlazorPartner.Platform.Notifications;

/// <summary>What to tell people: a resource key with its arguments, a link to the item, and the kind of event.</summary>
public sealed record NotificationDraft(string Kind, string MessageKey, IReadOnlyList<string> Arguments, string Link);

/// <summary>
/// Tells users that something concerns them: an in-app notification per recipient and the same event as an e-mail in the
/// outbox, both staged on the caller's context so they commit (or not) with the change. After the commit the caller
/// rings the bells with <see cref="NotificationBatch.Ring"/>, so an open console never counts a notification whose change
/// was rolled back.
/// </summary>
public sealed class Notifier(IMailSender mail, NotificationSignals signals, IStringLocalizer<SharedResource> L, TimeProvider time)
{
    public async Task<NotificationBatch> StageAsync(AppDbContext db, IEnumerable<string> recipientUserIds, NotificationDraft draft, CancellationToken ct = default)
    {
        var ids = recipientUserIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new NotificationBatch(signals, []);
        }

        // Unbound members are locked out for good; they get neither a notification nor a mail.
        var recipients = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.UnboundAtUtc == null)
            .Select(u => new { u.Id, u.OrganizationId, u.Email })
            .ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var arguments = JsonSerializer.Serialize(draft.Arguments);
        var message = string.Format(CultureInfo.CurrentCulture, L[draft.MessageKey].Value, draft.Arguments.Cast<object>().ToArray());
        // A message with free text (a company name, a reviewer's reason) can outgrow a subject line: the body keeps it whole.
        var subject = message.Length <= OutboxMessage.MaxSubject ? message : message[..(OutboxMessage.MaxSubject - 1)] + "…";
        var body = message + Environment.NewLine + Environment.NewLine + L["Notification.MailFooter"].Value;
        foreach (var recipient in recipients)
        {
            db.Set<Notification>().Add(new Notification
            {
                RecipientUserId = recipient.Id,
                OrganizationId = recipient.OrganizationId,
                Kind = draft.Kind,
                MessageKey = draft.MessageKey,
                Arguments = arguments,
                Link = draft.Link,
                CreatedAtUtc = now,
            });
            if (!string.IsNullOrEmpty(recipient.Email))
            {
                mail.Send(db, new OutgoingMail(recipient.Email, subject, body, draft.Kind, recipient.OrganizationId), now);
            }
        }

        return new NotificationBatch(signals, recipients.Select(r => r.Id).ToList());
    }

    /// <summary>The bound users of <paramref name="organizationId"/> holding the system role <paramref name="role"/> (e.g. its admins).</summary>
    public static Task<List<string>> RoleHoldersAsync(AppDbContext db, Guid organizationId, string role, CancellationToken ct) =>
        (from u in db.Users.IgnoreQueryFilters()
         where u.OrganizationId == organizationId && u.UnboundAtUtc == null
               && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role))
         select u.Id).ToListAsync(ct);

    /// <summary>The bound users of <paramref name="organizationId"/> whose roles (system or custom) grant <paramref name="permission"/>.</summary>
    public static Task<List<string>> PermissionHoldersAsync(AppDbContext db, Guid organizationId, string permission, CancellationToken ct) =>
        (from u in db.Users.IgnoreQueryFilters()
         where u.OrganizationId == organizationId && u.UnboundAtUtc == null
               && db.UserRoles.Any(ur => ur.UserId == u.Id
                   && db.RoleClaims.Any(c => c.RoleId == ur.RoleId && c.ClaimType == Permissions.ClaimType && c.ClaimValue == permission))
         select u.Id).ToListAsync(ct);

    /// <summary>The bound users anywhere on the vendor's side whose roles grant <paramref name="permission"/> (reviewers).</summary>
    public static Task<List<string>> VendorHoldersAsync(AppDbContext db, string permission, CancellationToken ct) =>
        (from u in db.Users.IgnoreQueryFilters()
         join o in db.Organizations.IgnoreQueryFilters() on u.OrganizationId equals o.Id
         where o.Kind == Core.Tenancy.OrganizationKind.Vendor && u.UnboundAtUtc == null
               && db.UserRoles.Any(ur => ur.UserId == u.Id
                   && db.RoleClaims.Any(c => c.RoleId == ur.RoleId && c.ClaimType == Permissions.ClaimType && c.ClaimValue == permission))
         select u.Id).ToListAsync(ct);
}

/// <summary>The recipients of staged notifications, whose open consoles are told once the change has committed.</summary>
public sealed class NotificationBatch(NotificationSignals signals, IReadOnlyList<string> recipients)
{
    public IReadOnlyList<string> Recipients { get; } = recipients;

    public void Ring() => signals.Publish(Recipients);
}

/// <summary>
/// Open consoles, by user: a circuit showing a bell or a menu count subscribes, and <see cref="Publish"/> tells it to re-read
/// its count — on every instance (the <see cref="ChangeFeed"/> relays it).
/// </summary>
public sealed class NotificationSignals(ChangeFeed feed)
{
    public IDisposable Subscribe(string userId, Action changed) => feed.Subscribe(LiveTopics.User(userId), changed);

    public void Publish(IEnumerable<string> userIds) => feed.Publish(userIds.Select(LiveTopics.User));
}
