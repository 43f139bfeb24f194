using System.Diagnostics;
using System.Runtime.InteropServices;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// <c>customers</c>: 100,000 customers over 50 partners (two account managers each, about 60% resale, one assignment
/// period per customer) and the customer list's first page through <see cref="CustomerQueries.ListAsync"/> (count +
/// page): a partner admin filtered by mode and sorted by association time, the admin's unfiltered list, and an
/// account manager's own view. Same options as the main command (<c>--rows</c>, <c>--partners</c>, <c>--iterations</c>,
/// <c>--postgres</c>, <c>--skip-sqlite</c>, <c>--out</c>, <c>--keep</c>).
/// </summary>
internal static class CustomerBenchmark
{
    public const string Mode = "customers";
    private const double PageP95TargetMs = 50;
    private const int BatchSize = 5_000;

    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken ct = default)
    {
        var report = new Report();
        report.Context($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}");
        report.Context($"Data: {Format.Count(options.Rows)} customers over {options.Partners} partners; {options.Warmup} warm-up + {options.Iterations} timed calls per measure");
        report.Context($"Load average at start: {LoadAverage()}");
        if (!options.SkipSqlite)
        {
            await using var sqlite = SqliteBenchmarkDatabase.CreateTemporary();
            sqlite.Keep = options.Keep;
            await RunOnAsync(sqlite, options, report, ct);
        }

        if (options.Postgres is { } postgres)
        {
            await using var database = await PostgresBenchmarkDatabase.RecreateAsync(postgres, ct);
            database.Keep = options.Keep;
            await RunOnAsync(database, options, report, ct);
        }

        report.Context($"Load average at end: {LoadAverage()}");
        report.WriteConsole(Console.Out);
        if (options.Out is { } path)
        {
            await File.WriteAllTextAsync(path, report.ToMarkdown(), ct);
            Console.WriteLine($"Markdown written to {Path.GetFullPath(path)}");
        }

        return report.AnyMiss ? 1 : 0;
    }

    private static async Task RunOnAsync(BenchmarkDatabase database, BenchmarkOptions options, Report report, CancellationToken ct)
    {
        var provider = database.Provider;
        Console.WriteLine($"== {provider} (customers)");
        var capture = new QueryPlanCapture(database.ExplainAsync);
        await using var services = Build(database, capture);
        await database.MigrateAsync(services, ct);
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Console.WriteLine($"  seeding {Format.Count(options.Rows)} customers...");
        var (seeded, seedTime) = await Measure.OnceAsync(() => SeedAsync(dbFactory, options.Rows, options.Partners, ct));
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            report.Context($"{provider}: {await database.ServerVersionAsync(db, ct)}");
            await database.AfterSeedAsync(db, ct);
        }

        report.Info(provider, "Customer seed (not a target)", $"{Format.Seconds(seedTime)}: {Format.Count(options.Rows)} customers and as many assignment periods");
        var queries = services.GetRequiredService<CustomerQueries>();
        var resaleByAssociation = new CustomerQuery { Mode = AssociationMode.Resale, Status = CustomerStatus.Associated, Sort = CustomerSort.AssociatedAt, Descending = true };
        var associated = new CustomerQuery { Status = CustomerStatus.Associated };

        await MeasureAsync("Customer list first page, partner admin, resale only, newest association first", i => seeded.Admins[i % seeded.Admins.Count], resaleByAssociation);
        await MeasureAsync("Customer list first page, partner admin, all associated", i => seeded.Admins[i % seeded.Admins.Count], associated);
        await MeasureAsync("Customer list first page, account manager (own customers, R3)", i => seeded.Managers[i % seeded.Managers.Count], associated);
        await MeasureAsync("Customer list first page, partner admin, low-balance filter", i => seeded.Admins[i % seeded.Admins.Count], associated with { BalanceState = CustomerBalanceState.Low });

        foreach (var (actor, name, query) in new[] { (seeded.Admins[0], "partner admin, resale", resaleByAssociation), (seeded.Managers[0], "account manager", associated) })
        {
            var captured = await capture.CaptureAsync(() => queries.ListAsync(actor, query, ct));
            for (var i = 0; i < captured.Count; i++)
            {
                report.Appendix($"{provider}: customer list as {name}, statement {i + 1} of {captured.Count}", $"{captured[i].Sql}\n\n-- plan\n{captured[i].Plan}");
            }
        }

        async Task MeasureAsync(string measure, Func<int, Actor> actorFor, CustomerQuery query)
        {
            CustomerPage? last = null;
            var samples = await Measure.RepeatAsync(options.Warmup, options.Iterations, async i => last = await queries.ListAsync(actorFor(i), query, ct));
            if (last is null || last.Items.Count == 0 || !last.Items.Select(r => r.AssociatedAtUtc).SequenceEqual(last.Items.Select(r => r.AssociatedAtUtc).OrderDescending()))
            {
                throw new InvalidOperationException($"{measure}: the first page came back empty or out of order.");
            }

            report.Check(provider, measure,
                $"median {Format.Ms(samples.Median)}, p95 {Format.Ms(samples.P95)}, max {Format.Ms(samples.Max)} ({last.Items.Count} rows of {Format.Count(last.TotalCount)})",
                $"p95 < {Format.Ms(PageP95TargetMs)}", samples.P95 < PageP95TargetMs);
        }
    }

    private static ServiceProvider Build(BenchmarkDatabase database, params IInterceptor[] interceptors)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddSingleton(TimeProvider.System);
        database.AddDbContext(services, interceptors);
        services.AddSingleton<CustomerQueries>();
        return services.BuildServiceProvider();
    }

    private sealed record Seeded(IReadOnlyList<Actor> Admins, IReadOnlyList<Actor> Managers);

    private static async Task<Seeded> SeedAsync(IDbContextFactory<AppDbContext> dbFactory, int rows, int partnerCount, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var random = new Random(20261122);
        var partners = new List<(Organization Org, AppUser Admin, AppUser[] Managers)>();
        for (var p = 0; p < partnerCount; p++)
        {
            var org = new Organization { Name = $"Customer Bench Partner {p + 1:D3}", Kind = OrganizationKind.SolutionProvider, CreatedUtc = now };
            partners.Add((org, NewUser(org.Id, $"admin{p + 1}@customers.bench", $"Admin {p + 1:D3}"),
                [NewUser(org.Id, $"am1.{p + 1}@customers.bench", $"AM 1 of {p + 1:D3}"), NewUser(org.Id, $"am2.{p + 1}@customers.bench", $"AM 2 of {p + 1:D3}")]));
        }

        await using (var db = await dbFactory.CreateSystemAsync(ct))
        {
            db.Organizations.AddRange(partners.Select(p => p.Org));
            await db.SaveChangesAsync(ct);
            db.Users.AddRange(partners.SelectMany(p => p.Managers.Prepend(p.Admin)));
            await db.SaveChangesAsync(ct);
        }

        for (var batchStart = 0; batchStart < rows; batchStart += BatchSize)
        {
            await using var db = await dbFactory.CreateSystemAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            for (var i = batchStart; i < Math.Min(rows, batchStart + BatchSize); i++)
            {
                var partner = partners[i % partnerCount];
                var manager = partner.Managers[i / partnerCount % partner.Managers.Length];
                var mode = random.NextDouble() < 0.6 ? AssociationMode.Resale : AssociationMode.Consultative;
                var (customer, assignment) = CustomerFactory.Associated(partner.Org.Id, $"基准测试客户{i:D6}有限公司", CustomerFactory.CreditCodeFor(50_000_000 + i), mode,
                    manager.Id, now.AddMinutes(-random.Next(0, 3 * 365 * 24 * 60)));
                customer.ContactName = "张伟";
                customer.ContactPhone = $"138{i % 100_000_000:D8}";
                customer.ContactEmail = $"contact{i}@bench.example.cn";
                if (random.NextDouble() < 0.02)
                {
                    customer.Status = CustomerStatus.Unbound;
                    customer.UnboundAtUtc = now;
                    assignment!.ToUtc = now;
                }

                if (mode == AssociationMode.Resale)
                {
                    customer.LowBalanceThresholdFen = 1_000_00;
                    customer.BalanceFen = random.Next(0, 50_000) * 100L;
                }

                db.Customers.Add(customer);
                db.CustomerAssignments.Add(assignment!);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        Actor ActorOf(AppUser user, Organization org, string role) =>
            new(user.Id, user.DisplayName, org.Id, org.Kind, new HashSet<string> { role }, new HashSet<string> { CustomerPermissions.View, CustomerPermissions.Reveal, CustomerPermissions.Export });
        return new Seeded(
            partners.Select(p => ActorOf(p.Admin, p.Org, AppRoles.PartnerAdmin)).ToList(),
            partners.Select(p => ActorOf(p.Managers[0], p.Org, AppRoles.AccountManager)).ToList());
    }

    private static AppUser NewUser(Guid organizationId, string email, string name) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        DisplayName = name,
        OrganizationId = organizationId,
        SecurityStamp = Guid.NewGuid().ToString(),
    };

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
