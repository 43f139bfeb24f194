using BlazorPartner.Core.Data;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Consumption.Import;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Consumption.Import;

/// <summary><see cref="TestWorld"/> plus customers with credit codes and assignments. Today is Monday 2026-11-16 (Beijing).</summary>
public sealed class ConsumptionImportWorld : IAsyncDisposable
{
    private static long s_creditCodes = 810_000_000;

    private ConsumptionImportWorld(TestWorld world) => World = world;

    public TestWorld World { get; }
    public TestClock Clock => World.Clock;
    public IDbContextFactory<AppDbContext> Factory => World.Factory;
    public ConsumptionImports Imports => World.Get<ConsumptionImports>();
    public ConsumptionImportRunner Runner => World.Get<ConsumptionImportRunner>();

    public static async Task<ConsumptionImportWorld> CreateAsync(DatabaseProvider provider, TestClock? clock = null) =>
        new(await TestWorld.CreateAsync(provider, clock));

    /// <summary>An associated customer of <paramref name="partner"/> held by <paramref name="managerUserId"/> since <paramref name="fromUtc"/>.</summary>
    public async Task<(Guid Id, string CreditCode)> CustomerAsync(Guid partner, string? managerUserId = null, DateTime? fromUtc = null, AssociationMode mode = AssociationMode.Resale)
    {
        var code = CustomerFactory.CreditCodeFor(Interlocked.Increment(ref s_creditCodes));
        var (customer, assignment) = CustomerFactory.Associated(partner, $"Customer {code[^4..]}", code, mode, managerUserId, fromUtc ?? new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await using var db = await Factory.CreateSystemAsync();
        db.Customers.Add(customer);
        if (assignment is not null)
        {
            db.CustomerAssignments.Add(assignment);
        }

        await db.SaveChangesAsync();
        return (customer.Id, customer.CreditCode);
    }

    /// <summary>Ends the current assignment at <paramref name="atUtc"/> and starts one for <paramref name="managerUserId"/>.</summary>
    public async Task ReassignAsync(Guid customerId, string managerUserId, DateTime atUtc)
    {
        await using var db = await Factory.CreateSystemAsync();
        var open = await db.CustomerAssignments.SingleAsync(a => a.CustomerId == customerId && a.ToUtc == null);
        open.ToUtc = atUtc;
        db.CustomerAssignments.Add(new CustomerAssignment { OrganizationId = open.OrganizationId, CustomerId = customerId, AccountManagerUserId = managerUserId, FromUtc = atUtc });
        await db.Customers.Where(c => c.Id == customerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.AccountManagerUserId, managerUserId));
        await db.SaveChangesAsync();
    }

    public async Task<List<ConsumptionRecord>> RecordsAsync()
    {
        await using var db = await Factory.CreateSystemAsync();
        return await db.ConsumptionRecords.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    public async Task<List<ConsumptionMonthly>> RollupsAsync()
    {
        await using var db = await Factory.CreateSystemAsync();
        return await db.ConsumptionMonthly.AsNoTracking().ToListAsync();
    }

    public ValueTask DisposeAsync() => World.DisposeAsync();
}
