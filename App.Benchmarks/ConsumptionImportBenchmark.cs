using System.Globalization;
using System.Text;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Consumption.Import;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// The consumption import's figure (issue 7, section 9): a 1,000,000-row CSV made by <see cref="ConsumptionGenerator"/>
/// for the customers of 50 partners over 18 months, uploaded, validated and imported end to end through
/// <see cref="ConsumptionImports"/> and <see cref="ConsumptionImportRunner"/> (attribution and rollups included). Target &lt; 60 s.
/// Usage: dotnet run -c Release --project App.Benchmarks -- consumption-import [--postgres &lt;conn&gt;] [--skip-sqlite] [--rows n] [--partners n] [--out file.md]
/// </summary>
internal static class ConsumptionImportBenchmark
{
    public const string Mode = "consumption-import";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? postgres = null, output = null;
        var skipSqlite = false;
        int rows = 1_000_000, partners = 50;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--postgres": postgres = args[++i]; break;
                case "--skip-sqlite": skipSqlite = true; break;
                case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--partners": partners = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": output = args[++i]; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        var report = new Report();
        report.Context($"Consumption import: a {Format.Count(rows)}-row CSV over {partners} partners and 18 months; {Environment.ProcessorCount} cores");
        if (!skipSqlite)
        {
            await using var sqlite = SqliteBenchmarkDatabase.CreateTemporary();
            await RunOnAsync(sqlite, report, rows, partners);
        }

        if (postgres is not null)
        {
            await using var database = await PostgresBenchmarkDatabase.RecreateAsync(postgres);
            await RunOnAsync(database, report, rows, partners);
        }

        report.WriteConsole(Console.Out);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report.ToMarkdown());
        }

        return report.AnyMiss ? 1 : 0;
    }

    private static async Task RunOnAsync(BenchmarkDatabase database, Report report, int rowCount, int partnerCount)
    {
        var provider = database.Provider;
        Console.WriteLine($"== {provider} (consumption import)");
        await using var services = BenchmarkServices.Build(database);
        await database.MigrateAsync(services);
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var now = DateTime.UtcNow;

        var ((vendor, customers), seedTime) = await Measure.OnceAsync(() => SeedAsync(dbFactory, partnerCount, now));
        var csvPath = Path.Combine(Path.GetTempPath(), $"consumption-{Guid.NewGuid():N}.csv");
        var (written, csvTime) = await Measure.OnceAsync(() => Task.FromResult(WriteCsv(csvPath, customers, rowCount, now)));
        var size = new FileInfo(csvPath).Length;
        report.Info(provider, "Seed and CSV (not a target)", $"{Format.Count(customers.Count)} customers in {Format.Seconds(seedTime)}; {Format.Count(written)} rows, {Format.MB(size)} CSV in {Format.Seconds(csvTime)}");

        var options = Options.Create(new ConsumptionImportOptions { MaxFileBytes = 1L << 31 });
        var imports = new ConsumptionImports(dbFactory, TimeProvider.System, options);
        // The runner's own log line splits the import's time into reading and checking, writing, and rollups.
        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        var runner = new ConsumptionImportRunner(dbFactory, TimeProvider.System, options, logging.CreateLogger<ConsumptionImportRunner>());
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Guid id;
            await using (var file = File.OpenRead(csvPath))
            {
                id = await imports.UploadAsync(vendor, "consumption.csv", file, size);
            }

            var upload = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            await runner.RunOnceAsync();
            var validate = System.Diagnostics.Stopwatch.GetElapsedTime(started) - upload;
            var validated = await imports.GetAsync(vendor, id);
            await imports.ConfirmAsync(vendor, id, ConsumptionImportMode.AllOrNothing);
            await runner.RunOnceAsync();
            var total = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            var done = await imports.GetAsync(vendor, id);
            report.Info(provider, "Import stages (upload / validate / import with rollups)", $"{Format.Seconds(upload)} / {Format.Seconds(validate)} / {Format.Seconds(total - upload - validate)}; {Format.Count(validated.ValidRows)} valid, {Format.Count(validated.ErrorRows)} errors");
            report.Check(provider, "Import of a 1,000,000-row CSV (upload, validate, import, rollups)", $"{Format.Seconds(total)} for {Format.Count(done.InsertedRows)} rows inserted ({done.Status})", "< 60 s",
                total < TimeSpan.FromSeconds(60) && done.Status == ConsumptionImportStatus.Completed && done.InsertedRows == written);

            // Idempotency at scale: the same file again inserts nothing.
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using (var file = File.OpenRead(csvPath))
            {
                id = await imports.UploadAsync(vendor, "consumption-again.csv", file, size);
            }

            await runner.RunOnceAsync();
            await imports.ConfirmAsync(vendor, id, ConsumptionImportMode.AllOrNothing);
            await runner.RunOnceAsync();
            var again = await imports.GetAsync(vendor, id);
            report.Info(provider, "Re-import of the same file (not a target)", $"{Format.Seconds(System.Diagnostics.Stopwatch.GetElapsedTime(started))}: {Format.Count(again.InsertedRows)} inserted, {Format.Count(again.SkippedRows)} skipped");
        }
        finally
        {
            File.Delete(csvPath);
        }
    }

    private static long WriteCsv(string path, IReadOnlyList<(GeneratedCustomer Customer, string CreditCode)> customers, int rowCount, DateTime now)
    {
        var codes = customers.ToDictionary(c => c.Customer.CustomerId, c => c.CreditCode);
        var from = ConsumptionWindow.EarliestMonth(now);
        var to = Core.Time.BeijingTime.DateOf(now).AddDays(-1);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("CustomerCreditCode,Day,ProductCode,ServiceType,Region,ChargeMode,ResourceId,SubUserAccount,ListPrice,Discount,AmountDue\n");
        long written = 0;
        foreach (var r in ConsumptionGenerator.Generate([.. customers.Select(c => c.Customer)], from, to).Take(rowCount))
        {
            writer.Write(codes[r.CustomerId]);
            writer.Write(',');
            writer.Write(r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(r.ProductCode);
            writer.Write(',');
            writer.Write(r.ServiceType);
            writer.Write(',');
            writer.Write(r.Region);
            writer.Write(',');
            writer.Write(r.ChargeMode.ToString());
            writer.Write(',');
            writer.Write(r.ResourceId);
            writer.Write(',');
            writer.Write(r.SubUserAccount);
            writer.Write(',');
            writer.Write(Yuan(r.ListPriceFen));
            writer.Write(',');
            writer.Write(Yuan(r.DiscountFen));
            writer.Write(',');
            writer.Write(Yuan(r.AmountDueFen));
            writer.Write('\n');
            written++;
        }

        return written;
    }

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>50 partners, each with an account manager and 16 associated customers (about 1,400 rows each over 18 months), assigned since before the window.</summary>
    private static async Task<(Actor Vendor, List<(GeneratedCustomer, string)> Customers)> SeedAsync(IDbContextFactory<AppDbContext> dbFactory, int partnerCount, DateTime now)
    {
        var vendorOrg = new Organization { Name = "Import Bench Vendor", Kind = OrganizationKind.Vendor, CreatedUtc = now };
        var vendor = new Actor("bench-import-vendor", "Bench Operator", vendorOrg.Id, OrganizationKind.Vendor, new HashSet<string> { AppRoles.VendorOperator }, new HashSet<string> { ConsumptionPermissions.Import });
        var customers = new List<(GeneratedCustomer, string)>();
        var since = now.AddMonths(-20);
        await using var db = await dbFactory.CreateSystemAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Organizations.Add(vendorOrg);
        var number = 0;
        for (var p = 0; p < partnerCount; p++)
        {
            var org = new Organization { Name = $"Import Bench Partner {p:D3}", Kind = OrganizationKind.SolutionProvider, CreatedUtc = now };
            var manager = new AppUser { UserName = $"import-am-{p}", NormalizedUserName = $"IMPORT-AM-{p}", Email = $"import-am-{p}@bench", DisplayName = $"AM {p:D3}", OrganizationId = org.Id };
            db.Organizations.Add(org);
            db.Users.Add(manager);
            for (var c = 0; c < 16; c++)
            {
                var code = CustomerFactory.CreditCodeFor(5_000_000 + ++number);
                var (customer, assignment) = CustomerFactory.Associated(org.Id, $"Import Bench Customer {number:D5}", code, c % 3 == 0 ? AssociationMode.Consultative : AssociationMode.Resale, manager.Id, since);
                db.Customers.Add(customer);
                db.CustomerAssignments.Add(assignment!);
                var managerId = manager.Id;
                customers.Add((new GeneratedCustomer(org.Id, customer.Id, customer.Mode, _ => managerId), customer.CreditCode));
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        return (vendor, customers);
    }
}
