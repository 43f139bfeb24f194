using System.Diagnostics;
using System.Globalization;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Vouchers;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// The voucher console's figures (issue 6, section 7): 100,000 customers and 1,000,000 vouchers (and as many log rows) over 50
/// partners; the grid's first page of a status tab sorted by expiry; issuing to 10 customers; 200 concurrent issue attempts on
/// one quota; one expiry pass over 100,000 due vouchers; the operation-log export of 1,000,000 rows.
/// Usage: dotnet run -c Release --project App.Benchmarks -- vouchers [--postgres &lt;conn&gt;] [--skip-sqlite] [--customers n] [--vouchers n] [--out file.md]
/// </summary>
internal static class VoucherBenchmark
{
    public const string Mode = "vouchers";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? postgres = null, output = null;
        var skipSqlite = false;
        int customers = 100_000, vouchers = 1_000_000, partners = 50;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--postgres": postgres = args[++i]; break;
                case "--skip-sqlite": skipSqlite = true; break;
                case "--customers": customers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--vouchers": vouchers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--partners": partners = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": output = args[++i]; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        var report = new Report();
        report.Context($"Vouchers: {Format.Count(customers)} customers, {Format.Count(vouchers)} vouchers and as many log rows over {partners} partners; {Environment.ProcessorCount} cores");
        if (!skipSqlite)
        {
            await using var sqlite = SqliteBenchmarkDatabase.CreateTemporary();
            await RunOnAsync(sqlite, report, customers, vouchers, partners);
        }

        if (postgres is not null)
        {
            await using var database = await PostgresBenchmarkDatabase.RecreateAsync(postgres);
            await RunOnAsync(database, report, customers, vouchers, partners);
        }

        report.WriteConsole(Console.Out);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report.ToMarkdown());
        }

        return report.AnyMiss ? 1 : 0;
    }

    private static async Task RunOnAsync(BenchmarkDatabase database, Report report, int customerCount, int voucherCount, int partnerCount)
    {
        var provider = database.Provider;
        Console.WriteLine($"== {provider} (vouchers)");
        await using var services = BenchmarkServices.Build(database);
        await database.MigrateAsync(services);
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var now = DateTime.UtcNow;

        var (seed, seedTime) = await Measure.OnceAsync(() => SeedAsync(dbFactory, customerCount, voucherCount, partnerCount, now));
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await database.AfterSeedAsync(db);
        }

        report.Info(provider, "Voucher seed (not a target)", $"{Format.Seconds(seedTime)}: {Format.Count(customerCount)} customers, {Format.Count(voucherCount)} vouchers, {Format.Count(voucherCount)} log rows, {Format.Count(seed.Due)} due");

        // 1. The grid's first page of the Usable tab, sorted by expiry (with its total), and the tab counts, per partner admin.
        var queries = services.GetRequiredService<VoucherQueries>();
        var page = await Measure.RepeatAsync(20, 200, i => queries.PageAsync(seed.Admins[i % seed.Admins.Count], new VoucherQuery { Status = VoucherDisplayStatus.Usable }, 0, 10));
        report.Check(provider, "Voucher grid first page (Usable tab, by expiry)", $"median {Format.Ms(page.Median)}, p95 {Format.Ms(page.P95)}", "p95 < 50 ms", page.P95 < 50);
        var counts = await Measure.RepeatAsync(10, 100, i => queries.CountsAsync(seed.Admins[i % seed.Admins.Count], new VoucherQuery()));
        report.Info(provider, "Voucher tab counts (with the page, not a target)", $"median {Format.Ms(counts.Median)}, p95 {Format.Ms(counts.P95)}");

        // 2. Issuing to 10 customers.
        var issuing = services.GetRequiredService<VoucherIssuing>();
        var issue = await Measure.RepeatAsync(10, 200, i =>
        {
            var p = i % seed.Admins.Count;
            return issuing.IssueAsync(seed.Admins[p], Input(seed.Quotas[p], 10m, seed.Customers[p].Skip(i / seed.Admins.Count % 100 * 10).Take(10), now));
        });
        report.Check(provider, "Issue to 10 customers", $"median {Format.Ms(issue.Median)}, p95 {Format.Ms(issue.P95)}", "p95 < 100 ms", issue.P95 < 100);

        // 3. 200 concurrent attempts on one quota that covers 50 of them.
        var quotas = services.GetRequiredService<VoucherQuotas>();
        var race = await quotas.GrantAsync(seed.Vendor, new GrantQuotaInput
        {
            PartnerOrganizationId = seed.Admins[0].OrganizationId, Kind = VoucherKind.Voucher, Amount = 5_000m,
            ValidFrom = DateOnly.FromDateTime(now.AddHours(8)), ValidTo = DateOnly.FromDateTime(now.AddHours(8)).AddMonths(6), ServiceTypes = ["Compute"],
        });
        var started = Stopwatch.GetTimestamp();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            try
            {
                await issuing.IssueAsync(seed.Admins[0], Input(race, 100m, seed.Customers[0].Skip(i % 100).Take(1), now));
                return true;
            }
            catch (Core.Errors.BusinessException error) when (error.Code == VoucherErrors.QuotaInsufficient)
            {
                return false;
            }
        })));
        var raceTime = Stopwatch.GetElapsedTime(started);
        long remaining;
        int raceVouchers;
        await using (var db = await dbFactory.CreateSystemAsync())
        {
            remaining = await db.VoucherQuotas.Where(q => q.Id == race).Select(q => q.RemainingFen).SingleAsync();
            raceVouchers = await db.Vouchers.CountAsync(v => v.QuotaId == race);
        }

        var successes = attempts.Count(a => a);
        report.Check(provider, "200 concurrent issues on one quota (capacity 50)", $"{successes} succeeded, {raceVouchers} vouchers, remaining {Format.Count((int)remaining)} fen, {Format.Seconds(raceTime)}",
            "exactly capacity, 0 overspent", successes == 50 && raceVouchers == 50 && remaining == 0);

        // 4. One expiry pass.
        var expiry = services.GetRequiredService<VoucherExpiry>();
        var (expired, expiryTime) = await Measure.OnceAsync(() => expiry.RunOnceAsync());
        report.Check(provider, "Expiry pass", $"{Format.Seconds(expiryTime)} for {Format.Count(expired)} vouchers (+ as many log rows)", "< 5 s, all due expired",
            expiryTime < TimeSpan.FromSeconds(5) && expired == seed.Due);

        // 5. The operation-log export of the seeded 1,000,000 issue rows, as the vendor (every partner's log).
        var exporter = new VoucherLogExporter(services.GetRequiredService<VoucherLogQueries>(), services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>(), TimeProvider.System);
        GC.Collect();
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
        var file = Path.Combine(Path.GetTempPath(), $"voucher-log-{Guid.NewGuid():N}.xlsx");
        int rows;
        TimeSpan exportTime;
        await using (var stream = File.Create(file))
        {
            (rows, exportTime) = await Measure.OnceAsync(() => exporter.ExportAsync(seed.Vendor, new OperationLogQuery { Kind = VoucherOperationKind.Issue }, stream));
        }

        await sampling.CancelAsync();
        await sampler;
        var size = new FileInfo(file).Length;
        File.Delete(file);
        report.Check(provider, "Operation-log export", $"{Format.Seconds(exportTime)} for {Format.Count(rows)} rows ({Format.MB(size)} xlsx)", "< 20 s", exportTime < TimeSpan.FromSeconds(20) && rows >= voucherCount);
        report.Check(provider, "Operation-log export peak working set", $"{Format.MB(peak)} (before: {Format.MB(baseline)}, added {Format.MB(peak - baseline)})", "< 300 MB", peak < 300L * 1024 * 1024);
    }

    private static IssueVouchersInput Input(Guid quota, decimal face, IEnumerable<Guid> customers, DateTime now) => new()
    {
        QuotaId = quota,
        FaceValue = face,
        ValidFrom = DateOnly.FromDateTime(now.AddHours(8)),
        ValidTo = DateOnly.FromDateTime(now.AddHours(8)).AddMonths(3),
        ServiceTypes = ["Compute"],
        CustomerIds = customers.ToList(),
    };

    private sealed record Seeded(Actor Vendor, List<Actor> Admins, List<Guid> Quotas, List<List<Guid>> Customers, int Due);

    private static async Task<Seeded> SeedAsync(IDbContextFactory<AppDbContext> dbFactory, int customerCount, int voucherCount, int partnerCount, DateTime now)
    {
        var permissions = VoucherPermissions.All.Select(p => p.Name).ToHashSet();
        var vendorOrg = new Organization { Name = "Voucher Bench Vendor", Kind = OrganizationKind.Vendor, CreatedUtc = now };
        var vendor = new Actor("bench-vendor", "Bench Operator", vendorOrg.Id, OrganizationKind.Vendor, new HashSet<string> { AppRoles.VendorOperator }, permissions);
        var orgs = Enumerable.Range(1, partnerCount).Select(p => new Organization { Name = $"Voucher Bench Partner {p:D3}", Kind = OrganizationKind.SolutionProvider, CreatedUtc = now }).ToList();
        var admins = orgs.Select((o, p) => new Actor($"bench-admin-{p}", $"Admin {p:D3}", o.Id, o.Kind, new HashSet<string> { AppRoles.PartnerAdmin }, permissions)).ToList();
        var from = now.AddDays(-120);
        var to = now.AddDays(365);
        var quotas = orgs.Select(o => new VoucherQuota
        {
            OrganizationId = o.Id, Kind = VoucherKind.Voucher, GrantedFen = 10_000_000_000, IssuedFen = 0, RemainingFen = 10_000_000_000,
            ValidFromUtc = from, ValidToUtc = to, ServiceTypes = "Compute;Storage", Products = "", GrantedByUserId = vendor.UserId, GrantedByName = vendor.DisplayName, CreatedAtUtc = from,
        }).ToList();
        await using (var db = await dbFactory.CreateSystemAsync())
        {
            db.Organizations.Add(vendorOrg);
            db.Organizations.AddRange(orgs);
            db.VoucherQuotas.AddRange(quotas);
            await db.SaveChangesAsync();
        }

        var customers = orgs.Select(_ => new List<Guid>()).ToList();
        const int Batch = 10_000;
        for (var start = 0; start < customerCount; start += Batch)
        {
            await using var db = await dbFactory.CreateSystemAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(customerCount, start + Batch); i++)
            {
                var p = i % partnerCount;
                var (customer, _) = CustomerFactory.Associated(orgs[p].Id, $"Bench Customer {i:D6}", CustomerFactory.CreditCodeFor(i + 1), i % 3 == 0 ? AssociationMode.Resale : AssociationMode.Consultative, null, from);
                customers[p].Add(customer.Id);
                db.Customers.Add(customer);
            }

            await db.SaveChangesAsync();
        }

        // Statuses: 10% not yet active, 50% usable, 10% due for expiry (usable, validity ended), 10% used, 10% expired, 10% recalled.
        var due = 0;
        for (var start = 0; start < voucherCount; start += Batch)
        {
            await using var db = await dbFactory.CreateSystemAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(voucherCount, start + Batch); i++)
            {
                var p = i % partnerCount;
                var slot = i / partnerCount % 10;
                var status = slot switch { 7 => VoucherStatus.Used, 8 => VoucherStatus.Expired, 9 => VoucherStatus.Recalled, _ => VoucherStatus.Usable };
                var validFrom = slot == 0 ? now.AddDays(10) : from.AddDays(i % 60);
                var validTo = slot is 6 or 8 ? now.AddDays(-1 - i % 30) : now.AddDays(30 + i % 300);
                due += slot == 6 ? 1 : 0;
                var customer = customers[p][i / partnerCount % customers[p].Count];
                var voucher = new Voucher
                {
                    OrganizationId = orgs[p].Id, QuotaId = quotas[p].Id, IssueId = Guid.Empty, CustomerId = customer, Kind = VoucherKind.Voucher, Status = status,
                    FaceValueFen = 10_000, BalanceFen = status == VoucherStatus.Usable ? 10_000 : 0, ValidFromUtc = validFrom, ValidToUtc = validTo, ServiceTypes = "Compute",
                    Remark = "bench", IssuedAtUtc = from.AddMinutes(i % 100_000), IssuedByName = admins[p].DisplayName, ClosedAtUtc = status == VoucherStatus.Usable ? null : now.AddDays(-1),
                };
                db.Vouchers.Add(voucher);
                db.VoucherOperations.Add(new VoucherOperation
                {
                    OrganizationId = orgs[p].Id, Kind = VoucherOperationKind.Issue, QuotaId = quotas[p].Id, VoucherId = voucher.Id, CustomerId = customer,
                    AmountFen = 10_000, OperatorUserId = admins[p].UserId, OperatorName = admins[p].DisplayName, AtUtc = voucher.IssuedAtUtc,
                });
            }

            await db.SaveChangesAsync();
            if (start % 100_000 == 0)
            {
                Console.WriteLine($"  seeded {Format.Count(start + Batch)} vouchers...");
            }
        }

        return new Seeded(vendor, admins, quotas.Select(q => q.Id).ToList(), customers, due);
    }
}
