using BlazorPartner.Core.Data;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Vouchers;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorPartner.E2E.Tests.Vouchers;

/// <summary>Arranges voucher journeys through the running app's services: customers (CustomerFactory) and vendor-granted quotas.</summary>
public static class VoucherTestData
{
    private static long s_creditCodes = 880_000_000 + Random.Shared.Next(1_000_000) * 100L;

    public sealed class PartnerCAdminSession(E2EHost host) : SignedInSession(host, DemoAccounts.PartnerCAdmin, DemoAccounts.PartnerCName);

    public static string UniqueName(string purpose) => $"E2E {purpose} {Guid.NewGuid().ToString("N")[..8]} Co.";

    public static async Task<Guid> OrganizationAsync(this E2EHost host, string name)
    {
        await using var db = await Factory(host).CreateSystemAsync();
        return await db.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>Associated customers of the named partner, named "{prefix} 1", "{prefix} 2", …</summary>
    public static async Task<List<Guid>> CreateCustomersAsync(this E2EHost host, string partner, string prefix, int count, AssociationMode mode = AssociationMode.Resale)
    {
        var organization = await host.OrganizationAsync(partner);
        await using var db = await Factory(host).CreateSystemAsync();
        var ids = new List<Guid>();
        for (var i = 1; i <= count; i++)
        {
            var (customer, _) = CustomerFactory.Associated(organization, $"{prefix} {i}", CustomerFactory.CreditCodeFor(Interlocked.Increment(ref s_creditCodes)), mode, null, DateTime.UtcNow);
            db.Customers.Add(customer);
            ids.Add(customer.Id);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>The vendor grants the named partner a voucher quota valid from today for six months (Compute and Storage).</summary>
    public static async Task<Guid> GrantQuotaAsync(this E2EHost host, string partner, decimal amount)
    {
        await using var scope = host.Services.CreateAsyncScope();
        string operatorId;
        await using (var db = await Factory(host).CreateSystemAsync())
        {
            operatorId = await db.Users.Where(u => u.Email == DemoAccounts.VendorOperator).Select(u => u.Id).SingleAsync();
        }

        var vendor = await scope.ServiceProvider.GetRequiredService<ActorDirectory>().LoadAsync(operatorId);
        var today = Core.Time.BeijingTime.DateOf(DateTime.UtcNow);
        return await scope.ServiceProvider.GetRequiredService<VoucherQuotas>().GrantAsync(vendor, new GrantQuotaInput
        {
            PartnerOrganizationId = await host.OrganizationAsync(partner),
            Kind = VoucherKind.Voucher,
            Amount = amount,
            ValidFrom = today,
            ValidTo = today.AddMonths(6),
            ServiceTypes = ["Compute", "Storage"],
        });
    }

    public static async Task<List<Voucher>> VouchersOfAsync(this E2EHost host, IReadOnlyCollection<Guid> customers)
    {
        await using var db = await Factory(host).CreateSystemAsync();
        return await db.Vouchers.AsNoTracking().Where(v => customers.Contains(v.CustomerId)).ToListAsync();
    }

    public static async Task<VoucherQuota> QuotaAsync(this E2EHost host, Guid id)
    {
        await using var db = await Factory(host).CreateSystemAsync();
        return await db.VoucherQuotas.AsNoTracking().SingleAsync(q => q.Id == id);
    }

    public static async Task<Guid> LatestChildQuotaAsync(this E2EHost host, Guid parent)
    {
        await using var db = await Factory(host).CreateSystemAsync();
        return await db.VoucherQuotas.Where(q => q.ParentQuotaId == parent).OrderByDescending(q => q.CreatedAtUtc).Select(q => q.Id).FirstAsync();
    }

    private static IDbContextFactory<AppDbContext> Factory(E2EHost host) => host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
}
