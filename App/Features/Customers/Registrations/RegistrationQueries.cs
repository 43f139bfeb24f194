using BlazorPartner.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Customers.Registrations;

/// <summary>The partner's registrations page and the vendor's review inbox: one query, scoped by who asks (R3).</summary>
public sealed class RegistrationQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const int MaxPageSize = 100;

    public async Task<RegistrationPage> ListAsync(Core.Identity.Actor actor, RegistrationQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateForAsync(actor, ct);
        var visible = db.CustomerRegistrations.AsNoTracking().VisibleTo(db, actor);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var code = term.ToUpperInvariant();
            visible = visible.Where(r => r.CompanyName.Contains(term) || r.CreditCode.Contains(code));
        }

        var counts = await visible.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var filtered = query.Status is { } status ? visible.Where(r => r.Status == status) : visible;

        var joined = from r in filtered
                     join o in db.Organizations on r.OrganizationId equals o.Id
                     select new { r, PartnerName = o.Name };

        // The inbox serves the oldest pending first (first come, first reviewed); everything else newest first.
        var ordered = query.Status == RegistrationStatus.Pending
            ? joined.OrderBy(x => x.r.RegisteredAtUtc).ThenBy(x => x.r.CompanyName)
            : joined.OrderByDescending(x => x.r.RegisteredAtUtc).ThenBy(x => x.r.CompanyName);
        var rows = await ordered
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .Select(x => new RegistrationRow(x.r.Id, x.r.OrganizationId, x.PartnerName, x.r.CompanyName, x.r.CreditCode, x.r.ContactName, x.r.ContactPhone,
                x.r.ContactEmail, x.r.Region, x.r.Industry, x.r.Status, x.r.RegisteredByUserId, x.r.RegisteredByName, x.r.RegisteredAtUtc, x.r.ReviewedByName,
                x.r.ReviewedAtUtc, x.r.RejectionReason, x.r.ReservedUntilUtc, x.r.LastInvitedAtUtc, x.r.Version))
            .ToListAsync(ct);

        var now = time.GetUtcNow().UtcDateTime;
        var items = rows
            .Select(r => r with
            {
                DaysLeft = r.ReservedUntilUtc is { } until ? (int)Math.Floor((until - now).TotalDays) : 0,
                CanInvite = r.Status == RegistrationStatus.Approved && r.ReservedUntilUtc > now
                    && RegistrationRules.CanAct(actor, r.OrganizationId, r.RegisteredByUserId, CustomerPermissions.Invite),
                CanWithdraw = r.Status is RegistrationStatus.Pending or RegistrationStatus.Approved
                    && RegistrationRules.CanAct(actor, r.OrganizationId, r.RegisteredByUserId, CustomerPermissions.Register),
            })
            .ToList();
        var total = query.Status is { } selected ? counts.GetValueOrDefault(selected) : counts.Values.Sum();
        return new RegistrationPage(items, total, counts);
    }
}
