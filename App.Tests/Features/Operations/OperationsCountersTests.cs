using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Operations;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Platform.Jobs;
using BlazorPartner.Tests.Support;

namespace BlazorPartner.Tests.Features.Operations;

/// <summary>The vendor operator's counters of an instance (issue 9 §5): the export queue from the database, jobs and circuits from this process.</summary>
public class OperationsCountersTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task The_vendor_reads_the_export_queue_jobs_and_circuits_and_a_partner_is_refused(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var now = DateTime.UtcNow;
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            ExportJob Job(ExportJobStatus status, DateTime created) => new()
            {
                Id = Guid.NewGuid(), OrganizationId = world.PartnerA, UserId = world.AdminA.UserId, Kind = "bench", Parameters = "{}", Culture = "en-US",
                Status = status, CreatedUtc = created,
            };
            db.ExportJobs.AddRange(
                Job(ExportJobStatus.Queued, now), Job(ExportJobStatus.Queued, now), Job(ExportJobStatus.Running, now),
                Job(ExportJobStatus.Failed, now.AddHours(-2)), Job(ExportJobStatus.Failed, now.AddDays(-3)), Job(ExportJobStatus.Completed, now));
            await db.SaveChangesAsync();
        }

        var circuits = new OpenCircuits();
        var beats = new JobHeartbeats(TimeProvider.System);
        beats.Started("VoucherExpiry", TimeSpan.FromMinutes(1));
        beats.Passed("VoucherExpiry", failed: true);
        var counters = new OperationsCounters(world.Factory, circuits, beats, TimeProvider.System);

        var snapshot = await counters.SnapshotAsync(world.Vendor);

        Assert.Equal(new ExportQueueCounts(Queued: 2, Running: 1, FailedLastDay: 1), snapshot.Exports);
        var job = Assert.Single(snapshot.Jobs);
        Assert.Equal(("VoucherExpiry", true), (job.Name, job.LastPassFailed));
        Assert.Equal((0, 0), (snapshot.OpenCircuits, snapshot.ConnectedCircuits));
        Assert.True(snapshot.WorkingSetBytes > 0);
        await Assert.ThrowsAsync<AccessDeniedException>(() => counters.SnapshotAsync(world.AdminA));
    }
}
