using BlazorPartner.Core.Data;
using BlazorPartner.Features.Resellers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static BlazorPartner.Tests.Features.Resellers.ResellerTestKit;

namespace BlazorPartner.Tests.Features.Resellers;

/// <summary>The migration that gave applications their wait start and language fills them in for the rows that existed before.</summary>
public class ResellerMigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R40_existing_applications_wait_at_the_distributor_since_the_vendors_approval_after_the_migration(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var atVendor = await world.SubmitAsync(11, company: "At Vendor Co.", email: "vendor-level@reseller.example");
        var submittedAt = world.Clock.GetUtcNow().UtcDateTime;
        var atDistributor = await world.SubmitAsync(12, company: "At Distributor Co.", email: "distributor-level@reseller.example");
        world.Clock.Advance(TimeSpan.FromDays(2));
        await world.Reviews().VendorApproveAsync(world.Vendor, await world.TargetAsync(atDistributor.Id));
        var approvedAt = world.Clock.GetUtcNow().UtcDateTime;

        // Back to the schema before the columns existed (they are dropped with their values), then up again: the backfill runs.
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var added = migrations.Single(m => m.EndsWith("_ReviewWaitingAndLanguage", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[migrations.IndexOf(added) - 1]);
            await migrator.MigrateAsync();
        }

        var vendorLevel = await world.LoadApplicationAsync(atVendor.Id);
        var distributorLevel = await world.LoadApplicationAsync(atDistributor.Id);
        Assert.Equal((submittedAt, "en-US"), (vendorLevel.WaitingSinceUtc, vendorLevel.ApplicantCulture));
        Assert.Equal((approvedAt, "en-US"), (distributorLevel.WaitingSinceUtc, distributorLevel.ApplicantCulture));
        Assert.Equal(submittedAt, distributorLevel.RoundSubmittedAtUtc);
    }
}
