using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Roles;

public sealed record RoleInput
{
    public string? Title { get; init; }

    public IReadOnlyList<string> Permissions { get; init; } = [];
}

/// <summary>A role the admin acts on, with the concurrency stamp the admin saw (so a stale save is told who was first).</summary>
public sealed record RoleTarget(string Id, string ExpectedStamp);

public sealed record RoleRow(string Id, string Name, string? Title, IReadOnlyList<string> Permissions, int MemberCount, string Stamp)
{
    public bool IsSystem => Title is null;

    public RoleOption Option => new(Name, Title);
}

public sealed record RoleOverview(IReadOnlyList<RoleRow> Roles, int CustomCount, bool CanManage);

/// <summary>
/// R1: a partner's roles. The system roles are read-only; the admin creates at most <see cref="RoleRules.MaxCustomRoles"/>
/// custom roles, each a chosen set of the permissions a partner may hold. Permissions are role claims, the one source the
/// page policies and <see cref="Actor.Can"/> read, and a change reaches members on their next action (see CurrentActor).
/// Every change is audited with the permissions before and after.
/// </summary>
public sealed class PartnerRoles(IDbContextFactory<AppDbContext> dbFactory, PermissionCatalog catalog, TimeProvider time)
{
    public const string AuditEntity = "Role";

    public async Task<RoleOverview> GetAsync(Actor actor, CancellationToken ct = default)
    {
        DemandPartner(actor, RolePermissions.View);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var roles = await PartnerRolesQuery(db, actor.OrganizationId).AsNoTracking().ToListAsync(ct);
        var ids = roles.Select(r => r.Id).ToList();
        var claims = await db.RoleClaims.AsNoTracking()
            .Where(c => ids.Contains(c.RoleId) && c.ClaimType == Permissions.ClaimType)
            .Select(c => new { c.RoleId, c.ClaimValue }).ToListAsync(ct);
        var members = await (
                from ur in db.UserRoles
                join u in db.Users on ur.UserId equals u.Id
                where ids.Contains(ur.RoleId) && u.OrganizationId == actor.OrganizationId && u.UnboundAtUtc == null
                group ur by ur.RoleId into g
                select new { RoleId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.RoleId, x => x.Count, ct);
        var rows = RoleRules.InDisplayOrder(roles, r => r.Name!, r => r.Title)
            .Select(r => new RoleRow(
                r.Id,
                r.Name!,
                r.Title,
                OrderedPermissions(claims.Where(c => c.RoleId == r.Id).Select(c => c.ClaimValue!)),
                members.GetValueOrDefault(r.Id),
                r.ConcurrencyStamp ?? ""))
            .ToList();
        return new RoleOverview(rows, rows.Count(r => !r.IsSystem), actor.Can(RolePermissions.Manage));
    }

    /// <summary>The roles an admin may give a member: the partner system roles, then the partner's custom roles.</summary>
    public async Task<IReadOnlyList<RoleOption>> AssignableAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.Can(MemberPermissions.Manage) && !actor.Can(RolePermissions.View))
        {
            throw new AccessDeniedException(MemberPermissions.Manage);
        }

        DemandPartner(actor, permission: null);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await AssignableAsync(db, actor.OrganizationId, ct);
    }

    /// <summary>For the member slice's own commands, inside their transaction.</summary>
    internal static async Task<IReadOnlyList<RoleOption>> AssignableAsync(AppDbContext db, Guid organizationId, CancellationToken ct)
    {
        var roles = await PartnerRolesQuery(db, organizationId).AsNoTracking().Select(r => new { r.Name, r.Title }).ToListAsync(ct);
        return RoleRules.InDisplayOrder(roles, r => r.Name!, r => r.Title)
            .Select(r => new RoleOption(r.Name!, r.Title))
            .ToList();
    }

    /// <summary>The names of the assignable roles <paramref name="actor"/> may give or take away: every permission they hold is the actor's to give.</summary>
    public async Task<IReadOnlySet<string>> GivableAsync(Actor actor, CancellationToken ct = default)
    {
        var assignable = await AssignableAsync(actor, ct);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var names = assignable.Select(r => r.Name).ToList();
        var held = await (
            from r in db.Roles
            join c in db.RoleClaims on r.Id equals c.RoleId
            where names.Contains(r.Name!) && c.ClaimType == Permissions.ClaimType
            select new { r.Name, c.ClaimValue }).ToListAsync(ct);
        return names.Where(n => RoleRules.CanGiveRole(actor, n) && held.Where(h => h.Name == n).All(h => RoleRules.CanGive(actor, h.ClaimValue!)))
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task<string> CreateAsync(Actor actor, RoleInput input, CancellationToken ct = default)
    {
        DemandPartner(actor, RolePermissions.Manage);
        var (title, permissions) = Validate(input, actor.OrganizationKind);
        DemandWithinReach(actor, permissions);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Of two admins creating the tenth role at once, the second waits here and then counts ten.
        await OrganizationLock.LockAsync(db, actor.OrganizationId, ct);
        var count = await db.Roles.CountAsync(r => r.OrganizationId == actor.OrganizationId, ct);
        if (count >= RoleRules.MaxCustomRoles)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"The partner already has {count} custom roles.", "Role.Limit", RoleRules.MaxCustomRoles);
        }

        await DemandUniqueTitleAsync(db, actor.OrganizationId, title, exceptId: null, ct);
        var role = new AppRole
        {
            Name = AppRole.CustomName(Guid.NewGuid()),
            OrganizationId = actor.OrganizationId,
            Title = title,
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        role.NormalizedName = role.Name!.ToUpperInvariant();
        db.Roles.Add(role);
        db.RoleClaims.AddRange(permissions.Select(p => new IdentityRoleClaim<string> { RoleId = role.Id, ClaimType = Permissions.ClaimType, ClaimValue = p }));
        db.Audit(actor, Change(actor, role.Id, RoleAuditActions.Create) with { After = new { Title = title, Permissions = AuditKeys(permissions) } }, time);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return role.Id;
    }

    public async Task UpdateAsync(Actor actor, RoleTarget target, RoleInput input, CancellationToken ct = default)
    {
        DemandPartner(actor, RolePermissions.Manage);
        var (title, permissions) = Validate(input, actor.OrganizationKind);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var role = await LoadCustomAsync(db, actor, target, ct);
        await DemandUniqueTitleAsync(db, actor.OrganizationId, title, role.Id, ct);
        var held = await db.RoleClaims.Where(c => c.RoleId == role.Id && c.ClaimType == Permissions.ClaimType).ToListAsync(ct);
        var before = OrderedPermissions(held.Select(c => c.ClaimValue!));
        var granted = permissions.Except(before).ToList();
        var revoked = before.Except(permissions).ToList();
        if (title == role.Title && granted.Count == 0 && revoked.Count == 0)
        {
            return;
        }

        // Only the changed permissions: a role may keep rights its editor lacks, as long as the editor leaves them alone.
        DemandWithinReach(actor, granted.Concat(revoked));

        db.RoleClaims.RemoveRange(held.Where(c => revoked.Contains(c.ClaimValue!)));
        db.RoleClaims.AddRange(granted.Select(p => new IdentityRoleClaim<string> { RoleId = role.Id, ClaimType = Permissions.ClaimType, ClaimValue = p }));
        var beforeTitle = role.Title;
        role.Title = title;
        role.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.Audit(actor, Change(actor, role.Id, RoleAuditActions.Update) with
        {
            Before = new { Title = beforeTitle, Permissions = AuditKeys(before) },
            After = new { Title = title, Permissions = AuditKeys(permissions), Granted = AuditKeys(granted), Revoked = AuditKeys(revoked) },
        }, time);
        await SaveAsync(db, actor, role, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Deletes a custom role nobody holds and no open invitation offers; a role in use is refused with the count.</summary>
    public async Task DeleteAsync(Actor actor, RoleTarget target, CancellationToken ct = default)
    {
        DemandPartner(actor, RolePermissions.Manage);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var role = await LoadCustomAsync(db, actor, target, ct);
        var holders = await db.UserRoles.Where(ur => ur.RoleId == role.Id)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (ur, u) => new { ur, u.UnboundAtUtc }).ToListAsync(ct);
        var bound = holders.Count(h => h.UnboundAtUtc == null);
        if (bound > 0)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"{bound} members hold role {role.Title}.", "Role.InUse", role.Title!, bound);
        }

        // Invitations keep role names in a list column; the few open ones of one partner are read and checked here. An
        // expired one counts too: a resend revives it with the roles it names.
        var open = await db.MemberInvitations.Where(i => i.OrganizationId == actor.OrganizationId && i.Status == MemberInvitationStatus.Invited)
            .Select(i => i.Roles).ToListAsync(ct);
        var offered = open.Count(roles => roles.Split(',').Contains(role.Name));
        if (offered > 0)
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"{offered} open invitations offer role {role.Title}.", "Role.Invited", role.Title!, offered);
        }

        var permissions = await db.RoleClaims.Where(c => c.RoleId == role.Id).ToListAsync(ct);
        db.UserRoles.RemoveRange(holders.Select(h => h.ur));
        db.RoleClaims.RemoveRange(permissions);
        db.Roles.Remove(role);
        db.Audit(actor, Change(actor, role.Id, RoleAuditActions.Delete) with
        {
            Before = new { role.Title, Permissions = AuditKeys(OrderedPermissions(permissions.Select(c => c.ClaimValue!))) },
        }, time);
        await SaveAsync(db, actor, role, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// R1: nobody gives or takes away a permission they cannot give (<see cref="RoleRules.CanGive"/>), so whoever may
    /// manage members or roles cannot lift themselves or anyone else above their own rights, nor strip someone above them.
    /// </summary>
    internal static void DemandWithinReach(Actor actor, IEnumerable<string> permissions)
    {
        var beyond = permissions.Where(p => !RoleRules.CanGive(actor, p)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (beyond.Count > 0)
        {
            throw new BusinessException(ErrorCodes.AccessDenied, $"{actor.DisplayName} does not hold {string.Join(", ", beyond)} and cannot give or withdraw it.",
                "Role.BeyondOwnRights", beyond.Count);
        }
    }

    /// <summary>
    /// <see cref="DemandWithinReach(Actor, IEnumerable{string})"/> for whole roles: every permission the roles named hold, and
    /// then the roles themselves whose reach is wider than their permissions (<see cref="RoleRules.CanGiveRole"/>).
    /// </summary>
    internal static async Task DemandWithinReachAsync(AppDbContext db, Actor actor, IEnumerable<string> roleNames, CancellationToken ct)
    {
        var names = roleNames.Distinct(StringComparer.Ordinal).ToList();
        if (actor.IsInRole(AppRoles.PartnerAdmin) || names.Count == 0)
        {
            return;
        }

        var permissions = await (
            from r in db.Roles
            join c in db.RoleClaims on r.Id equals c.RoleId
            where names.Contains(r.Name!) && c.ClaimType == Permissions.ClaimType
            select c.ClaimValue!).Distinct().ToListAsync(ct);
        DemandWithinReach(actor, permissions);

        var wider = names.Where(n => !RoleRules.CanGiveRole(actor, n)).ToList();
        if (wider.Count > 0)
        {
            throw new BusinessException(ErrorCodes.AccessDenied, $"{actor.DisplayName} does not hold {string.Join(", ", wider)} and cannot give or withdraw it.",
                "Role.BeyondOwnReach");
        }
    }

    /// <summary>The partner's role changes, newest first (the role's title is in each row's before/after).</summary>
    public async Task<IReadOnlyList<AuditView>> HistoryAsync(Actor actor, int take = 50, CancellationToken ct = default)
    {
        DemandPartner(actor, RolePermissions.View);
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.OrganizationId == actor.OrganizationId && (a.EntityType == AuditEntity || a.Action == RoleAuditActions.MemberRoles))
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(take, 1, 200))
            .Select(a => new AuditView(a.Action, a.ActorName, a.Before, a.After, a.Reason, a.ReasonKey, a.AtUtc))
            .ToListAsync(ct);
    }

    /// <summary>Permission names in the catalog's order (by capability), so audit rows and screens list them the same way.</summary>
    internal IReadOnlyList<string> OrderedPermissions(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        return catalog.All.Select(p => p.Name).Where(set.Contains).ToList();
    }

    /// <summary>Permissions as their description keys: the audit history shows them in the reader's language.</summary>
    internal static IReadOnlyList<string> AuditKeys(IEnumerable<string> permissions) => permissions.Select(p => $"Permission.{p}").ToList();

    private static IQueryable<AppRole> PartnerRolesQuery(AppDbContext db, Guid organizationId) =>
        db.Roles.Where(r =>
            (r.OrganizationId == null && RoleRules.PartnerSystemRoles.Contains(r.Name!)
                && (!RoleRules.DistributorOnlyRoles.Contains(r.Name!) || db.Organizations.Any(o => o.Id == organizationId && o.Kind == OrganizationKind.Distributor)))
            || r.OrganizationId == organizationId);

    private (string Title, IReadOnlyList<string> Permissions) Validate(RoleInput input, OrganizationKind kind)
    {
        var errors = new InputErrors();
        var title = errors.Text(nameof(RoleInput.Title), input.Title, RoleRules.MaxTitle);
        var requested = (input.Permissions ?? []).ToHashSet(StringComparer.Ordinal);
        var grantable = RoleRules.Grantable(catalog, kind).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (requested.Count == 0)
        {
            errors.Add(nameof(RoleInput.Permissions), "Role.PermissionsRequired");
        }
        else if (requested.Any(p => !grantable.Contains(p)))
        {
            errors.Add(nameof(RoleInput.Permissions), "Role.PermissionUnknown");
        }

        errors.ThrowIfAny();
        return (title, OrderedPermissions(requested));
    }

    private static async Task DemandUniqueTitleAsync(AppDbContext db, Guid organizationId, string title, string? exceptId, CancellationToken ct)
    {
        var upper = title.ToUpperInvariant();
        var taken = await db.Roles.Where(r => r.OrganizationId == organizationId && r.Id != exceptId).Select(r => r.Title!).ToListAsync(ct);
        if (taken.Any(t => t.ToUpperInvariant() == upper))
        {
            throw new ValidationException(nameof(RoleInput.Title), "Role.TitleTaken");
        }
    }

    private static async Task<AppRole> LoadCustomAsync(AppDbContext db, Actor actor, RoleTarget target, CancellationToken ct)
    {
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Id == target.Id, ct);
        if (role is { OrganizationId: null })
        {
            throw new BusinessException(ErrorCodes.IllegalOperation, $"System role {role.Name} is read-only.", "Role.SystemReadOnly");
        }

        // Another partner's role is as absent as a deleted one.
        if (role is null || role.OrganizationId != actor.OrganizationId)
        {
            throw new NotFoundException(AuditEntity, target.Id);
        }

        if (role.ConcurrencyStamp != target.ExpectedStamp)
        {
            throw await ChangedMeanwhileAsync(db, actor, role, ct);
        }

        return role;
    }

    private static async Task SaveAsync(AppDbContext db, Actor actor, AppRole role, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw await ChangedMeanwhileAsync(db, actor, role, ct);
        }
    }

    /// <summary>Who was first: the last audited change of the role names them.</summary>
    private static async Task<BusinessException> ChangedMeanwhileAsync(AppDbContext db, Actor actor, AppRole role, CancellationToken ct)
    {
        var by = await db.AuditEntries.AsNoTracking()
            .Where(a => a.OrganizationId == actor.OrganizationId && a.EntityType == AuditEntity && a.EntityId == role.Id)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Select(a => a.ActorName).FirstOrDefaultAsync(ct);
        return new BusinessException(ErrorCodes.AlreadyProcessed, $"Role {role.Title} was changed by {by ?? "someone else"}.",
            by is null ? "Role.ChangedElsewhere" : "Role.ChangedBy", role.Title ?? "", by ?? "");
    }

    private static AuditChange Change(Actor actor, string roleId, string action) =>
        new(AuditEntity, roleId, action) { OrganizationId = actor.OrganizationId };

    private static void DemandPartner(Actor actor, string? permission)
    {
        if (permission is not null)
        {
            actor.Demand(permission);
        }

        if (actor.IsVendor)
        {
            throw new AccessDeniedException("manage a partner's roles");
        }
    }
}
