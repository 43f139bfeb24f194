using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Diagnostics.Health;
using BlazorPartner.Platform.Jobs;
using BlazorPartner.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlazorPartner.Tests.Platform.Diagnostics;

/// <summary>Readiness (issue 9 §5): the migrations are applied and the periodic jobs are alive.</summary>
public class HealthCheckTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task A_migrated_database_is_ready(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await new MigrationsHealthCheck(database.Factory).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task A_database_without_the_migrations_is_not_ready()
    {
        var path = Path.Combine(Path.GetTempPath(), "blazorpartner-tests", $"{Guid.NewGuid():N}-empty.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var factory = TestDatabase.SqliteFactory(DatabaseRegistration.SqliteConnectionString(path, Path.GetTempPath()));

            var result = await new MigrationsHealthCheck(factory).CheckHealthAsync(new HealthCheckContext());

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Matches(@"^\d+ migration\(s\) not applied\.$", result.Description);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_job_that_keeps_passing_is_healthy_one_that_failed_is_degraded_one_that_stopped_is_unhealthy()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var beats = new JobHeartbeats(clock);
        var check = new JobsHealthCheck(beats, clock);
        var interval = TimeSpan.FromMinutes(1);

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        beats.Started("VoucherExpiry", interval);
        beats.Started("BillGeneration", interval);
        // Just started: no pass yet, within three intervals and the start-up grace.
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        beats.Passed("VoucherExpiry", failed: false);
        beats.Passed("BillGeneration", failed: true);
        var degraded = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal("Last pass failed: BillGeneration.", degraded.Description);

        // Voucher expiry keeps ticking; bill generation's loop has gone quiet for more than three intervals.
        clock.Advance(TimeSpan.FromMinutes(2));
        beats.Passed("VoucherExpiry", failed: false);
        clock.Advance(TimeSpan.FromMinutes(1.5));
        var stalled = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, stalled.Status);
        Assert.Equal("No recent pass: BillGeneration.", stalled.Description);

        beats.Passed("BillGeneration", failed: false);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}
