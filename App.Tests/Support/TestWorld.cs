using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Tests.Support;

/// <summary>
/// A real database with the vendor, Partner A (admin, supervisor over two account managers, finance) and Partner B
/// (admin), plus the opportunity services wired exactly as the app wires them.
/// </summary>
public sealed class TestWorld : IAsyncDisposable
{
    private TestWorld(TestDatabase database, TestClock clock)
    {
        Database = database;
        Clock = clock;
        Calendar = new WorkCalendarService(database.Factory, clock);
        Queries = new OpportunityQueries(database.Factory, Calendar, clock);
        Workflow = new OpportunityWorkflow(database.Factory, clock, NullLogger<OpportunityWorkflow>.Instance);
        Sharing = new OpportunitySharing(database.Factory, Calendar, clock);
        Exporter = new OpportunityExporter(Queries, Localizer, clock);
    }

    public TestDatabase Database { get; }
    public TestClock Clock { get; }
    public IDbContextFactory<AppDbContext> Factory => Database.Factory;
    public WorkCalendarService Calendar { get; }
    public OpportunityQueries Queries { get; }
    public OpportunityWorkflow Workflow { get; }
    public OpportunitySharing Sharing { get; }
    public OpportunityExporter Exporter { get; }

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
    public static async Task<TestWorld> CreateAsync(DatabaseProvider provider, TestClock? clock = null)
    {
        var world = new TestWorld(await TestDatabase.CreateAsync(provider), clock ?? TestClock.AtBeijing(2026, 11, 16));
        await world.SeedAsync();
        return world;
    }

    public OpportunityAutoRejecter NewAutoRejecter(int batchSize = 1000) =>
        new(Factory, Clock, Options.Create(new OpportunityOptions { AutoRejectBatchSize = batchSize }), NullLogger<OpportunityAutoRejecter>.Instance);

    /// <summary>Shares a valid opportunity with <paramref name="partner"/> (Partner A by default) as the vendor operator.</summary>
    public Task<Guid> ShareAsync(Guid? partner = null, string customer = "Acme Cloud Co.", decimal amount = 123456.78m) =>
        Sharing.ShareAsync(Vendor, ValidShare(partner ?? PartnerA, customer, amount));

    public ShareOpportunityCommand ValidShare(Guid partner, string customer = "Acme Cloud Co.", decimal amount = 123456.78m) => new()
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

    public async Task AssignDirectlyAsync(Guid id, Actor manager)
    {
        await using var db = await Factory.CreateSystemAsync();
        await db.Opportunities.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.AssignedToUserId, manager.UserId));
    }

    private async Task SeedAsync()
    {
        await using var db = await Factory.CreateSystemAsync();
        var now = Clock.GetUtcNow().UtcDateTime;
        db.Organizations.AddRange(
            new Organization { Id = VendorOrg, Name = "Vendor", Kind = OrganizationKind.Vendor, CreatedUtc = now },
            new Organization { Id = PartnerA, Name = "Partner A", Kind = OrganizationKind.SolutionProvider, CreatedUtc = now },
            new Organization { Id = PartnerB, Name = "Partner B", Kind = OrganizationKind.Distributor, CreatedUtc = now });
        var roles = AppRoles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        await db.SaveChangesAsync();

        Vendor = AddUser(db, roles, "vendor", "Vendor Op", VendorOrg, OrganizationKind.Vendor, AppRoles.VendorOperator);
        AdminA = AddUser(db, roles, "admin-a", "Admin A", PartnerA, OrganizationKind.SolutionProvider, AppRoles.PartnerAdmin);
        SupervisorA = AddUser(db, roles, "sup-a", "Supervisor A", PartnerA, OrganizationKind.SolutionProvider, AppRoles.AccountManagerSupervisor);
        await db.SaveChangesAsync();
        Manager1A = AddUser(db, roles, "am1-a", "Manager One", PartnerA, OrganizationKind.SolutionProvider, AppRoles.AccountManager, SupervisorA.UserId);
        Manager2A = AddUser(db, roles, "am2-a", "Manager Two", PartnerA, OrganizationKind.SolutionProvider, AppRoles.AccountManager);
        FinanceA = AddUser(db, roles, "fin-a", "Finance A", PartnerA, OrganizationKind.SolutionProvider, AppRoles.Finance);
        AdminB = AddUser(db, roles, "admin-b", "Admin B", PartnerB, OrganizationKind.Distributor, AppRoles.PartnerAdmin);
        await db.SaveChangesAsync();
    }

    private static Actor AddUser(AppDbContext db, Dictionary<string, IdentityRole> roles, string login, string name, Guid org, OrganizationKind kind, string role, string? supervisorId = null)
    {
        var user = new AppUser
        {
            UserName = login,
            NormalizedUserName = login.ToUpperInvariant(),
            Email = $"{login}@test",
            DisplayName = name,
            OrganizationId = org,
            SupervisorId = supervisorId,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role].Id });
        return new Actor(user.Id, name, org, kind, new HashSet<string> { role });
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
