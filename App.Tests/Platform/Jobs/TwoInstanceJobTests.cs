using System.Text;
using BlazorPartner.Core.Data;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Consumption.Import;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Tests.Features.Consumption.Import;
using BlazorPartner.Tests.Platform.Exports;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Tests.Platform.Jobs;

/// <summary>
/// Issue 9 §1: with two app instances on one database every background job handles each unit of work once. Each test
/// runs the job's code as two "instances" (two workers over the same database, started together) on SQLite and, when
/// configured (CI), PostgreSQL, where the two really run in parallel on separate connections. The single-job races of
/// auto-reject, registration and voucher expiry, retention and bill generation have their own tests beside those jobs;
/// these cover a queue drained by both, export expiry and the consumption import runner.
/// </summary>
public sealed class TwoInstanceJobTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static ExportOptions ManyJobs() =>
        new() { ChunkBytes = 4096, ProgressInterval = TimeSpan.FromMilliseconds(20), MaxActivePerUser = 50 };

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_export_workers_draining_one_queue_run_every_job_exactly_once(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world, ManyJobs());
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(500 + i)));
        }

        var second = rig.SecondWorker();
        var drained = await Task.WhenAll(Task.Run(() => rig.Worker.DrainAsync()), Task.Run(() => second.DrainAsync()));

        Assert.Equal(ids.Count, drained.Sum());
        Assert.Equal(ids.Count, rig.Definition.Writes);
        for (var i = 0; i < ids.Count; i++)
        {
            var job = await rig.LoadAsync(ids[i]);
            Assert.Equal(ExportJobStatus.Completed, job.Status);
            Assert.Equal(1, job.Attempts);
            Assert.Equal(500 + i, job.RowsWritten);
            // The stored file is whole (not two runs' chunks interleaved): it opens and holds this job's rows.
            using var file = new MemoryStream(await rig.ReadFileAsync(ids[i]));
            using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(file, false);
            Assert.Contains($"row {500 + i} ", document.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_run_that_lost_its_claim_leaves_the_new_runs_file_alone(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world, ManyJobs());
        var id = await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(3000));
        Assert.True(await rig.Worker.ProcessNextAsync());
        var file = await rig.ReadFileAsync(id);
        // The job as another instance's new run holds it, its file stored, while the old run (taken for dead) cleans up.
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            await db.ExportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Running)
                .SetProperty(j => j.ClaimedBy, "new-run"));
        }

        await rig.Files.DeleteOwnAsync(id, "old-run");
        await using (var stream = new MemoryStream(file))
        {
            // Saving under the old run id replaces nothing either (its leftovers delete is conditional too) …
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => rig.Files.SaveAsync(id, stream, "old-run"));
        }

        Assert.Equal(file, await rig.ReadFileAsync(id));
        // … while the holder's own cleanup works.
        await rig.Files.DeleteOwnAsync(id, "new-run");
        Assert.Equal(0, (await rig.CountAsync()).Chunks);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_export_expiry_passes_remove_each_expired_job_once(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world, ManyJobs());
        for (var i = 0; i < 6; i++)
        {
            await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(1500));
        }

        Assert.Equal(6, await rig.Worker.DrainAsync());
        world.Clock.Advance(TimeSpan.FromDays(8));
        var other = new ExportExpiry(world.Factory, world.Clock, NullLogger<ExportExpiry>.Instance);

        var removed = await Task.WhenAll(Task.Run(() => rig.Expiry.RunOnceAsync()), Task.Run(() => other.RunOnceAsync()));

        Assert.Equal(6, removed.Sum());
        Assert.Equal((0, 0), await rig.CountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_import_runners_validate_and_import_each_file_once(DatabaseProvider provider)
    {
        await using var w = await ConsumptionImportWorld.CreateAsync(provider);
        var customer = await w.CustomerAsync(w.World.PartnerA, w.World.Manager1A.UserId);
        var ids = new List<Guid>();
        for (var file = 0; file < 4; file++)
        {
            var lines = Enumerable.Range(1, 5).Select(day => Line(customer.CreditCode, $"2026-10-{day:00}", $"ecs-{file}"));
            using var csv = new MemoryStream(Encoding.UTF8.GetBytes(ConsumptionFileReaderTests.Header + "\n" + string.Join("\n", lines)));
            ids.Add(await w.Imports.UploadAsync(w.World.Vendor, $"consumption-{file}.csv", csv, csv.Length));
        }

        // A second instance's runner: its own object over the same database (the app registers one per process).
        var other = new ConsumptionImportRunner(w.Factory, w.Clock, Options.Create(new ConsumptionImportOptions()), NullLogger<ConsumptionImportRunner>.Instance);
        var validated = await Task.WhenAll(Task.Run(() => w.Runner.RunOnceAsync()), Task.Run(() => other.RunOnceAsync()));
        Assert.Equal(ids.Count, validated.Sum());
        foreach (var id in ids)
        {
            var view = await w.Imports.GetAsync(w.World.Vendor, id);
            Assert.Equal((ConsumptionImportStatus.Validated, 5, 0), (view.Status, view.ValidRows, view.ErrorRows));
            await w.Imports.ConfirmAsync(w.World.Vendor, id, ConsumptionImportMode.AllOrNothing);
        }

        var imported = await Task.WhenAll(Task.Run(() => w.Runner.RunOnceAsync()), Task.Run(() => other.RunOnceAsync()));

        Assert.Equal(ids.Count, imported.Sum());
        Assert.Equal(ids.Count * 5, (await w.RecordsAsync()).Count);
        foreach (var id in ids)
        {
            var view = await w.Imports.GetAsync(w.World.Vendor, id);
            Assert.Equal((ConsumptionImportStatus.Completed, 5L, 0L), (view.Status, view.InsertedRows, view.SkippedRows));
            Assert.Equal(1, await w.World.AuditCountAsync(id, ConsumptionAuditActions.Import));
        }

        // The rollup counts every detail row once.
        Assert.Equal(ids.Count * 5, (await w.RollupsAsync()).Sum(r => r.RecordCount));
    }

    private static string Line(string code, string day, string resource) =>
        string.Join(',', code, day, "ECS", "Compute", "cn-north-4", "OnDemand", resource, "", "10.00", "1.50", "8.50");
}
