using BlazorPartner.Platform.Outbox;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Outbox;

public sealed record OutboxRow(Guid Id, string Kind, string Recipient, string Subject, string? OrganizationName, DateTime CreatedAtUtc, DateTime? SentAtUtc);

public sealed record OutboxMessagePage(IReadOnlyList<OutboxRow> Items, int TotalCount);

public sealed record OutboxMessageView(OutboxRow Summary, string Body);

/// <summary>The vendor operator's view of the outbox: paged, newest first.</summary>
public sealed class OutboxQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxPageSize = 100;

    public async Task<OutboxMessagePage> ListAsync(Actor actor, int skip, int take, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var source = db.Set<OutboxMessage>().AsNoTracking();
        var total = await source.CountAsync(ct);
        var rows = await Project(db, source
                .OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
                .Skip(Math.Max(0, skip))
                .Take(Math.Clamp(take, 1, MaxPageSize)))
            .ToListAsync(ct);
        return new OutboxMessagePage(rows, total);
    }

    public async Task<OutboxMessageView> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        Demand(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var source = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Id == id);
        var row = await Project(db, source).SingleOrDefaultAsync(ct) ?? throw new NotFoundException(nameof(OutboxMessage), id);
        var body = await source.Select(m => m.Body).SingleAsync(ct);
        return new OutboxMessageView(row, body);
    }

    private static IQueryable<OutboxRow> Project(AppDbContext db, IQueryable<OutboxMessage> source) =>
        from m in source
        join o in db.Organizations on m.OrganizationId equals o.Id into orgs
        from o in orgs.DefaultIfEmpty()
        select new OutboxRow(m.Id, m.Kind, m.Recipient, m.Subject, o == null ? null : o.Name, m.CreatedAtUtc, m.SentAtUtc);

    private static void Demand(Actor actor)
    {
        actor.Demand(OutboxPermissions.View);
        // The outbox holds every partner's mail: only a cross-tenant (vendor) reader may open it.
        if (!actor.IsVendor)
        {
            throw new AccessDeniedException("read the outbox");
        }
    }
}
