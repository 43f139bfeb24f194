using System.Diagnostics;
using System.Globalization;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Time;
using BlazorPartner.Features.Billing;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Consumption.Dashboard;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Exports;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// The consumption and billing figures (issue 7, section 9): 5,000,000 generated consumption rows over 50 partners and
/// 18 months; the dashboard's first load for a partner admin (summary with every card and chart, the filter options and
/// the detail's first page); a detail page deep in the grid; bill generation for all 50 partners for last month; and the
/// export of a 1,000,000-line bill (one more partner with a million resources) written and stored the way the export
/// center does it (the definition's workbook into a temporary file, then into the file store's chunks).
/// Usage: dotnet run -c Release --project App.Benchmarks -- consumption [--postgres &lt;conn&gt;] [--skip-sqlite] [--rows n] [--partners n] [--bill-lines n] [--out file.md]
/// </summary>
internal static class ConsumptionBenchmark
{
    public const string Mode = "consumption";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? postgres = null, output = null;
        var skipSqlite = false;
        int rows = 5_000_000, partners = 50, billLines = 1_000_000;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--postgres": postgres = args[++i]; break;
                case "--skip-sqlite": skipSqlite = true; break;
                case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--partners": partners = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--bill-lines": billLines = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": output = args[++i]; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        var report = new Report();
        report.Context($"Consumption: {Format.Count(rows)} rows over {partners} partners and 18 months; a {Format.Count(billLines)}-line bill; {Environment.ProcessorCount} cores");
        if (!skipSqlite)
        {
            await using var sqlite = SqliteBenchmarkDatabase.CreateTemporary();
            await RunOnAsync(sqlite, report, rows, partners, billLines);
        }

        if (postgres is not null)
        {
            await using var database = await PostgresBenchmarkDatabase.RecreateAsync(postgres);
            await RunOnAsync(database, report, rows, partners, billLines);
        }

        report.WriteConsole(Console.Out);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report.ToMarkdown());
        }

        return report.AnyMiss ? 1 : 0;
    }

    private static async Task RunOnAsync(BenchmarkDatabase database, Report report, int rowCount, int partnerCount, int billLines)
    {
        var provider = database.Provider;
        Console.WriteLine($"== {provider} (consumption)");
        await using var services = BuildServices(database);
        await database.MigrateAsync(services);
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var now = DateTime.UtcNow;

        var ((admins, bigAdmin, stored), seedTime) = await Measure.OnceAsync(() => SeedAsync(dbFactory, rowCount, partnerCount, billLines, now));
        report.Info(provider, "Consumption seed (not a target)", $"{Format.Seconds(seedTime)}: {Format.Count((int)stored)} rows stored through ConsumptionBulkWriter, rollups rebuilt");
        await using (var db = await dbFactory.CreateSystemAsync())
        {
            await database.AfterSeedAsync(db);
        }

        // 1. The dashboard's first load: what the page asks for before it can draw (summary = cards + charts, filter options, detail page 1).
        var queries = services.GetRequiredService<ConsumptionQueries>();
        var firstLoad = await Measure.RepeatAsync(5, 100, async i =>
        {
            var admin = admins[i % admins.Count];
            await queries.GetSummaryAsync(admin, new ConsumptionFilter());
            await queries.GetFilterOptionsAsync(admin, null);
            await queries.GetDetailAsync(admin, new ConsumptionDetailQuery());
        });
        report.Check(provider, "Dashboard first load (partner admin: cards, charts, filter options, detail page 1)", $"median {Format.Ms(firstLoad.Median)}, p95 {Format.Ms(firstLoad.P95)}", "p95 < 500 ms", firstLoad.P95 < 500);

        // 2. Detail grid pages: deep pages, a drill-down to one month, and the sub-user filter.
        var month = ConsumptionWindow.CurrentMonth(now).AddMonths(-1);
        var detail = await Measure.RepeatAsync(10, 200, i => queries.GetDetailAsync(admins[i % admins.Count], (i % 3) switch
        {
            0 => new ConsumptionDetailQuery { Skip = 20 * (i % 50) },
            1 => new ConsumptionDetailQuery { DrillDown = new ConsumptionDrillDown { Month = month }, Skip = 20 * (i % 10) },
            _ => new ConsumptionDetailQuery { SubUserAccount = "ops" },
        }));
        report.Check(provider, "Detail grid page (deep pages, month drill-down, sub-user filter)", $"median {Format.Ms(detail.Median)}, p95 {Format.Ms(detail.P95)}", "p95 < 100 ms", detail.P95 < 100);

        // 3. Bill generation for every partner for last month. The million-line bill first, on its own (not part of the target).
        var generation = services.GetRequiredService<BillGeneration>();
        var (_, bigBillTime) = await Measure.OnceAsync(() => generation.GenerateAsync(bigAdmin.OrganizationId, month, "bench-big"));
        report.Info(provider, "Generating the 1,000,000-line bill (not a target)", Format.Seconds(bigBillTime));
        var (bills, billTime) = await Measure.OnceAsync(() => generation.GenerateMonthAsync(month));
        report.Check(provider, "Bill generation, all partners, one month", $"{Format.Seconds(billTime)} for {bills} bills", "< 60 s", billTime < TimeSpan.FromSeconds(60) && bills >= partnerCount);

        // 4. The 1,000,000-line bill's export, as the export center's worker runs it.
        var export = services.GetServices<IExportDefinition>().Single(d => d.Kind == "bills.lines");
        var store = services.GetRequiredService<ExportFileStore>();
        var parameters = System.Text.Json.JsonSerializer.Serialize(new BillExportParameters(bigAdmin.OrganizationId, month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        // The chunks belong to a job row, as the export center's worker has one.
        var jobId = Guid.NewGuid();
        await using (var db = await dbFactory.CreateSystemAsync())
        {
            db.ExportJobs.Add(new ExportJob
            {
                Id = jobId, OrganizationId = bigAdmin.OrganizationId, UserId = bigAdmin.UserId, Kind = export.Kind, Parameters = parameters,
                Culture = "en-US", Status = ExportJobStatus.Running, CreatedUtc = DateTime.UtcNow, StartedUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        // Aggressive: decommit what seeding 6,000,000 rows left behind, so the working set is the export's, not the seed's.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(50);
            }
        });
        var started = Stopwatch.GetTimestamp();
        var path = Path.Combine(Path.GetTempPath(), $"bill-{Guid.NewGuid():N}.xlsx");
        int written;
        long size;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose))
        {
            written = await export.WriteAsync(bigAdmin, parameters, file, new Progress<int>(), CancellationToken.None);
            file.Position = 0;
            size = await store.SaveAsync(jobId, file);
        }

        var exportTime = Stopwatch.GetElapsedTime(started);
        await sampling.CancelAsync();
        await sampler;
        report.Check(provider, "Bill export (written and stored in chunks)", $"{Format.Seconds(exportTime)} for {Format.Count(written)} lines ({Format.MB(size)} xlsx)", "< 30 s", exportTime < TimeSpan.FromSeconds(30) && written >= billLines);
        report.Check(provider, "Bill export peak working set", $"{Format.MB(peak)} (before: {Format.MB(baseline)}, added {Format.MB(peak - baseline)})", "< 300 MB", peak < 300L * 1024 * 1024);
    }

    /// <summary>The slices' services exactly as the app registers them (their workers never start: there is no host), plus the export file store.</summary>
    private static ServiceProvider BuildServices(BenchmarkDatabase database)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddLocalization();
        services.AddSingleton(TimeProvider.System);
        database.AddDbContext(services);
        services.AddConsumption(configuration);
        services.AddBilling(configuration);
        services.Configure<ExportOptions>(_ => { });
        services.AddSingleton<ExportFileStore>();
        return services.BuildServiceProvider();
    }

    private static async Task<(List<Actor> Admins, Actor BigAdmin, long Stored)> SeedAsync(IDbContextFactory<AppDbContext> dbFactory, int rowCount, int partnerCount, int billLines, DateTime now)
    {
        var permissions = ConsumptionPermissions.All.Select(p => p.Name).ToHashSet();
        var orgs = Enumerable.Range(1, partnerCount + 1).Select(p => new Organization { Name = $"Consumption Bench Partner {p:D3}", Kind = OrganizationKind.SolutionProvider, CreatedUtc = now }).ToList();
        var admins = orgs.Select((o, p) => new Actor($"bench-admin-{p}", $"Admin {p:D3}", o.Id, o.Kind, new HashSet<string> { AppRoles.PartnerAdmin }, permissions)).ToList();

        // About 1,360 generated rows per customer over 18 months: enough customers for the rows, spread over the partners.
        var customerCount = rowCount / 1_200 + partnerCount;
        var earliest = ConsumptionWindow.EarliestMonth(now);
        var customers = new List<GeneratedCustomer>();
        await using (var db = await dbFactory.CreateSystemAsync())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Organizations.AddRange(orgs);
            for (var i = 0; i < customerCount; i++)
            {
                var p = i % partnerCount;
                var mode = i % 3 == 0 ? AssociationMode.Resale : AssociationMode.Consultative;
                var (customer, _) = CustomerFactory.Associated(orgs[p].Id, $"Bench Customer {i:D6}", CustomerFactory.CreditCodeFor(i + 1), mode, null, BeijingTime.StartOfDayUtc(earliest).AddDays(-1));
                db.Customers.Add(customer);
                customers.Add(new GeneratedCustomer(orgs[p].Id, customer.Id, mode, _ => null));
            }

            await db.SaveChangesAsync();
        }

        var yesterday = BeijingTime.DateOf(now).AddDays(-1);
        long stored;
        await using (var db = await dbFactory.CreateSystemAsync())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            stored = await ConsumptionBulkWriter.WriteAsync(db, ConsumptionGenerator.Generate(customers, earliest, yesterday).Take(rowCount), read =>
            {
                if (read % 500_000 == 0)
                {
                    Console.WriteLine($"  stored {Format.Count((int)read)} rows...");
                }
            });
        }

        // The big bill's partner: a million resources, each one line on the first day of last month.
        var big = orgs[^1];
        var lastMonth = ConsumptionWindow.CurrentMonth(now).AddMonths(-1);
        var bigCustomers = new List<Guid>();
        await using (var db = await dbFactory.CreateSystemAsync())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < 1_000; i++)
            {
                var (customer, _) = CustomerFactory.Associated(big.Id, $"Big Bill Customer {i:D4}", CustomerFactory.CreditCodeFor(customerCount + i + 1), AssociationMode.Resale, null, BeijingTime.StartOfDayUtc(earliest));
                db.Customers.Add(customer);
                bigCustomers.Add(customer.Id);
            }

            await db.SaveChangesAsync();
        }

        await using (var db = await dbFactory.CreateSystemAsync())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            stored += await ConsumptionBulkWriter.WriteAsync(db, Enumerable.Range(0, billLines).Select(i => new ConsumptionRecord
            {
                OrganizationId = big.Id,
                CustomerId = bigCustomers[i % bigCustomers.Count],
                Day = lastMonth,
                ProductCode = "ECS",
                ServiceType = "Compute",
                Region = "cn-north-4",
                ChargeMode = ChargeMode.OnDemand,
                ResourceId = $"ecs-{i:D7}",
                ListPriceFen = 1_000 + i % 5_000,
                DiscountFen = 0,
                AmountDueFen = 1_000 + i % 5_000,
                AssociationMode = AssociationMode.Resale,
            }));
        }

        var months = Enumerable.Range(0, ConsumptionWindow.Months).Select(earliest.AddMonths).ToList();
        foreach (var org in orgs)
        {
            await using var db = await dbFactory.CreateSystemAsync();
            await ConsumptionRollups.RebuildAsync(db, org.Id, months, now);
        }

        return (admins.Take(partnerCount).ToList(), admins[^1], stored);
    }
}
