using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Billing;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Tests.Features.Customers;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Tests.Features.Billing;

/// <summary>Consumption detail straight into the database, and what the billing tables really hold afterwards.</summary>
internal static class BillingTestData
{
    public static Task<Guid> CustomerAsync(this TestWorld world, string name, Guid? partner = null) =>
        world.AddCustomerAsync(name, world.Manager1A, partner, associatedAtUtc: new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>One detail row per day of <paramref name="days"/>: list price and discount, amount due their difference.</summary>
    public static async Task AddConsumptionAsync(this TestWorld world, Guid partner, Guid customer, IEnumerable<DateOnly> days, long listFen, long discountFen,
        string product = "ECS", string resource = "i-001", ChargeMode mode = ChargeMode.OnDemand, string region = "cn-north-4", string serviceType = "Compute")
    {
        await using var db = await world.Factory.CreateSystemAsync();
        foreach (var day in days)
        {
            db.ConsumptionRecords.Add(new ConsumptionRecord
            {
                OrganizationId = partner,
                CustomerId = customer,
                Day = day,
                ProductCode = product,
                ServiceType = serviceType,
                Region = region,
                ChargeMode = mode,
                ResourceId = resource,
                ListPriceFen = listFen,
                DiscountFen = discountFen,
                AmountDueFen = listFen - discountFen,
            });
        }

        await db.SaveChangesAsync();
    }

    public static IEnumerable<DateOnly> Days(int year, int month, params int[] days) => days.Select(d => new DateOnly(year, month, d));

    public static BillGeneration NewGeneration(this TestWorld world, BillingOptions? options = null) =>
        new(world.Factory, world.Clock, Options.Create(options ?? new BillingOptions()), NullLogger<BillGeneration>.Instance);

    public static async Task<Bill?> BillAsync(this TestWorld world, Guid partner, int year, int month)
    {
        var period = new DateOnly(year, month, 1);
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.Bills.AsNoTracking().SingleOrDefaultAsync(b => b.OrganizationId == partner && b.Period == period);
    }

    public static async Task<List<BillLine>> LinesAsync(this TestWorld world, long billId)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return await db.BillLines.AsNoTracking().Where(l => l.BillId == billId).OrderBy(l => l.Id).ToListAsync();
    }

    public static async Task<(int Bills, int Lines, int Adjustments, int Audits)> CountBillingRowsAsync(this TestWorld world)
    {
        await using var db = await world.Factory.CreateSystemAsync();
        return (await db.Bills.CountAsync(), await db.BillLines.CountAsync(), await db.BillAdjustments.CountAsync(), await db.AuditEntries.CountAsync());
    }

    public static BillAdjustmentInput Adjustment(Guid partner, string period, decimal? amount, BillAdjustmentKind kind = BillAdjustmentKind.Adjustment, string? reason = "Correction") =>
        new() { PartnerId = partner, Period = period, Amount = amount, Kind = kind, Reason = reason };

    /// <summary>The export definition as the export center finds it: registered under its kind.</summary>
    public static IExportDefinition BillExport(this TestWorld world) =>
        Assert.Single(world.Get<IEnumerable<IExportDefinition>>(), d => d.Kind == "bills.lines");

    public static Task<long> RecordAsync(this TestWorld world, Actor actor, BillAdjustmentInput input) =>
        world.Get<BillAdjustments>().RecordAsync(actor, input);
}
