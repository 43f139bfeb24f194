using System.Runtime.InteropServices;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Benchmarks;

/// <summary>Runs every phase on each provider and records the results against the issue's targets.</summary>
internal sealed class BenchmarkRunner(BenchmarkOptions options, Report report)
{
    private const double PageP95TargetMs = 50;
    private static readonly TimeSpan AutoRejectTarget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ExportTimeTarget = TimeSpan.FromSeconds(5);
    private const long ExportPeakTargetBytes = 300L * 1024 * 1024;

    public static async Task<int> RunAllAsync(BenchmarkOptions options, CancellationToken ct = default)
    {
        var report = new Report();
        report.Context($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, " +
            $"{Format.MB(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} RAM, {RuntimeInformation.FrameworkDescription}");
        report.Context($"Data: {Format.Count(options.Rows)} opportunities over {options.Partners} partners; page query: {options.Warmup} warm-up + {options.Iterations} timed calls per actor; export culture {options.Culture}");
        report.Context($"Load average at start: {LoadAverage()}");
        var runner = new BenchmarkRunner(options, report);
        if (!options.SkipSqlite)
        {
            await using var sqlite = SqliteBenchmarkDatabase.CreateTemporary();
            sqlite.Keep = options.Keep;
            await runner.RunAsync(sqlite, ct);
        }

        if (options.Postgres is { } postgres)
        {
            await using var database = await PostgresBenchmarkDatabase.RecreateAsync(postgres, ct);
            database.Keep = options.Keep;
            await runner.RunAsync(database, ct);
        }

        report.Context($"Load average at end: {LoadAverage()} (other work on the machine shows up as noise in p95 and export time)");
        report.WriteConsole(Console.Out);
        if (options.Out is { } path)
        {
            await File.WriteAllTextAsync(path, report.ToMarkdown(), ct);
            Console.WriteLine($"Markdown written to {Path.GetFullPath(path)}");
        }

        return report.AnyMiss ? 1 : 0;
    }

    private async Task RunAsync(BenchmarkDatabase database, CancellationToken ct)
    {
        var provider = database.Provider;
        Console.WriteLine($"== {provider}");
        var capture = new QueryPlanCapture(database.ExplainAsync);
        await using var services = BenchmarkServices.Build(database, capture);
        await database.MigrateAsync(services, ct);
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            report.Context($"{provider}: {await database.ServerVersionAsync(db, ct)}");
        }

        Console.WriteLine($"  seeding {Format.Count(options.Rows)} opportunities...");
        var seeded = await services.GetRequiredService<Seeder>().SeedAsync(options.Rows, options.Partners, ct);
        var (_, settle) = await Measure.OnceAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await database.AfterSeedAsync(db, ct);
            return true;
        });
        report.Info(provider, "Seed (not a target)",
            $"{Format.Seconds(seeded.Elapsed)} (+ {Format.Seconds(settle)} settling): {Format.Count(seeded.Opportunities)} opportunities, {seeded.PartnerAdmins.Count} partners, " +
            $"{seeded.Users} users, {Format.Count(seeded.Pending)} pending ({Format.Count(seeded.OverduePending)} overdue)");

        var queries = services.GetRequiredService<OpportunityQueries>();
        var pages = new PageQueryPhase(queries, options.Warmup, options.Iterations);
        var partner = await pages.RunAsync(i => seeded.PartnerAdmins[i % seeded.PartnerAdmins.Count]);
        CheckPage(provider, "Page query, partner admin (own tenant)", partner);
        var vendor = await pages.RunAsync(_ => seeded.VendorOperator);
        CheckPage(provider, "Page query, vendor operator (all tenants, secondary)", vendor);
        await CapturePlansAsync(provider, "partner admin", capture, () => queries.ListAsync(seeded.PartnerAdmins[0], PageQueryPhase.FirstPendingPage));
        await CapturePlansAsync(provider, "vendor operator", capture, () => queries.ListAsync(seeded.VendorOperator, PageQueryPhase.FirstPendingPage));

        Console.WriteLine("  auto-reject pass...");
        var autoReject = await new AutoRejectPhase(services.GetRequiredService<OpportunityAutoRejecter>(), dbFactory, TimeProvider.System).RunAsync(ct);
        report.Check(provider, "Auto-reject pass", $"{Format.Seconds(autoReject.Elapsed)} for {Format.Count(autoReject.Rejected)} rows", $"< {Format.Seconds(AutoRejectTarget)}",
            autoReject.Elapsed < AutoRejectTarget);
        report.Check(provider, "Auto-reject correctness", $"{Format.Count(autoReject.OverdueBefore)} overdue before, {autoReject.OverdueAfter} after, {Format.Count(autoReject.AuditRows)} audit rows",
            "all overdue rejected, 1 audit row each", autoReject.OverdueAfter == 0 && autoReject.Rejected == autoReject.OverdueBefore && autoReject.AuditRows == autoReject.Rejected);

        await ExportAsync(database, ct);
    }

    private async Task ExportAsync(BenchmarkDatabase database, CancellationToken ct)
    {
        var provider = database.Provider;
        var runs = new List<ExportMeasurement>();
        for (var run = 1; run <= options.ExportRuns; run++)
        {
            Console.WriteLine($"  export {run}/{options.ExportRuns} (child process)...");
            runs.Add(await ExportOnceAsync(database, serverGc: false, ct));
        }

        // The app itself runs the Web SDK's default server GC, whose heap sizing differs; shown for comparison, not graded.
        Console.WriteLine("  export with server GC (child process)...");
        var serverGc = await ExportOnceAsync(database, serverGc: true, ct);

        var times = new Samples();
        runs.ForEach(r => times.Add(r.Elapsed));
        var worst = runs.MaxBy(r => r.PeakWorkingSetBytes)!;
        var runsText = runs.Count > 1 ? $"median of {runs.Count} runs: {string.Join(", ", runs.Select(r => Format.Seconds(r.Elapsed)))}; " : "";
        report.Check(provider, "Export time", $"{Format.Seconds(TimeSpan.FromMilliseconds(times.Median))} ({runsText}{Format.Count(worst.Rows)} rows, {Format.MB(worst.FileBytes)} xlsx)",
            $"< {Format.Seconds(ExportTimeTarget)}", TimeSpan.FromMilliseconds(times.Median) < ExportTimeTarget && runs.All(r => r.Rows == options.Rows));
        report.Check(provider, "Export peak working set (whole process)", $"{Format.MB(worst.PeakWorkingSetBytes)} (worst run)", $"< {Format.MB(ExportPeakTargetBytes)}",
            worst.PeakWorkingSetBytes < ExportPeakTargetBytes);
        report.Info(provider, "Export memory detail (worst run)", Describe(worst));
        report.Info(provider, "Export with server GC (as the app runs)",
            $"{Format.Seconds(serverGc.Elapsed)}, peak working set {Format.MB(serverGc.PeakWorkingSetBytes)}; {Describe(serverGc)}");
    }

    private async Task<ExportMeasurement> ExportOnceAsync(BenchmarkDatabase database, bool serverGc, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"blazorpartner-bench-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            return await ExportPhase.RunInChildProcessAsync(database, options.Culture, file, serverGc, ct);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Describe(ExportMeasurement export) =>
        $"working set before export {Format.MB(export.BaselineWorkingSetBytes)}, so the export added {Format.MB(export.PeakWorkingSetBytes - export.BaselineWorkingSetBytes)}; " +
        $"managed heap peak {Format.MB(export.PeakManagedHeapBytes)}; allocated {Format.MB(export.AllocatedBytes)}; " +
        $"GCs gen0/1/2 {export.Gen0Collections}/{export.Gen1Collections}/{export.Gen2Collections}";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private void CheckPage(string provider, string measure, PageQueryResult result) =>
        report.Check(provider, measure,
            $"median {Format.Ms(result.Samples.Median)}, p95 {Format.Ms(result.Samples.P95)}, max {Format.Ms(result.Samples.Max)} " +
            $"({result.PageRows} rows of {Format.Count(result.TotalCount)})",
            $"p95 < {Format.Ms(PageP95TargetMs)}", result.Samples.P95 < PageP95TargetMs);

    private async Task CapturePlansAsync(string provider, string actor, QueryPlanCapture capture, Func<Task> call)
    {
        var captured = await capture.CaptureAsync(call);
        for (var i = 0; i < captured.Count; i++)
        {
            report.Appendix($"{provider}: page query as {actor}, statement {i + 1} of {captured.Count}", $"{captured[i].Sql}\n\n-- plan\n{captured[i].Plan}");
        }
    }
}
