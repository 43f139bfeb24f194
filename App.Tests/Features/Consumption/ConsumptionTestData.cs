using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Customers;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Consumption;

/// <summary>Small hand-made consumption: records attributed as the app does (R18), then the rollups rebuilt.</summary>
internal static class ConsumptionTestData
{
    private static long _resource;

    /// <summary>One record per day from <paramref name="from"/> to <paramref name="to"/> (inclusive), each of <paramref name="fenPerDay"/>.</summary>
    public static async Task AddDailyAsync(
        this TestWorld world, Guid customerId, DateOnly from, DateOnly to, long fenPerDay,
        string product = "ECS", ChargeMode charge = ChargeMode.OnDemand, string subUser = "", string serviceType = "Compute")
    {
        await using var db = await world.Factory.CreateSystemAsync();
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId);
        var attribution = await ConsumptionAttribution.LoadAsync(db, [customerId]);
        var resource = $"res-{Interlocked.Increment(ref _resource)}";
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            db.ConsumptionRecords.Add(new ConsumptionRecord
            {
                OrganizationId = customer.OrganizationId,
                CustomerId = customerId,
                Day = day,
                ProductCode = product,
                ServiceType = serviceType,
                Region = "cn-north-4",
                ChargeMode = charge,
                ResourceId = resource,
                SubUserAccount = subUser,
                ListPriceFen = fenPerDay,
                DiscountFen = 0,
                AmountDueFen = fenPerDay,
                AccountManagerUserId = attribution.ManagerFor(customerId, day),
                AssociationMode = customer.Mode,
            });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Rebuilds every month that has detail (older than the window too: R33 must hide them, not the test data).</summary>
    public static async Task RebuildAsync(this TestWorld world, Guid? partner = null)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        foreach (var org in partner is { } p ? [p] : new[] { world.PartnerA, world.PartnerB })
        {
            var days = await db.ConsumptionRecords.Where(r => r.OrganizationId == org).Select(r => r.Day).Distinct().ToListAsync();
            await ConsumptionRollups.RebuildAsync(db, org, days, world.Clock.GetUtcNow().UtcDateTime);
        }
    }

    /// <summary>R18 reassignment straight in the history: the current period ends and a new one starts at <paramref name="atUtc"/>.</summary>
    public static async Task ReassignAsync(this TestWorld world, Guid customerId, Actor to, DateTime atUtc)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        var open = await db.CustomerAssignments.SingleAsync(a => a.CustomerId == customerId && a.ToUtc == null);
        open.ToUtc = atUtc;
        db.CustomerAssignments.Add(new CustomerAssignment
        {
            OrganizationId = open.OrganizationId,
            CustomerId = customerId,
            AccountManagerUserId = to.UserId,
            FromUtc = atUtc,
            AssignedByUserId = world.AdminA.UserId,
            AssignedByName = world.AdminA.DisplayName,
        });
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        customer.AccountManagerUserId = to.UserId;
        await db.SaveChangesAsync();
    }

    public static DateTime BeijingUtc(int year, int month, int day, int hour = 0) =>
        BeijingTime.StartOfDayUtc(new DateOnly(year, month, day)).AddHours(hour);
}
