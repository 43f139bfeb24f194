using System.Diagnostics;
using System.Globalization;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Validation;
using BlazorPartner.Features.Members;
using BlazorPartner.Features.Onboarding;
using BlazorPartner.Features.Onboarding.Certification;
using BlazorPartner.Features.Onboarding.Network;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Benchmarks;

/// <summary>
/// The onboarding slice's figures: the vendor's two review lists (partner-network applications, R5; business certifications,
/// R6) at their first page, "all" at page 500, and their waiting counts, at 10^5–10^6 rows, on SQLite and PostgreSQL.
/// <c>dotnet run -c Release --project App.Benchmarks -- onboarding [--applications N] [--certifications N] [--iterations N] [--postgres conn] [--skip-sqlite]</c>
/// </summary>
internal static class OnboardingBenchmark
{
    public const string Mode = "onboarding";

    private const int BatchSize = 20_000;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = SizedBenchmarkArgs.Parse(args, new Dictionary<string, int> { ["applications"] = 200_000, ["certifications"] = 100_000 });
        var applications = options["applications"];
        var certifications = options["certifications"];
        var iterations = options.Iterations;
        var warmup = options.Warmup;

        Console.WriteLine($"Onboarding benchmark: {applications:N0} partner-network applications, {certifications:N0} certifications (one per partner), {iterations} timed queries after {warmup} warm-up");
        foreach (var create in options.Databases())
        {
            await using var database = await create();
            await using var services = BuildServices(database);
            await database.MigrateAsync(services);
            var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            var started = Stopwatch.GetTimestamp();
            var vendor = await SeedAsync(factory, applications, certifications);
            await using (var db = await factory.CreateSystemAsync())
            {
                await database.AfterSeedAsync(db);
            }

            Console.WriteLine($"[{database.Provider}] seeded in {Format.Seconds(Stopwatch.GetElapsedTime(started))}");
            var reviews = services.GetRequiredService<NetworkApplicationReviews>();
            var certificationService = services.GetRequiredService<BusinessCertifications>();
            var p = database.Provider;
            NetworkApplicationPage? a = null;
            Print(p, "applications to review, first page", await Measure.RepeatAsync(warmup, iterations, async _ => a = await reviews.ListAsync(vendor, NetworkApplicationFilter.ToReview, 0, OnboardingRules.PageSize)), a!.Rows.Count, a.TotalCount);
            Print(p, "applications, all, first page", await Measure.RepeatAsync(warmup, iterations, async _ => a = await reviews.ListAsync(vendor, NetworkApplicationFilter.All, 0, OnboardingRules.PageSize)), a!.Rows.Count, a.TotalCount);
            Print(p, "applications, all, page 500", await Measure.RepeatAsync(warmup, iterations / 4, async _ => a = await reviews.ListAsync(vendor, NetworkApplicationFilter.All, 500 * OnboardingRules.PageSize, OnboardingRules.PageSize)), a!.Rows.Count, a.TotalCount);
            var count = 0;
            Print(p, "applications waiting count", await Measure.RepeatAsync(warmup, iterations, async _ => count = await reviews.WaitingCountAsync(vendor)), 0, count);
            CertificationPage? c = null;
            Print(p, "certifications to review, first page", await Measure.RepeatAsync(warmup, iterations, async _ => c = await certificationService.ListAsync(vendor, CertificationFilter.ToReview, 0, OnboardingRules.PageSize)), c!.Rows.Count, c.TotalCount);
            Print(p, "certifications, all, first page", await Measure.RepeatAsync(warmup, iterations, async _ => c = await certificationService.ListAsync(vendor, CertificationFilter.All, 0, OnboardingRules.PageSize)), c!.Rows.Count, c.TotalCount);
            Print(p, "certifications, all, page 500", await Measure.RepeatAsync(warmup, iterations / 4, async _ => c = await certificationService.ListAsync(vendor, CertificationFilter.All, 500 * OnboardingRules.PageSize, OnboardingRules.PageSize)), c!.Rows.Count, c.TotalCount);
            Print(p, "certifications waiting count", await Measure.RepeatAsync(warmup, iterations, async _ => count = await certificationService.WaitingCountAsync(vendor)), 0, count);
        }

        return 0;
    }

    private static void Print(string provider, string what, Samples samples, int rows, int total) =>
        Console.WriteLine($"[{provider}] {what}: p50 {Format.Ms(samples.Median)}, p95 {Format.Ms(samples.P95)}, max {Format.Ms(samples.Max)} ({rows} rows of {total:N0})");

    private static ServiceProvider BuildServices(BenchmarkDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddLocalization();
        services.AddSingleton(TimeProvider.System);
        database.AddDbContext(services);
        services.AddSingleton<MemberInvitations>();
        services.AddOnboarding();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Applications in proportion to a busy program (a tenth with a reviewer, a tenth rejected, the rest approved); one
    /// certification per partner organization (a twentieth with a reviewer, a twentieth waiting on a bank letter).
    /// </summary>
    private static async Task<Actor> SeedAsync(IDbContextFactory<AppDbContext> factory, int applicationCount, int certificationCount)
    {
        var now = DateTime.UtcNow;
        var vendorOrg = new Organization { Name = "Bench Vendor", Kind = OrganizationKind.Vendor, CreatedUtc = now };
        await using (var db = await factory.CreateSystemAsync())
        {
            db.Organizations.Add(vendorOrg);
            await db.SaveChangesAsync();
        }

        var start = now.AddDays(-365);
        for (var batch = 0; batch < applicationCount; batch += BatchSize)
        {
            await using var db = await factory.CreateSystemAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = batch; i < Math.Min(applicationCount, batch + BatchSize); i++)
            {
                var status = (i % 10) switch { 0 => NetworkApplicationStatus.ManualReview, 1 => NetworkApplicationStatus.Rejected, _ => NetworkApplicationStatus.Approved };
                var at = start.AddSeconds(i * (365.0 * 24 * 3600 / applicationCount));
                var code = CreditCode.WithCheckCharacter("92" + i.ToString("D15", CultureInfo.InvariantCulture));
                var application = new NetworkApplication
                {
                    CompanyName = $"Bench Solutions {i:D7} Co.",
                    CreditCode = code,
                    HeldCreditCode = status == NetworkApplicationStatus.Rejected ? null : code,
                    RegisteredAddress = "1 Bench Road",
                    ContactName = "Bench Contact",
                    ContactPhone = "+86 138 0000 0000",
                    ContactEmail = $"bench-pn{i}@example.com",
                    Status = status,
                    FailedChecks = status == NetworkApplicationStatus.Approved ? "" : nameof(NetworkCheck.Documents),
                    DecidedByName = status == NetworkApplicationStatus.ManualReview ? null : "Bench Reviewer",
                    DecidedAtUtc = status == NetworkApplicationStatus.ManualReview ? null : at.AddDays(1),
                    TokenHash = LinkTokens.Hash(LinkTokens.NewToken()),
                    SubmittedAtUtc = at,
                    RoundSubmittedAtUtc = at,
                    UpdatedAtUtc = at.AddDays(1),
                };
                application.Number = OnboardingRules.NumberFor(application.Id);
                db.NetworkApplications.Add(application);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        for (var batch = 0; batch < certificationCount; batch += BatchSize)
        {
            await using var db = await factory.CreateSystemAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = batch; i < Math.Min(certificationCount, batch + BatchSize); i++)
            {
                var partner = new Organization { Name = $"Bench Partner {i:D7}", Kind = OrganizationKind.SolutionProvider, CreatedUtc = now };
                db.Organizations.Add(partner);
                var status = (i % 20) switch { 0 => CertificationStatus.ManualReview, 1 => CertificationStatus.BankLetterReview, 2 => CertificationStatus.BankLetterRequired, _ => CertificationStatus.Certified };
                var at = start.AddSeconds(i * (365.0 * 24 * 3600 / certificationCount));
                db.BusinessCertifications.Add(new BusinessCertification
                {
                    OrganizationId = partner.Id,
                    LegalName = partner.Name,
                    CreditCode = CreditCode.WithCheckCharacter("93" + i.ToString("D15", CultureInfo.InvariantCulture)),
                    BankName = "Bench Bank",
                    BankAccount = "6222" + i.ToString("D12", CultureInfo.InvariantCulture),
                    AccountHolder = partner.Name,
                    Status = status,
                    SubmittedAtUtc = at,
                    WaitingSinceUtc = at,
                    UpdatedAtUtc = at,
                    DecidedByName = status == CertificationStatus.Certified ? "System" : null,
                });
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var catalog = new PermissionCatalog(OnboardingPermissions.All);
        return new Actor("bench", "Bench Reviewer", vendorOrg.Id, OrganizationKind.Vendor, new HashSet<string> { AppRoles.VendorOperator }, catalog.DefaultsFor(AppRoles.VendorOperator).ToHashSet());
    }
}
