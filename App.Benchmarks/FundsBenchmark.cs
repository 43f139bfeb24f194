using System.Diagnostics;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Funds;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// The funds slice's figures: the ledger grid's first page (count + 10 newest lines, as the page asks) at 10^6 ledger
/// lines over 50 partners, for a partner holding half of them and for typical ones, on SQLite and PostgreSQL.
/// <c>dotnet run -c Release --project App.Benchmarks -- funds [--lines N] [--partners N] [--iterations N] [--postgres conn] [--skip-sqlite]</c>
/// </summary>
internal static class FundsBenchmark
{
    public const string Mode = "funds";

    private const int CustomersPerPartner = 40;
    private const int BatchSize = 20_000;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = SizedBenchmarkArgs.Parse(args, new Dictionary<string, int> { ["lines"] = 1_000_000, ["partners"] = 50 });
        var lines = options["lines"];
        var partners = options["partners"];
        var iterations = options.Iterations;
        var warmup = options.Warmup;

        Console.WriteLine($"Funds ledger benchmark: {lines:N0} ledger lines over {partners} partners ({CustomersPerPartner} resale customers each), {iterations} timed first pages after {warmup} warm-up");
        foreach (var create in options.Databases())
        {
            await using var database = await create();
            await using var services = BuildServices(database);
            await database.MigrateAsync(services);
            var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            var started = Stopwatch.GetTimestamp();
            var (big, typical) = await SeedAsync(factory, lines, partners);
            await using (var db = await factory.CreateSystemAsync())
            {
                await database.AfterSeedAsync(db);
            }

            Console.WriteLine($"[{database.Provider}] seeded in {Format.Seconds(Stopwatch.GetElapsedTime(started))}");
            var queries = services.GetRequiredService<FundsQueries>();
            var firstPage = new LedgerQuery();
            LedgerPage? last = null;
            var bigSamples = await Measure.RepeatAsync(warmup, iterations, async _ => last = await queries.ListLedgerAsync(big, firstPage));
            Print(database.Provider, "first page, partner with half of all lines", bigSamples, last!);
            var typicalSamples = await Measure.RepeatAsync(warmup, iterations, async i => last = await queries.ListLedgerAsync(typical[i % typical.Count], firstPage));
            Print(database.Provider, "first page, typical partners (rotating)", typicalSamples, last!);
            var customer = (await queries.SearchResaleCustomersAsync(big, null))[0].Id;
            var filtered = new LedgerQuery { View = LedgerView.All, Kind = LedgerEntryKind.Allocate, CustomerId = customer };
            var filteredSamples = await Measure.RepeatAsync(warmup, iterations, async _ => last = await queries.ListLedgerAsync(big, filtered));
            Print(database.Provider, "first page, big partner, one customer + kind filter", filteredSamples, last!);
        }

        return 0;
    }

    private static void Print(string provider, string what, Samples samples, LedgerPage page) =>
        Console.WriteLine($"[{provider}] {what}: p50 {Format.Ms(samples.Median)}, p95 {Format.Ms(samples.P95)}, max {Format.Ms(samples.Max)} ({page.Items.Count} rows of {page.TotalCount:N0})");

    private static ServiceProvider BuildServices(BenchmarkDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddLocalization();
        services.AddSingleton(TimeProvider.System);
        database.AddDbContext(services);
        services.AddSingleton<FundsQueries>();
        return services.BuildServiceProvider();
    }

    /// <summary>Partner 1 gets half of the lines; the rest spread evenly. Lines are allocate/reclaim pairs and top-ups, newest last.</summary>
    private static async Task<(Actor Big, List<Actor> Typical)> SeedAsync(IDbContextFactory<AppDbContext> factory, int lines, int partnerCount)
    {
        var now = DateTime.UtcNow;
        var permissions = new PermissionCatalog(FundsPermissions.All).DefaultsFor(AppRoles.PartnerAdmin).ToHashSet();
        var orgs = Enumerable.Range(1, partnerCount).Select(p => new Organization { Name = $"Funds Bench {p:D3}", Kind = OrganizationKind.SolutionProvider, CreatedUtc = now }).ToList();
        var customers = new List<List<Guid>>();
        await using (var db = await factory.CreateSystemAsync())
        {
            db.Organizations.AddRange(orgs);
            await db.SaveChangesAsync();
            var number = 0L;
            foreach (var org in orgs)
            {
                var ids = new List<Guid>();
                for (var c = 0; c < CustomersPerPartner; c++)
                {
                    var (customer, _) = CustomerFactory.Associated(org.Id, $"Bench Customer {++number:D6}", CustomerFactory.CreditCodeFor(number), AssociationMode.Resale, null, now.AddYears(-1));
                    db.Customers.Add(customer);
                    ids.Add(customer.Id);
                }

                customers.Add(ids);
            }

            await db.SaveChangesAsync();
        }

        var random = new Random(20261122);
        var start = now.AddDays(-365);
        for (var batch = 0; batch < lines; batch += BatchSize)
        {
            await using var db = await factory.CreateSystemAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = batch; i < Math.Min(lines, batch + BatchSize); i++)
            {
                var p = i % 2 == 0 ? 0 : 1 + (i / 2 % Math.Max(1, partnerCount - 1));
                var customer = customers[p][random.Next(CustomersPerPartner)];
                var kind = (i / 2 % 10) switch { 0 => LedgerEntryKind.TopUp, < 7 => LedgerEntryKind.Allocate, _ => LedgerEntryKind.Reclaim };
                var account = kind == LedgerEntryKind.TopUp || random.Next(2) == 0 ? LedgerAccount.PartnerCash : LedgerAccount.Customer;
                db.Set<LedgerEntry>().Add(new LedgerEntry
                {
                    OrganizationId = orgs[p].Id,
                    Account = account,
                    CustomerId = kind == LedgerEntryKind.TopUp ? null : customer,
                    Kind = kind,
                    AmountFen = random.Next(1, 1_000_000),
                    BalanceAfterFen = random.Next(0, 100_000_000),
                    TransferId = Guid.NewGuid(),
                    ActorUserId = "bench",
                    ActorName = "Bench Admin",
                    AtUtc = start.AddSeconds(i * (365.0 * 24 * 3600 / lines)),
                });
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Actor ActorOf(Organization org) => new("bench", "Bench Admin", org.Id, OrganizationKind.SolutionProvider, new HashSet<string> { AppRoles.PartnerAdmin }, permissions);
        return (ActorOf(orgs[0]), orgs.Skip(1).Select(ActorOf).ToList());
    }
}
