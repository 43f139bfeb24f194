using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Vouchers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Features.Vouchers;

/// <summary>
/// <see cref="TestWorld"/> plus what the voucher rules need: Partner C (a reseller under the distributor Partner B) with
/// its admin, customers of each partner, and quota helpers. Today is Monday 2026-11-16 (Beijing).
/// </summary>
public sealed class VoucherWorld : IAsyncDisposable
{
    private static long s_creditCodes = 700_000_000;
    private int _customerNumber;

    private VoucherWorld(TestWorld world) => World = world;

    public TestWorld World { get; }
    public TestClock Clock => World.Clock;
    public IDbContextFactory<AppDbContext> Factory => World.Factory;
    public Guid PartnerC { get; } = Guid.NewGuid();
    public Actor AdminC { get; private set; } = default!;

    public VoucherQuotas Quotas => World.Get<VoucherQuotas>();
    public VoucherIssuing Issuing => World.Get<VoucherIssuing>();
    public VoucherRecalls Recalls => World.Get<VoucherRecalls>();
    public VoucherRedemptions Redemptions => World.Get<VoucherRedemptions>();
    public VoucherExpiry Expiry => World.Get<VoucherExpiry>();
    public VoucherQueries Queries => World.Get<VoucherQueries>();
    public VoucherLogQueries Log => World.Get<VoucherLogQueries>();

    public static readonly DateOnly Today = new(2026, 11, 16);

    public static async Task<VoucherWorld> CreateAsync(DatabaseProvider provider)
    {
        var world = new VoucherWorld(await TestWorld.CreateAsync(provider));
        await world.SeedAsync();
        return world;
    }

    private async Task SeedAsync()
    {
        await using var db = await Factory.CreateSystemAsync();
        await db.Organizations.Where(o => o.Id == World.PartnerB).ExecuteUpdateAsync(s => s.SetProperty(o => o.Kind, OrganizationKind.Distributor));
        db.Organizations.Add(new Organization { Id = PartnerC, Name = "Partner C", Kind = OrganizationKind.Reseller, ParentOrganizationId = World.PartnerB, CreatedUtc = Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        var role = await db.Roles.SingleAsync(r => r.Name == AppRoles.PartnerAdmin);
        var user = new AppUser { UserName = "admin-c", NormalizedUserName = "ADMIN-C", Email = "admin-c@test", DisplayName = "Admin C", OrganizationId = PartnerC };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
        AdminC = await World.Get<ActorDirectory>().LoadAsync(user.Id);
    }

    public async Task<Guid> CustomerAsync(Guid partner, AssociationMode mode = AssociationMode.Resale, ContractingEntity entity = ContractingEntity.ChinaMainland, string? name = null)
    {
        var number = Interlocked.Increment(ref _customerNumber);
        var (customer, _) = CustomerFactory.Associated(partner, name ?? $"Customer {number:D3}", CustomerFactory.CreditCodeFor(Interlocked.Increment(ref s_creditCodes)), mode, null, Clock.GetUtcNow().UtcDateTime, contractingEntity: entity);
        await using var db = await Factory.CreateSystemAsync();
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    public async Task<List<Guid>> CustomersAsync(Guid partner, int count, AssociationMode mode = AssociationMode.Resale)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await CustomerAsync(partner, mode));
        }

        return ids;
    }

    public Task<Guid> GrantAsync(Guid partner, decimal amount, VoucherKind kind = VoucherKind.Voucher, bool invoiceToUser = false, DateOnly? from = null, DateOnly? to = null) =>
        Quotas.GrantAsync(World.Vendor, new GrantQuotaInput
        {
            PartnerOrganizationId = partner,
            Kind = kind,
            Amount = amount,
            ValidFrom = from ?? Today,
            ValidTo = to ?? new DateOnly(2027, 6, 30),
            ServiceTypes = ["Compute", "Storage"],
            Products = ["RDS"],
            InvoiceToCouponUser = invoiceToUser,
        });

    public static IssueVouchersInput Issue(Guid quota, decimal faceValue, params Guid[] customers) => new()
    {
        QuotaId = quota,
        FaceValue = faceValue,
        ValidFrom = Today,
        ValidTo = new DateOnly(2027, 3, 31),
        ServiceTypes = ["Compute"],
        Products = ["OBS", "RDS"],
        CustomerIds = [.. customers],
        Remark = "Q4 campaign",
    };

    public async Task<VoucherQuota> QuotaAsync(Guid id)
    {
        await using var db = await Factory.CreateSystemAsync();
        return await db.VoucherQuotas.AsNoTracking().SingleAsync(q => q.Id == id);
    }

    public async Task<Voucher> VoucherAsync(Guid id)
    {
        await using var db = await Factory.CreateSystemAsync();
        return await db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == id);
    }

    public async Task<List<Voucher>> VouchersOfIssueAsync(Guid issueId)
    {
        await using var db = await Factory.CreateSystemAsync();
        return await db.Vouchers.AsNoTracking().Where(v => v.IssueId == issueId).ToListAsync();
    }

    /// <summary>Rows of every table a voucher command writes, to prove a refused command stored nothing.</summary>
    public async Task<(int Audits, int Quotas, int Vouchers, int Issues, int Log, int Redemptions, long Remaining)> CountRowsAsync()
    {
        await using var db = await Factory.CreateSystemAsync();
        return (await db.AuditEntries.CountAsync(), await db.VoucherQuotas.CountAsync(), await db.Vouchers.CountAsync(), await db.VoucherIssues.CountAsync(),
            await db.VoucherOperations.CountAsync(), await db.VoucherRedemptions.CountAsync(), await db.VoucherQuotas.SumAsync(q => q.RemainingFen));
    }

    public async Task<int> LogCountAsync(VoucherOperationKind kind)
    {
        await using var db = await Factory.CreateSystemAsync();
        return await db.VoucherOperations.CountAsync(o => o.Kind == kind);
    }

    public static async Task<BusinessException?> Outcome(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (BusinessException error)
        {
            return error;
        }
    }

    public ValueTask DisposeAsync() => World.DisposeAsync();
}
