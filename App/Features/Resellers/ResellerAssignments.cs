using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Resellers;

/// <summary>
/// R43: a reseller cannot change its distributor itself; the vendor's channel manager moves it to another distributor,
/// audited with the distributor before and after. The move is checked against the distributor the operator saw, so two
/// operators moving one reseller at once cannot silently overwrite each other. The reseller's admins and both distributors'
/// admins are told (bell and mail), in the move's transaction.
/// </summary>
public sealed class ResellerAssignments(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, Notifier notifier)
{
    public async Task<PagedResult<ResellerRow>> ResellersAsync(Actor actor, int skip, int take, CancellationToken ct = default)
    {
        DemandMover(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var resellers = db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Reseller);
        var total = await resellers.CountAsync(ct);
        var rows = await resellers.OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, ResellerQueries.MaxPageSize))
            .Select(o => new ResellerRow(o.Id, o.Name, o.ParentOrganizationId,
                db.Organizations.Where(d => d.Id == o.ParentOrganizationId).Select(d => d.Name).FirstOrDefault(), o.CreatedUtc))
            .ToListAsync(ct);
        return new PagedResult<ResellerRow>(rows, total);
    }

    public async Task<IReadOnlyList<DistributorOption>> DistributorsAsync(Actor actor, CancellationToken ct = default)
    {
        DemandMover(actor);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await ResellerApplicationIntake.DistributorsQuery(db).ToListAsync(ct);
    }

    public async Task MoveAsync(Actor actor, MoveResellerInput input, CancellationToken ct = default)
    {
        DemandMover(actor);
        if (input.NewDistributorId is not { } target || target == Guid.Empty)
        {
            throw new ValidationException(nameof(input.NewDistributorId), "Reseller.MoveDistributorRequired");
        }

        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var reseller = await db.Organizations.SingleOrDefaultAsync(o => o.Id == input.ResellerId && o.Kind == OrganizationKind.Reseller, ct)
            ?? throw new NotFoundException(nameof(Organization), input.ResellerId);
        var distributor = await db.Organizations.Where(o => o.Id == target && o.Kind == OrganizationKind.Distributor).Select(o => o.Name).SingleOrDefaultAsync(ct)
            ?? throw new ValidationException(nameof(input.NewDistributorId), "ResellerApply.DistributorUnknown");
        if (target == reseller.ParentOrganizationId)
        {
            throw new ValidationException(nameof(input.NewDistributorId), "Reseller.MoveSameDistributor");
        }

        var before = reseller.ParentOrganizationId;
        var beforeName = await db.Organizations.Where(o => o.Id == before).Select(o => o.Name).FirstOrDefaultAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Conditional on the distributor the operator saw: the second of two concurrent moves updates nothing.
        var moved = await db.Organizations
            .Where(o => o.Id == reseller.Id && o.ParentOrganizationId == input.ExpectedDistributorId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ParentOrganizationId, target), ct);
        if (moved == 0)
        {
            throw new BusinessException(ErrorCodes.AlreadyProcessed, $"Reseller {reseller.Name} was moved by someone else.", "Reseller.MovedElsewhere", reseller.Name);
        }

        db.Audit(actor, new AuditChange(nameof(Organization), reseller.Id.ToString(), ResellerAuditActions.Move)
        {
            OrganizationId = reseller.Id,
            Before = new { Distributor = beforeName },
            After = new { Distributor = distributor },
        }, time);
        var bells = await NotifyMoveAsync(db, reseller.Id, reseller.Name, before, beforeName ?? "", target, distributor, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var batch in bells)
        {
            batch.Ring();
        }
    }

    /// <summary>
    /// Everyone the move changes something for: the reseller's admins (whose distributor it is), the distributor that lost it
    /// and the one that gained it (their admins, who run the cooperation). Each reads its own sentence.
    /// </summary>
    private async Task<List<NotificationBatch>> NotifyMoveAsync(AppDbContext db, Guid resellerId, string reseller, Guid? fromId, string from, Guid toId, string to, CancellationToken ct)
    {
        var bells = new List<NotificationBatch>
        {
            await notifier.StageAsync(db, await Notifier.RoleHoldersAsync(db, resellerId, AppRoles.PartnerAdmin, ct),
                new NotificationDraft(ResellerNotifications.Moved, "Notification.ResellerMovedForReseller", [reseller, from, to], "/"), ct),
            await notifier.StageAsync(db, await Notifier.RoleHoldersAsync(db, toId, AppRoles.PartnerAdmin, ct),
                new NotificationDraft(ResellerNotifications.Moved, "Notification.ResellerMovedHere", [reseller, from], "/"), ct),
        };
        if (fromId is { } previous)
        {
            bells.Add(await notifier.StageAsync(db, await Notifier.RoleHoldersAsync(db, previous, AppRoles.PartnerAdmin, ct),
                new NotificationDraft(ResellerNotifications.Moved, "Notification.ResellerMovedAway", [reseller, to], "/"), ct));
        }

        return bells;
    }

    /// <summary>Only the vendor moves resellers (R43): a reseller's own admin, or any partner, is refused.</summary>
    private static void DemandMover(Actor actor)
    {
        actor.Demand(ResellerPermissions.Move);
        if (!actor.IsVendor)
        {
            throw new AccessDeniedException("move a reseller to another distributor");
        }
    }
}
