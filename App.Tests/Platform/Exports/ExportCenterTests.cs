using System.Globalization;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Errors;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Tests.Platform.Exports;

/// <summary>The export center (issue 7, section 5): enqueue, claim once, progress, cancel, the actor rebuilt, expiry, downloads.</summary>
public sealed class ExportCenterTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Enqueue_authorizes_now_and_a_refusal_stores_nothing(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world);

        // Finance has no opportunity export permission.
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => rig.Center.EnqueueAsync(world.FinanceA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(10)));
        Assert.Equal(ErrorCodes.AccessDenied, refused.Code);
        await Assert.ThrowsAsync<ValidationException>(() => rig.Center.EnqueueAsync(world.AdminA, "no.such.kind", "{}"));
        Assert.Equal((0, 0), await rig.CountAsync());

        var id = await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(10));
        var job = await rig.LoadAsync(id);
        Assert.Equal(ExportJobStatus.Queued, job.Status);
        Assert.Equal(10, job.TotalRows);
        Assert.Equal(world.AdminA.UserId, job.UserId);
        Assert.Equal(world.PartnerA, job.OrganizationId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_user_may_have_only_so_many_exports_queued_or_running(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world, new ExportOptions { MaxActivePerUser = 2 });
        var first = await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(1));
        await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(1));

        var refused = await Assert.ThrowsAsync<TooManyExportsException>(() => rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(1)));
        Assert.Equal("CBC.0250", refused.Code);
        Assert.Equal(2, (await rig.CountAsync()).Jobs);

        // Another user has their own allowance; a finished job frees one.
        await rig.Center.EnqueueAsync(world.Manager1A, TestExportDefinition.KindCode, TestExportDefinition.Parameters(1));
        await rig.Center.CancelAsync(world.AdminA, first);
        await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(1));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_job_runs_once_with_two_concurrent_workers(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world);
        var id = await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(3000));

        var second = rig.SecondWorker();
        var results = await Task.WhenAll(Task.Run(() => rig.Worker.ProcessNextAsync()), Task.Run(() => second.ProcessNextAsync()));

        Assert.Equal(1, results.Count(ran => ran));
        Assert.Equal(1, rig.Definition.Writes);
        var job = await rig.LoadAsync(id);
        Assert.Equal(ExportJobStatus.Completed, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(3000, job.RowsWritten);
        Assert.Equal(100, job.Percent);
        Assert.True(job.SizeBytes > 4096, "The file should span several chunks.");
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime.AddDays(7), job.ExpiresUtc);
        Assert.False(await rig.Worker.ProcessNextAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Progress_is_recorded_while_the_job_runs_and_the_file_is_stored_in_chunks(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world);
        rig.Definition.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Definition.HoldAtRow = 250;
        var id = await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(1000));

        var running = Task.Run(() => rig.Worker.ProcessNextAsync());
        var midway = await rig.WaitForAsync(id, j => j.RowsWritten == 250);
        Assert.Equal(ExportJobStatus.Running, midway.Status);
        Assert.Equal(25, midway.Percent);
        Assert.NotNull(midway.HeartbeatUtc);
        var listed = Assert.Single(await rig.Center.ListAsync(world.AdminA));
        Assert.Equal((250, 1000, 25), (listed.RowsWritten, listed.TotalRows, listed.Percent));

        rig.Definition.Hold.SetResult();
        Assert.True(await running);
        var done = await rig.LoadAsync(id);
        Assert.Equal(ExportJobStatus.Completed, done.Status);
        var bytes = await rig.ReadFileAsync(id);
        Assert.Equal(done.SizeBytes, bytes.Length);
        Assert.Equal(1001, ReadRows(bytes).Count);
        Assert.True((await rig.CountAsync()).Chunks > 1);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Cancel_stops_a_running_job_and_keeps_no_file(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world);
        rig.Definition.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(1000));
        var running = Task.Run(() => rig.Worker.ProcessNextAsync());
        await rig.WaitForAsync(id, j => j.Status == ExportJobStatus.Running && j.RowsWritten > 0);

        // Another user cannot cancel it (not found), the owner can.
        await Assert.ThrowsAsync<NotFoundException>(() => rig.Center.CancelAsync(world.Manager1A, id));
        await rig.Center.CancelAsync(world.AdminA, id);

        Assert.True(await running.WaitAsync(TimeSpan.FromSeconds(30)));
        var job = await rig.LoadAsync(id);
        Assert.Equal(ExportJobStatus.Cancelled, job.Status);
        Assert.Equal(0, (await rig.CountAsync()).Chunks);
        Assert.Null(await rig.Center.FindDownloadAsync(world.AdminA, id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_queued_job_cancelled_never_runs(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world);
        var id = await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(10));
        await rig.Center.CancelAsync(world.AdminA, id);

        Assert.False(await rig.Worker.ProcessNextAsync());
        Assert.Equal(0, rig.Definition.Writes);
        Assert.Equal(ExportJobStatus.Cancelled, (await rig.LoadAsync(id)).Status);
        await Assert.ThrowsAsync<NotFoundException>(() => rig.Center.CancelAsync(world.AdminA, id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_requester_is_rebuilt_from_the_database_and_a_revoked_permission_fails_the_job(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world);
        var id = await rig.Center.EnqueueAsync(world.Manager1A, TestExportDefinition.KindCode, TestExportDefinition.Parameters(10));

        // The manager loses the account-manager role (and with it opportunities.export) before the job runs.
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            await db.UserRoles.Where(r => r.UserId == world.Manager1A.UserId).ExecuteDeleteAsync();
        }

        Assert.True(await rig.Worker.ProcessNextAsync());
        var job = await rig.LoadAsync(id);
        Assert.Equal(ExportJobStatus.Failed, job.Status);
        Assert.Equal(ErrorCodes.AccessDenied, job.ErrorCode);
        Assert.Equal("Export.Error.PermissionLost", job.ErrorKey);
        Assert.Equal(0, rig.Definition.Writes);
        Assert.Equal(0, (await rig.CountAsync()).Chunks);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_locked_out_requester_gets_a_failed_job(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world);
        var id = await rig.Center.EnqueueAsync(world.Manager1A, TestExportDefinition.KindCode, TestExportDefinition.Parameters(10));
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            var until = world.Clock.GetUtcNow().ToUniversalTime().AddYears(1);
            await db.Users.Where(u => u.Id == world.Manager1A.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, until));
        }

        await rig.Worker.DrainAsync();
        Assert.Equal(ExportJobStatus.Failed, (await rig.LoadAsync(id)).Status);
        Assert.Equal(0, rig.Definition.Writes);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_file_is_written_in_the_requesters_language(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world);
        var before = CultureInfo.CurrentUICulture;
        Guid id;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            id = await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(5));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            await rig.Worker.DrainAsync();
            Assert.Equal("en", CultureInfo.CurrentUICulture.Name);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal("zh-CN", rig.Definition.CultureSeen);
        var job = await rig.LoadAsync(id);
        Assert.Equal("zh-CN", job.Culture);
        Assert.Equal("测试-zh-CN.xlsx", job.FileName);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_job_of_a_dead_instance_is_queued_again_and_runs_once_more(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world);
        var id = await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(10));
        var old = world.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
        await using (var db = await world.Factory.CreateSystemAsync())
        {
            await db.ExportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Running)
                .SetProperty(j => j.ClaimedBy, "dead-instance")
                .SetProperty(j => j.HeartbeatUtc, old)
                .SetProperty(j => j.Attempts, 1));
        }

        Assert.True(await rig.Worker.ProcessNextAsync());
        var job = await rig.LoadAsync(id);
        Assert.Equal(ExportJobStatus.Completed, job.Status);
        Assert.Equal(2, job.Attempts);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Expiry_removes_the_job_and_its_file_after_seven_days(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world);
        var id = await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(2000));
        var active = await rig.Center.EnqueueAsync(world.AdminA, TestExportDefinition.KindCode, TestExportDefinition.Parameters(1));
        Assert.True(await rig.Worker.ProcessNextAsync());
        var chunks = (await rig.CountAsync()).Chunks;
        Assert.True(chunks > 0);

        world.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await rig.Expiry.RunOnceAsync());
        Assert.NotNull(await rig.Center.FindDownloadAsync(world.AdminA, id));

        world.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await rig.Center.FindDownloadAsync(world.AdminA, id));
        Assert.Equal(1, await rig.Expiry.RunOnceAsync());
        Assert.Equal((1, 0), await rig.CountAsync());
        Assert.Equal(ExportJobStatus.Queued, (await rig.LoadAsync(active)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Only_the_owner_finds_the_download_and_the_definition_authorizes_again(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var rig = new ExportRig(world);
        var id = await rig.Center.EnqueueAsync(world.Manager1A, TestExportDefinition.KindCode, TestExportDefinition.Parameters(10));
        await rig.Worker.DrainAsync();

        Assert.NotNull(await rig.Center.FindDownloadAsync(world.Manager1A, id));
        Assert.Null(await rig.Center.FindDownloadAsync(world.AdminA, id)); // same partner, another user
        Assert.Null(await rig.Center.FindDownloadAsync(world.SupervisorA, id));
        Assert.Null(await rig.Center.FindDownloadAsync(world.AdminB, id)); // another partner
        Assert.Null(await rig.Center.FindDownloadAsync(world.Vendor, id));
        Assert.Empty(await rig.Center.ListAsync(world.AdminA));
        Assert.Empty(await rig.Center.ListAsync(world.AdminB));
        Assert.Null(await rig.Center.FindDownloadAsync(world.Manager1A, Guid.NewGuid()));

        // The owner without the permission any more (an actor as the cookie would now carry it): no file.
        var revoked = world.Manager1A with { Permissions = world.Manager1A.Permissions.Where(p => p != BlazorPartner.Features.Opportunities.OpportunityPermissions.Export).ToHashSet() };
        Assert.Null(await rig.Center.FindDownloadAsync(revoked, id));
    }

    internal static List<string[]> ReadRows(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(cell => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "").ToArray())
            .ToList();
    }
}
