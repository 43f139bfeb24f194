using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Benchmarks;

internal sealed record ExportMeasurement(
    int Rows,
    double ElapsedMilliseconds,
    long FileBytes,
    long PeakWorkingSetBytes,
    long BaselineWorkingSetBytes,
    long PeakManagedHeapBytes,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    bool ServerGc)
{
    [JsonIgnore]
    public TimeSpan Elapsed => TimeSpan.FromMilliseconds(ElapsedMilliseconds);
}

/// <summary>
/// The export of every row as the vendor operator, through <see cref="OpportunityExporter.ExportAsync"/>.
/// A process's peak working set cannot be reset, so the export runs in a fresh child process of this program that
/// does nothing else; the parent only reads back its numbers.
/// </summary>
internal static class ExportPhase
{
    private const string ResultMarker = "EXPORT-RESULT ";
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(10);

    public static async Task<ExportMeasurement> RunInChildProcessAsync(BenchmarkDatabase database, string culture, string file, bool serverGc, CancellationToken ct = default)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot locate this program to start the export phase."),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in new[] { "--phase", BenchmarkOptions.ExportPhase, "--provider", database.Key, "--file", file, "--culture", culture })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[BenchmarkOptions.ConnectionEnvironmentVariable] = database.ConnectionString;
        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";

        using var child = Process.Start(start) ?? throw new InvalidOperationException("The export child process did not start.");
        var output = child.StandardOutput.ReadToEndAsync(ct);
        var errors = child.StandardError.ReadToEndAsync(ct);
        await child.WaitForExitAsync(ct);
        var result = (await output).Split('\n').FirstOrDefault(l => l.StartsWith(ResultMarker, StringComparison.Ordinal));
        if (child.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"The export child process failed (exit {child.ExitCode}):\n{await output}\n{await errors}");
        }

        return JsonSerializer.Deserialize<ExportMeasurement>(result[ResultMarker.Length..])!;
    }

    /// <summary>The child: warm up the services (EF model, connection pool) so only the export itself is measured, then export.</summary>
    public static async Task RunChildAsync(BenchmarkOptions options, CancellationToken ct = default)
    {
        var connectionString = Environment.GetEnvironmentVariable(BenchmarkOptions.ConnectionEnvironmentVariable)
            ?? throw new ArgumentException($"{BenchmarkOptions.ConnectionEnvironmentVariable} is not set.");
        var file = options.File ?? throw new ArgumentException("--file is required for the export phase.");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(options.Culture);

        await using var database = BenchmarkDatabase.Attach(options.Provider ?? throw new ArgumentException("--provider is required."), connectionString);
        await using var services = BenchmarkServices.Build(database);
        var vendor = await FindVendorOperatorAsync(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), ct);
        var everything = new OpportunityQuery();
        // The app counts first too (for the progress bar); here it doubles as the warm-up.
        var expected = await services.GetRequiredService<OpportunityQueries>().CountAsync(vendor, everything, ct);

        await using var scope = services.CreateAsyncScope();
        var exporter = scope.ServiceProvider.GetRequiredService<OpportunityExporter>();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = CurrentWorkingSet();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

        var peakHeap = GC.GetTotalMemory(forceFullCollection: false);
        using var sampler = new Timer(_ => InterlockedMax(ref peakHeap, GC.GetTotalMemory(forceFullCollection: false)), null, TimeSpan.Zero, SampleInterval);
        var lastProgress = 0;
        var progress = new InlineProgress(rows => lastProgress = rows);

        var started = Stopwatch.GetTimestamp();
        int rows;
        // Same stream as the app's ExportButton: a read/write temp file with a 64 KB buffer.
        await using (var stream = new FileStream(file, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            rows = await exporter.ExportAsync(vendor, everything, stream, progress, ct);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        await sampler.DisposeAsync();
        InterlockedMax(ref peakHeap, GC.GetTotalMemory(forceFullCollection: false));

        if (rows != expected || lastProgress != rows)
        {
            throw new InvalidOperationException($"Exported {rows} rows (progress said {lastProgress}), but {expected} match the filter.");
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var measurement = new ExportMeasurement(
            rows,
            elapsed.TotalMilliseconds,
            new FileInfo(file).Length,
            self.PeakWorkingSet64,
            baseline,
            peakHeap,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore,
            GC.CollectionCount(0) - collectionsBefore[0],
            GC.CollectionCount(1) - collectionsBefore[1],
            GC.CollectionCount(2) - collectionsBefore[2],
            System.Runtime.GCSettings.IsServerGC);
        Console.WriteLine(ResultMarker + JsonSerializer.Serialize(measurement));
    }

    private static async Task<Actor> FindVendorOperatorAsync(IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var vendor = await db.Organizations.SingleAsync(o => o.Kind == OrganizationKind.Vendor, ct);
        var user = await db.Users.Where(u => u.OrganizationId == vendor.Id).OrderBy(u => u.UserName).FirstAsync(ct);
        return new Actor(user.Id, user.DisplayName, vendor.Id, OrganizationKind.Vendor, new HashSet<string> { AppRoles.VendorOperator }, RolePermissions.For(AppRoles.VendorOperator));
    }

    private static long CurrentWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var current = Interlocked.Read(ref target); value > current; current = Interlocked.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }

    /// <summary>Reports on the writer's thread: <see cref="Progress{T}"/> would post every report to the thread pool.</summary>
    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
