using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Data;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Core.Auditing;

public class AuditTenancyTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Audit_rows_are_tenant_filtered_like_every_partner_row(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var ofA = await world.ShareAsync(world.PartnerA);
        var ofB = await world.ShareAsync(world.PartnerB);
        await world.Calendar.SetDayAsync(world.Vendor, new DateOnly(2026, 12, 26), CalendarDayKind.MakeUpWorkday, "Make-up");

        await using var asA = await world.Factory.CreateForAsync(world.AdminA);
        var seenByA = await asA.AuditEntries.Select(a => a.EntityId).ToListAsync();
        await using var asVendor = await world.Factory.CreateForAsync(world.Vendor);
        var seenByVendor = await asVendor.AuditEntries.Select(a => a.EntityId).ToListAsync();
        await using var unscoped = await world.Factory.CreateDbContextAsync();

        Assert.Equal([ofA.ToString()], seenByA);
        Assert.Contains(ofB.ToString(), seenByVendor);
        Assert.Contains("2026-12-26", seenByVendor);
        Assert.Empty(await unscoped.AuditEntries.ToListAsync());
    }

    [Fact]
    public void Every_tenant_owned_entity_has_the_named_tenant_filter_and_every_versioned_one_a_concurrency_token()
    {
        using var db = TestDatabase.CreateModelOnlyContext();
        var tenantTypes = db.Model.GetEntityTypes()
            .Where(t => typeof(BlazorPartner.Core.Tenancy.ITenantOwned).IsAssignableFrom(t.ClrType) || typeof(BlazorPartner.Core.Tenancy.ITenantOwnedOrPlatform).IsAssignableFrom(t.ClrType))
            .ToList();

        Assert.Contains(tenantTypes, t => t.ClrType == typeof(AuditEntry));
        Assert.Contains(tenantTypes, t => t.ClrType == typeof(Opportunity));
        foreach (var type in tenantTypes)
        {
            Assert.Contains(type.GetDeclaredQueryFilters(), f => f.Key == AppDbContext.TenantFilter);
        }

        foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            Assert.True(type.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken, type.ClrType.Name);
        }
    }
}
