using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Customers;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Platform.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Roles;

/// <summary>
/// Partner A's custom roles (R1) and a member who holds one: the sales analyst signs in with the demo password and sees
/// only what the role grants (opportunities, customers, the consumption dashboard and metrics, read-only).
/// </summary>
public sealed class RoleDemoData(IDbContextFactory<AppDbContext> dbFactory) : IDemoData
{
    public const string AnalystEmail = "analyst@partner-a.demo";
    public const string AnalystName = "Zhou Min (Sales analyst)";
    public const string AnalystRole = "Sales analyst";
    public const string BillReaderRole = "Bill reader";

    public static readonly IReadOnlyList<string> AnalystPermissions =
        [OpportunityPermissions.View, CustomerPermissions.View, ConsumptionPermissions.View, ConsumptionPermissions.ViewMetrics];

    public static readonly IReadOnlyList<string> BillReaderPermissions =
        [ConsumptionPermissions.ViewBills, ConsumptionPermissions.ExportBills, ConsumptionPermissions.View, ConsumptionPermissions.Export];

    public int Order => 95;

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var admin = demo.User(DemoAccounts.PartnerAAdmin);
        var adminActor = new Actor(admin.Id, admin.DisplayName, demo.PartnerA.Id, demo.PartnerA.Kind, new HashSet<string>(), new HashSet<string>());
        await using var db = await dbFactory.CreateSystemAsync(ct);
        var analystRole = Role(db, demo, AnalystRole, AnalystPermissions);
        Role(db, demo, BillReaderRole, BillReaderPermissions);

        var analyst = new AppUser
        {
            UserName = AnalystEmail,
            Email = AnalystEmail,
            NormalizedUserName = AnalystEmail.ToUpperInvariant(),
            NormalizedEmail = AnalystEmail.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = AnalystName,
            OrganizationId = demo.PartnerA.Id,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
        };
        analyst.PasswordHash = new PasswordHasher<AppUser>().HashPassword(analyst, DemoAccounts.Password);
        db.Users.Add(analyst);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = analyst.Id, RoleId = analystRole.Id });
        foreach (var role in db.ChangeTracker.Entries<AppRole>().Select(e => e.Entity).ToList())
        {
            var permissions = role == analystRole ? AnalystPermissions : BillReaderPermissions;
            db.Audit(adminActor, new AuditChange(PartnerRoles.AuditEntity, role.Id, RoleAuditActions.Create)
            {
                OrganizationId = demo.PartnerA.Id,
                After = new { role.Title, Permissions = PartnerRoles.AuditKeys(permissions) },
            }, TimeProvider.System);
        }

        await db.SaveChangesAsync(ct);
    }

    private static AppRole Role(AppDbContext db, DemoSeedContext demo, string title, IReadOnlyList<string> permissions)
    {
        var name = AppRole.CustomName(Guid.NewGuid());
        var role = new AppRole
        {
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            OrganizationId = demo.PartnerA.Id,
            Title = title,
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        db.Roles.Add(role);
        db.RoleClaims.AddRange(permissions.Select(p => new IdentityRoleClaim<string> { RoleId = role.Id, ClaimType = Permissions.ClaimType, ClaimValue = p }));
        return role;
    }
}
