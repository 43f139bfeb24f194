using System.Globalization;
using System.Text.Json;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Tests.Platform.Exports;

/// <summary>
/// A small export for the center's tests: <c>rows</c> rows of text, needing <c>opportunities.export</c> (so a role change
/// can revoke it), with hooks to hold the writer at a row and to see the culture it ran in.
/// </summary>
public sealed class TestExportDefinition : IExportDefinition
{
    public const string KindCode = "test.rows";

    private int _writes;

    public string Kind => KindCode;

    public int Writes => Volatile.Read(ref _writes);

    /// <summary>When set, the writer reports <see cref="HoldAtRow"/> rows and then waits for this (or its cancellation).</summary>
    public TaskCompletionSource? Hold { get; set; }

    public int HoldAtRow { get; set; } = 10;

    public string? CultureSeen { get; private set; }

    public static string Parameters(int rows) => JsonSerializer.Serialize(new { rows });

    public Task AuthorizeAsync(Actor actor, string parameters, CancellationToken ct)
    {
        actor.Demand(OpportunityPermissions.Export);
        return Task.CompletedTask;
    }

    public async Task<int> CountAsync(Actor actor, string parameters, CancellationToken ct)
    {
        await AuthorizeAsync(actor, parameters, ct);
        return Rows(parameters);
    }

    public async Task<int> WriteAsync(Actor actor, string parameters, Stream output, IProgress<int> progress, CancellationToken ct)
    {
        actor.Demand(OpportunityPermissions.Export);
        Interlocked.Increment(ref _writes);
        CultureSeen = CultureInfo.CurrentUICulture.Name;
        var total = Rows(parameters);
        if (Hold is { } hold)
        {
            progress.Report(HoldAtRow);
            await hold.Task.WaitAsync(ct);
        }

        return await XlsxTableWriter.WriteAsync(
            output,
            "Rows",
            [new XlsxColumn<int>("N", XlsxColumnKind.Integer, 10, n => n), new XlsxColumn<int>("Text", XlsxColumnKind.Text, 30, n => $"row {n} ✓ 行")],
            Numbers(total, ct),
            progress,
            ct);
    }

    public string FileName(string parameters, DateTime utcNow) => $"测试-{CultureInfo.CurrentUICulture.Name}.xlsx";

    private static int Rows(string parameters) => JsonDocument.Parse(parameters).RootElement.GetProperty("rows").GetInt32();

    private static async IAsyncEnumerable<int> Numbers(int count, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var i = 1; i <= count; i++)
        {
            ct.ThrowIfCancellationRequested();
            yield return i;
            if (i % 5000 == 0)
            {
                await Task.Yield();
            }
        }
    }
}

/// <summary>The center, its worker, file store and expiry over a <see cref="TestWorld"/>'s database, with the test definition.</summary>
public sealed class ExportRig
{
    public ExportRig(TestWorld world, ExportOptions? options = null)
    {
        World = world;
        Options = options ?? new ExportOptions { ChunkBytes = 4096, ProgressInterval = TimeSpan.FromMilliseconds(20), MaxActivePerUser = 5 };
        var wrapped = Microsoft.Extensions.Options.Options.Create(Options);
        IExportDefinition[] definitions = [Definition, .. world.Get<IEnumerable<IExportDefinition>>()];
        Files = new ExportFileStore(world.Factory, wrapped);
        Center = new ExportCenter(world.Factory, definitions, wrapped, new ExportSignal(), world.Clock);
        Worker = NewWorker(definitions, wrapped);
        Expiry = new ExportExpiry(world.Factory, world.Clock, NullLogger<ExportExpiry>.Instance);
    }

    public TestWorld World { get; }
    public ExportOptions Options { get; }
    public TestExportDefinition Definition { get; } = new();
    public ExportFileStore Files { get; }
    public ExportCenter Center { get; }
    public ExportWorker Worker { get; }
    public ExportExpiry Expiry { get; }

    /// <summary>A second worker, as another app instance would have.</summary>
    public ExportWorker SecondWorker() => NewWorker([Definition, .. World.Get<IEnumerable<IExportDefinition>>()], Microsoft.Extensions.Options.Options.Create(Options));

    private ExportWorker NewWorker(IExportDefinition[] definitions, IOptions<ExportOptions> options) =>
        new(World.Factory, definitions, Files, World.Get<ActorDirectory>(), options, World.Clock, NullLogger<ExportWorker>.Instance);

    public async Task<ExportJob> LoadAsync(Guid id)
    {
        await using var db = await World.Factory.CreateSystemAsync();
        return await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    public async Task<(int Jobs, int Chunks)> CountAsync()
    {
        await using var db = await World.Factory.CreateSystemAsync();
        return (await db.ExportJobs.CountAsync(), await db.ExportFileChunks.CountAsync());
    }

    public async Task<byte[]> ReadFileAsync(Guid id)
    {
        var job = await LoadAsync(id);
        await using var stream = Files.OpenRead(id, job.SizeBytes);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Waits (polling the database, never a fixed sleep) until the job satisfies <paramref name="condition"/>.</summary>
    public async Task<ExportJob> WaitForAsync(Guid id, Func<ExportJob, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var job = await LoadAsync(id);
            if (condition(job))
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job {id} stayed {job.Status} ({job.RowsWritten} rows).");
            await Task.Delay(20);
        }
    }
}
