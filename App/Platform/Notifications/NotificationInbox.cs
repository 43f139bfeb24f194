using System.Text.Json;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Platform.Notifications;

public sealed record NotificationRow(long Id, string Kind, string MessageKey, IReadOnlyList<string> Arguments, string Link, DateTime CreatedAtUtc, bool IsRead);

public sealed record NotificationPage(IReadOnlyList<NotificationRow> Items, int TotalCount, int UnreadCount);

/// <summary>
/// A user's own notifications: the bell's unread count, the list, marking read. Every query is the caller's own rows
/// (recipient and organization); nobody reads or marks anyone else's.
/// </summary>
public sealed class NotificationInbox(IDbContextFactory<AppDbContext> dbFactory, NotificationSignals signals, TimeProvider time)
{
    public const int MaxPageSize = 100;

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await Mine(db, actor).CountAsync(n => n.ReadAtUtc == null, ct);
    }

    public async Task<NotificationPage> GetAsync(Actor actor, bool unreadOnly, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var mine = Mine(db, actor);
        var query = unreadOnly ? mine.Where(n => n.ReadAtUtc == null) : mine;
        var total = await query.CountAsync(ct);
        var unread = unreadOnly ? total : await mine.CountAsync(n => n.ReadAtUtc == null, ct);
        var rows = await query.OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .ToListAsync(ct);
        return new NotificationPage(
            rows.Select(n => new NotificationRow(n.Id, n.Kind, n.MessageKey, ReadArguments(n.Arguments), n.Link, n.CreatedAtUtc, n.ReadAtUtc != null)).ToList(),
            total,
            unread);
    }

    /// <summary>Marks one of the caller's notifications read; returns its link (where the reader goes next).</summary>
    public async Task<string> MarkReadAsync(Actor actor, long id, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var link = await Mine(db, actor).Where(n => n.Id == id).Select(n => n.Link).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(nameof(Notification), id);
        await Mine(db, actor).Where(n => n.Id == id && n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        signals.Publish([actor.UserId]);
        return link;
    }

    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var marked = await Mine(db, actor).Where(n => n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);

        // The user's other tabs update their bells too.
        signals.Publish([actor.UserId]);
        return marked;
    }

    private static IQueryable<Notification> Mine(AppDbContext db, Actor actor) =>
        db.Set<Notification>().Where(n => n.RecipientUserId == actor.UserId && n.OrganizationId == actor.OrganizationId);

    private static IReadOnlyList<string> ReadArguments(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
