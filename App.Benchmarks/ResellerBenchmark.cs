using System.Diagnostics;
using System.Globalization;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Features.Resellers;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// The reseller slice's figures: both review queues' first page (count + 20 rows, as the page asks) and the tab's waiting
/// count at 10^5–10^6 applications over 20 distributors (one holding half), on SQLite and PostgreSQL.
/// <c>dotnet run -c Release --project App.Benchmarks -- resellers [--applications N] [--distributors N] [--iterations N] [--postgres conn] [--skip-sqlite]</c>
/// </summary>
internal static class ResellerBenchmark
{
    public const string Mode = "resellers";

    private const int BatchSize = 20_000;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = SizedBenchmarkArgs.Parse(args, new Dictionary<string, int> { ["applications"] = 200_000, ["distributors"] = 20 });
        var applications = options["applications"];
        var distributors = options["distributors"];
        var iterations = options.Iterations;
        var warmup = options.Warmup;

        Console.WriteLine($"Reseller applications benchmark: {applications:N0} applications over {distributors} distributors, {iterations} timed queries after {warmup} warm-up");
        foreach (var create in options.Databases())
        {
            await using var database = await create();
            await using var services = BuildServices(database);
            await database.MigrateAsync(services);
            var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            var started = Stopwatch.GetTimestamp();
            var (vendor, big, typical) = await SeedAsync(factory, applications, distributors);
            await using (var db = await factory.CreateSystemAsync())
            {
                await database.AfterSeedAsync(db);
            }

            Console.WriteLine($"[{database.Provider}] seeded in {Format.Seconds(Stopwatch.GetElapsedTime(started))}");
            var queries = services.GetRequiredService<ResellerQueries>();
            PagedResult<ApplicationRow>? last = null;
            Print(database.Provider, "vendor queue (to review), first page", await Measure.RepeatAsync(warmup, iterations, async _ => last = await queries.ListAsync(vendor, ApplicationFilter.ToReview, 0, ResellerRules.PageSize)), last!);
            Print(database.Provider, "vendor, all applications, first page", await Measure.RepeatAsync(warmup, iterations, async _ => last = await queries.ListAsync(vendor, ApplicationFilter.All, 0, ResellerRules.PageSize)), last!);
            Print(database.Provider, "vendor, all applications, page 500", await Measure.RepeatAsync(warmup, iterations / 4, async _ => last = await queries.ListAsync(vendor, ApplicationFilter.All, 500 * ResellerRules.PageSize, ResellerRules.PageSize)), last!);
            Print(database.Provider, "distributor with half of all, queue first page", await Measure.RepeatAsync(warmup, iterations, async _ => last = await queries.ListAsync(big, ApplicationFilter.ToReview, 0, ResellerRules.PageSize)), last!);
            Print(database.Provider, "typical distributors (rotating), all, first page", await Measure.RepeatAsync(warmup, iterations, async i => last = await queries.ListAsync(typical[i % typical.Count], ApplicationFilter.All, 0, ResellerRules.PageSize)), last!);
            var count = 0;
            var countSamples = await Measure.RepeatAsync(warmup, iterations, async _ => count = await queries.WaitingCountAsync(big));
            Console.WriteLine($"[{database.Provider}] waiting count, distributor with half of all: p50 {Format.Ms(countSamples.Median)}, p95 {Format.Ms(countSamples.P95)}, max {Format.Ms(countSamples.Max)} ({count:N0})");
        }

        return 0;
    }

    private static void Print(string provider, string what, Samples samples, PagedResult<ApplicationRow> page) =>
        Console.WriteLine($"[{provider}] {what}: p50 {Format.Ms(samples.Median)}, p95 {Format.Ms(samples.P95)}, max {Format.Ms(samples.Max)} ({page.Items.Count} rows of {page.TotalCount:N0})");

    private static ServiceProvider BuildServices(BenchmarkDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddLocalization();
        services.AddSingleton(TimeProvider.System);
        database.AddDbContext(services);
        services.AddSingleton<ResellerQueries>();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Distributor 1 is named by half of the applications, the rest spread evenly; statuses in proportion to a busy program
    /// (most decided, a tenth waiting for the vendor, a tenth for the distributor).
    /// </summary>
    private static async Task<(Actor Vendor, Actor Big, List<Actor> Typical)> SeedAsync(IDbContextFactory<AppDbContext> factory, int count, int distributorCount)
    {
        var now = DateTime.UtcNow;
        var vendorOrg = new Organization { Name = "Bench Vendor", Kind = OrganizationKind.Vendor, CreatedUtc = now };
        var orgs = Enumerable.Range(1, distributorCount).Select(d => new Organization { Name = $"Bench Distributor {d:D3}", Kind = OrganizationKind.Distributor, CreatedUtc = now }).ToList();
        await using (var db = await factory.CreateSystemAsync())
        {
            db.Organizations.Add(vendorOrg);
            db.Organizations.AddRange(orgs);
            await db.SaveChangesAsync();
        }

        var start = now.AddDays(-365);
        for (var batch = 0; batch < count; batch += BatchSize)
        {
            await using var db = await factory.CreateSystemAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = batch; i < Math.Min(count, batch + BatchSize); i++)
            {
                var d = i % 2 == 0 ? 0 : 1 + (i / 2 % Math.Max(1, distributorCount - 1));
                var status = (i / 2 % 10) switch { 0 => ResellerApplicationStatus.VendorReview, 1 => ResellerApplicationStatus.DistributorReview, < 4 => ResellerApplicationStatus.Rejected, _ => ResellerApplicationStatus.Approved };
                var at = start.AddSeconds(i * (365.0 * 24 * 3600 / count));
                var code = CreditCode.WithCheckCharacter("91" + i.ToString("D15", CultureInfo.InvariantCulture));
                var application = new ResellerApplication
                {
                    OrganizationId = orgs[d].Id,
                    CompanyName = $"Bench Reseller {i:D7} Co.",
                    CreditCode = code,
                    HeldCreditCode = status == ResellerApplicationStatus.Rejected ? null : code,
                    ContactName = "Bench Contact",
                    ContactPhone = "+86 138 0000 0000",
                    ContactEmail = $"bench{i}@example.com",
                    Status = status,
                    RejectedAt = status == ResellerApplicationStatus.Rejected ? (i % 2 == 0 ? ResellerReviewLevel.Vendor : ResellerReviewLevel.Distributor) : null,
                    DecidedByName = status == ResellerApplicationStatus.VendorReview ? null : "Bench Reviewer",
                    DecidedAtUtc = status == ResellerApplicationStatus.VendorReview ? null : at.AddDays(1),
                    TokenHash = LinkTokens.Hash(LinkTokens.NewToken()),
                    SubmittedAtUtc = at,
                    RoundSubmittedAtUtc = at,
                    WaitingSinceUtc = at,
                    UpdatedAtUtc = at.AddDays(1),
                };
                application.Number = ResellerRules.NumberFor(application.Id);
                db.ResellerApplications.Add(application);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var review = new PermissionCatalog(ResellerPermissions.All);
        Actor ActorOf(Organization org, string role) => new("bench", "Bench Reviewer", org.Id, org.Kind, new HashSet<string> { role }, review.DefaultsFor(role).ToHashSet());
        return (ActorOf(vendorOrg, AppRoles.VendorOperator), ActorOf(orgs[0], AppRoles.DistributorReviewer), orgs.Skip(1).Select(o => ActorOf(o, AppRoles.DistributorReviewer)).ToList());
    }
}
