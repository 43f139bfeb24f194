using BlazorPartner.Core.Data;
using BlazorPartner.Core.Time;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Consumption;

/// <summary>
/// R18: a day's consumption counts for the account manager who held the customer on that day. A day belongs to the
/// holder at its start (Beijing time); on the day a customer is first assigned, to that first holder. So a reassignment
/// during a day leaves the whole day with the previous holder and never moves past consumption to the new one.
/// Resolves many (customer, day) pairs with one query per batch of customers.
/// </summary>
public sealed class ConsumptionAttribution
{
    private readonly Dictionary<Guid, List<(DateTime From, DateTime? To, string ManagerId)>> periods = [];
    private readonly HashSet<Guid> loaded = [];

    public static async Task<ConsumptionAttribution> LoadAsync(AppDbContext db, IReadOnlyCollection<Guid> customerIds, CancellationToken ct = default)
    {
        var attribution = new ConsumptionAttribution();
        await attribution.LoadMissingAsync(db, customerIds, ct);
        return attribution;
    }

    /// <summary>Adds the assignment history of the customers not loaded yet (an import streams: it meets customers batch by batch).</summary>
    public async Task LoadMissingAsync(AppDbContext db, IEnumerable<Guid> customerIds, CancellationToken ct = default)
    {
        var missing = customerIds.Where(loaded.Add).ToList();
        foreach (var chunk in missing.Chunk(500))
        {
            var rows = await db.CustomerAssignments.AsNoTracking()
                .Where(a => chunk.Contains(a.CustomerId))
                .Select(a => new { a.CustomerId, a.FromUtc, a.ToUtc, a.AccountManagerUserId })
                .ToListAsync(ct);
            foreach (var group in rows.GroupBy(r => r.CustomerId))
            {
                periods[group.Key] = group.Select(r => (r.FromUtc, r.ToUtc, r.AccountManagerUserId)).OrderBy(p => p.FromUtc).ToList();
            }
        }
    }

    /// <summary>The account manager the day's consumption counts for, or null when nobody held the customer that day.</summary>
    public string? ManagerFor(Guid customerId, DateOnly day)
    {
        if (!periods.TryGetValue(customerId, out var list))
        {
            return null;
        }

        var dayStart = BeijingTime.StartOfDayUtc(day);
        var dayEnd = BeijingTime.StartOfDayUtc(day.AddDays(1));
        string? firstDuringDay = null;
        foreach (var (from, to, manager) in list)
        {
            if (from <= dayStart && (to is null || to > dayStart))
            {
                return manager;
            }

            if (firstDuringDay is null && from > dayStart && from < dayEnd)
            {
                firstDuringDay = manager;
            }
        }

        return firstDuringDay;
    }
}
