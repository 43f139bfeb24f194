using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Features;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Features.WorkCalendar;
using BlazorPartner.Platform;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Tests.Support;

/// <summary>
/// A real database with the vendor, Partner A (admin, supervisor over two account managers, finance) and Partner B
/// (admin), and the app's services from the app's own registrations (<see cref="CoreRegistration.AddAppCore"/> and
/// <see cref="FeatureRegistration.AddFeatures"/>), with the clock and database swapped for the test's. A new slice is
/// reachable through <see cref="Get{T}"/> without any change here.
/// </summary>
public sealed class TestWorld : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestWorld(TestDatabase database, TestClock clock, IReadOnlyDictionary<string, string?>? settings)
    {
        Database = database;
        Clock = clock;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddAppCore()
            .AddFeatures(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(database.Factory);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public TestDatabase Database { get; }
    public TestClock Clock { get; }
    public IDbContextFactory<AppDbContext> Factory => Database.Factory;

    /// <summary>A service exactly as the app registers it.</summary>
    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public OpportunityQueries Queries => Get<OpportunityQueries>();
    public OpportunityWorkflow Workflow => Get<OpportunityWorkflow>();
    public OpportunitySharing Sharing => Get<OpportunitySharing>();
    public WorkCalendarEditor Calendar => Get<WorkCalendarEditor>();

    public OpportunityExporter Exporter
    {
        get
        {
            // Scoped in the app (per circuit); one scope per use is enough for a test.
            var scope = _services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<OpportunityExporter>();
        }
    }

    public Guid VendorOrg { get; } = Guid.NewGuid();
    public Guid PartnerA { get; } = Guid.NewGuid();
    public Guid PartnerB { get; } = Guid.NewGuid();

    public Actor Vendor { get; private set; } = default!;
    public Actor AdminA { get; private set; } = default!;
    public Actor SupervisorA { get; private set; } = default!;
    public Actor Manager1A { get; private set; } = default!;
    public Actor Manager2A { get; private set; } = default!;
    public Actor FinanceA { get; private set; } = default!;
    public Actor AdminB { get; private set; } = default!;

    public static IStringLocalizer<SharedResource> Localizer { get; } = new ServiceCollection()
        .AddLogging()
        .AddLocalization(o => o.ResourcesPath = "Resources")
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>Defaults to Monday 2026-11-16 10:00 Beijing time, a plain working week.</summary>
    public static async Task<TestWorld> CreateAsync(DatabaseProvider provider, TestClock? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var world = new TestWorld(await TestDatabase.CreateAsync(provider), clock ?? TestClock.AtBeijing(2026, 11, 16), settings);
        await world.SeedAsync();
        return world;
    }

    public OpportunityAutoRejecter NewAutoRejecter(int batchSize = 1000) =>
        new(Factory, Clock, Options.Create(new OpportunityOptions { AutoRejectBatchSize = batchSize }), Get<BlazorPartner.Platform.Live.ChangeFeed>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<OpportunityAutoRejecter>.Instance);

    /// <summary>Shares a valid opportunity with <paramref name="partner"/> (Partner A by default) as the vendor operator.</summary>
    public Task<Guid> ShareAsync(Guid? partner = null, string customer = "Acme Cloud Co.", decimal amount = 123456.78m) =>
        Sharing.ShareAsync(Vendor, ValidShare(partner ?? PartnerA, customer, amount));

    public ShareOpportunityInput ValidShare(Guid partner, string customer = "Acme Cloud Co.", decimal amount = 123456.78m) => new()
    {
        PartnerOrganizationId = partner,
        CustomerName = customer,
        Industry = "Finance",
        Region = "EastChina",
        City = "Shanghai",
        CloudServices = ["ECS", "RDS"],
        EstimatedAmount = amount,
        ExpectedCloseDate = new DateOnly(2027, 3, 31),
        Description = "Core banking migration",
        ContactName = "Ma Jun",
        ContactPhone = "13812345678",
    };

    /// <summary>Reads the row bypassing tenancy, to check what really is in the database.</summary>
    public async Task<Opportunity> LoadAsync(Guid id)
    {
        await using var db = await Factory.CreateSystemAsync();
        return await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    public async Task<int> AuditCountAsync(Guid id, string? action = null)
    {
        await using var db = await Factory.CreateSystemAsync();
        var key = id.ToString();
        return await db.AuditEntries.CountAsync(a => a.EntityId == key && (action == null || a.Action == action));
    }

    /// <summary>All audit rows and opportunities in the database, to prove a refused command stored nothing.</summary>
    public async Task<(int Audits, int Opportunities, int Progress)> CountRowsAsync()
    {
        await using var db = await Factory.CreateSystemAsync();
        return (await db.AuditEntries.CountAsync(), await db.Opportunities.CountAsync(), await db.OpportunityProgress.CountAsync());
    }

    public async Task AssignDirectlyAsync(Guid id, Actor manager)
    {
        await using var db = await Factory.CreateSystemAsync();
        await db.Opportunities.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.AssignedToUserId, manager.UserId));
    }

    private async Task SeedAsync()
    {
        // The same system roles and permission grants the app synchronizes at startup.
        await Get<SystemRoles>().SynchronizeAsync();
        await using (var db = await Factory.CreateSystemAsync())
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            db.Organizations.AddRange(
                new Organization { Id = VendorOrg, Name = "Vendor", Kind = OrganizationKind.Vendor, CreatedUtc = now },
                new Organization { Id = PartnerA, Name = "Partner A", Kind = OrganizationKind.SolutionProvider, CreatedUtc = now },
                new Organization { Id = PartnerB, Name = "Partner B", Kind = OrganizationKind.Distributor, CreatedUtc = now });
            var roles = await db.Roles.ToDictionaryAsync(r => r.Name!);
            await db.SaveChangesAsync();

            var vendor = AddUser(db, roles, "vendor", "Vendor Op", VendorOrg, AppRoles.VendorOperator);
            var adminA = AddUser(db, roles, "admin-a", "Admin A", PartnerA, AppRoles.PartnerAdmin);
            var supervisorA = AddUser(db, roles, "sup-a", "Supervisor A", PartnerA, AppRoles.AccountManagerSupervisor);
            await db.SaveChangesAsync();
            var manager1A = AddUser(db, roles, "am1-a", "Manager One", PartnerA, AppRoles.AccountManager, supervisorA);
            var manager2A = AddUser(db, roles, "am2-a", "Manager Two", PartnerA, AppRoles.AccountManager);
            var financeA = AddUser(db, roles, "fin-a", "Finance A", PartnerA, AppRoles.Finance);
            var adminB = AddUser(db, roles, "admin-b", "Admin B", PartnerB, AppRoles.PartnerAdmin);
            await db.SaveChangesAsync();

            // Actors are built from the database exactly as sign-in would build the cookie's claims.
            var directory = Get<ActorDirectory>();
            Vendor = await directory.LoadAsync(vendor);
            AdminA = await directory.LoadAsync(adminA);
            SupervisorA = await directory.LoadAsync(supervisorA);
            Manager1A = await directory.LoadAsync(manager1A);
            Manager2A = await directory.LoadAsync(manager2A);
            FinanceA = await directory.LoadAsync(financeA);
            AdminB = await directory.LoadAsync(adminB);
        }
    }

    private static string AddUser(AppDbContext db, Dictionary<string, AppRole> roles, string login, string name, Guid org, string role, string? supervisorId = null)
    {
        var user = new AppUser
        {
            UserName = login,
            NormalizedUserName = login.ToUpperInvariant(),
            Email = $"{login}@test",
            NormalizedEmail = $"{login}@test".ToUpperInvariant(),
            DisplayName = name,
            OrganizationId = org,
            SupervisorId = supervisorId,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role].Id });
        return user.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
