using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Core.Tenancy;
using BlazorPartner.Core.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Platform.Seeding;

/// <summary>
/// Demo organizations, accounts (see <see cref="DemoAccounts"/>) and ~60 opportunities in every status for Partner A,
/// laid out relative to "now" so the pending tab always shows deadlines close to and past their end.
/// Runs only against a database without organizations.
/// </summary>
public sealed class DemoDataSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    WorkCalendarService calendarService,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger)
{
    private static readonly string[] CustomerStems =
    [
        "Beijing Smart Logistics", "Shenzhen Robotics", "Chengdu Game Studio", "Wuhan Optics", "Nanjing Bio Labs",
        "Xi'an Aerospace Parts", "Suzhou Textiles", "Qingdao Brewery", "Tianjin Port Services", "Changsha Media",
        "Xiamen Travel", "Kunming Tea Trading", "Dalian Shipping", "Hefei Display Tech", "Guangzhou Auto Parts",
    ];

    private static readonly string[] Cities = ["Beijing", "Shenzhen", "Chengdu", "Wuhan", "Nanjing", "Xi'an", "Suzhou", "Qingdao", "Tianjin", "Changsha", "Xiamen", "Kunming", "Dalian", "Hefei", "Guangzhou"];
    private static readonly string[] Regions = ["NorthChina", "SouthChina", "SouthwestChina", "CentralChina", "EastChina", "NorthwestChina", "EastChina", "NorthChina", "NorthChina", "CentralChina", "SouthChina", "SouthwestChina", "NortheastChina", "EastChina", "SouthChina"];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using (var probe = await dbFactory.CreateSystemAsync(ct))
        {
            if (await probe.Organizations.AnyAsync(ct))
            {
                return false;
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var role in AppRoles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)));
            }
        }

        var vendor = new Organization { Name = DemoAccounts.VendorName, Kind = OrganizationKind.Vendor, CreatedUtc = now };
        var partnerA = new Organization { Name = DemoAccounts.PartnerAName, Kind = OrganizationKind.SolutionProvider, CreatedUtc = now };
        var partnerB = new Organization { Name = DemoAccounts.PartnerBName, Kind = OrganizationKind.Distributor, CreatedUtc = now };
        var partnerC = new Organization { Name = DemoAccounts.PartnerCName, Kind = OrganizationKind.Reseller, ParentOrganizationId = partnerB.Id, CreatedUtc = now };
        await using (var db = await dbFactory.CreateSystemAsync(ct))
        {
            db.Organizations.AddRange(vendor, partnerA, partnerB, partnerC);
            if (!await db.CalendarDays.AnyAsync(ct))
            {
                db.CalendarDays.AddRange(HolidaySeed.Days());
            }

            await db.SaveChangesAsync(ct);
        }

        var operatorUser = await CreateUserAsync(DemoAccounts.VendorOperator, "Chen Jing (Vendor)", vendor.Id, AppRoles.VendorOperator);
        var adminA = await CreateUserAsync(DemoAccounts.PartnerAAdmin, "Zhao Lei (Admin A)", partnerA.Id, AppRoles.PartnerAdmin);
        var supervisor = await CreateUserAsync(DemoAccounts.PartnerASupervisor, "Zhang Min (Supervisor)", partnerA.Id, AppRoles.AccountManagerSupervisor);
        var manager1 = await CreateUserAsync(DemoAccounts.PartnerAManager1, "Li Wei (AM)", partnerA.Id, AppRoles.AccountManager, supervisor.Id);
        var manager2 = await CreateUserAsync(DemoAccounts.PartnerAManager2, "Wang Fang (AM)", partnerA.Id, AppRoles.AccountManager, supervisor.Id);
        await CreateUserAsync(DemoAccounts.PartnerAFinance, "Sun Yu (Finance)", partnerA.Id, AppRoles.Finance);
        var adminB = await CreateUserAsync(DemoAccounts.PartnerBAdmin, "Liu Yang (Admin B)", partnerB.Id, AppRoles.PartnerAdmin);
        await CreateUserAsync(DemoAccounts.PartnerCAdmin, "Huang Hui (Admin C)", partnerC.Id, AppRoles.PartnerAdmin);

        var calendar = await calendarService.GetCalendarAsync(ct);
        var random = new Random(20261121);
        await using (var db = await dbFactory.CreateSystemAsync(ct))
        {
            var managers = new[] { manager1, manager2, supervisor };
            for (var i = 0; i < 60; i++)
            {
                var plan = PlanFor(i);
                var assignee = plan.Assigned ? managers[i % managers.Length] : null;
                var opportunity = NewOpportunity(i, partnerA.Id, operatorUser.Id, assignee?.Id, plan, now, calendar, random);
                AddHistory(db, opportunity, plan, adminA, assignee ?? adminA, now);
            }

            for (var i = 0; i < 8; i++)
            {
                var plan = PlanFor(i * 7);
                var opportunity = NewOpportunity(100 + i, partnerB.Id, operatorUser.Id, null, plan, now, calendar, random);
                AddHistory(db, opportunity, plan, adminB, adminB, now);
            }

            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Seeded demo data: 4 organizations, 8 accounts, 68 opportunities");
        return true;

        Opportunity NewOpportunity(int index, Guid organizationId, string sharedBy, string? assignedTo, SeedPlan plan, DateTime nowUtc, WorkingDayCalendar workCalendar, Random rng)
        {
            var stem = index % CustomerStems.Length;
            var sharedAt = SharedAt(plan.WorkingDaysAgo, nowUtc, workCalendar).AddMinutes(-rng.Next(0, 300));
            var customer = plan.Customer ?? $"{CustomerStems[stem]} {(char)('A' + (index / CustomerStems.Length))}";
            return new Opportunity
            {
                Number = $"OPP-{BeijingTime.ToBeijing(sharedAt):yyMMdd}-{index + 1:D4}{(organizationId == partnerA.Id ? "A" : "B")}",
                OrganizationId = organizationId,
                CustomerName = customer,
                Industry = OpportunityCatalog.Industries[index % OpportunityCatalog.Industries.Count],
                Region = plan.Customer is null ? Regions[stem] : "EastChina",
                City = plan.Customer is null ? Cities[stem] : plan.Customer.Split(' ')[0],
                CloudServices = string.Join(';', OpportunityCatalog.CloudServices.Where((_, k) => (index + k) % 3 == 0).Take(4)),
                EstimatedAmountFen = rng.Next(50_000, 5_000_000) * 100L + rng.Next(0, 100),
                ExpectedCloseDate = BeijingTime.DateOf(nowUtc).AddDays(rng.Next(20, 200)),
                Description = $"{customer} is evaluating a move of its core workloads to the cloud.",
                ContactName = ContactNames[index % ContactNames.Length],
                ContactPhone = $"13{rng.Next(100000000, 999999999)}",
                Status = OpportunityStatus.PendingAcceptance,
                AssignedToUserId = assignedTo,
                SharedByUserId = sharedBy,
                SharedAtUtc = sharedAt,
                DeadlineUtc = OpportunityRules.AcceptanceDeadlineUtc(sharedAt, workCalendar),
                UpdatedAtUtc = sharedAt,
            };
        }
    }

    private static readonly string[] ContactNames = ["Ma Jun", "Zhou Ning", "Wu Tao", "Xu Li", "He Qiang", "Lin Xue"];

    private sealed record SeedPlan(OpportunityStatus Status, ProgressStage? Stage, int WorkingDaysAgo, bool Assigned, string? Customer = null);

    /// <summary>Spreads indices over every status and stage; the first two are the README's well-known rows.</summary>
    private static SeedPlan PlanFor(int i) => i switch
    {
        0 => new(OpportunityStatus.PendingAcceptance, null, 0, false, DemoAccounts.WellKnownPendingCustomer),
        1 => new(OpportunityStatus.PendingAcceptance, null, 0, false, DemoAccounts.WellKnownRejectCustomer),
        _ => (i % 12) switch
        {
            0 => new(OpportunityStatus.PendingAcceptance, null, 0, i % 2 == 0),
            1 => new(OpportunityStatus.PendingAcceptance, null, 1, true),
            2 => new(OpportunityStatus.PendingAcceptance, null, 2, false),
            3 => new(OpportunityStatus.PendingAcceptance, null, 3, true),
            4 => new(OpportunityStatus.PendingAcceptance, null, 5, false),
            5 => new(OpportunityStatus.InProgress, (ProgressStage)(i % 5), 10 + i, true),
            6 => new(OpportunityStatus.InProgress, (ProgressStage)((i + 2) % 5), 15 + i, true),
            7 => new(OpportunityStatus.Delivered, ProgressStage.Delivered, 40 + i, true),
            8 => new(OpportunityStatus.Lost, ProgressStage.Lost, 30 + i, true),
            9 => new(OpportunityStatus.Rejected, null, 8 + i, i % 2 == 1),
            10 => new(OpportunityStatus.AutoRejected, null, 12 + i, false),
            _ => new(OpportunityStatus.InProgress, ProgressStage.Contacting, 4 + (i % 3), true),
        },
    };

    private static DateTime SharedAt(int workingDaysAgo, DateTime nowUtc, WorkingDayCalendar calendar)
    {
        var day = BeijingTime.DateOf(nowUtc);
        for (var remaining = workingDaysAgo; remaining > 0;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                remaining--;
            }
        }

        var timeOfDay = BeijingTime.ToBeijing(nowUtc).TimeOfDay;
        return BeijingTime.StartOfDayUtc(day) + timeOfDay;
    }

    private static void AddHistory(AppDbContext db, Opportunity o, SeedPlan plan, AppUser admin, AppUser worker, DateTime nowUtc)
    {
        db.Opportunities.Add(o);
        db.AuditEntries.Add(new AuditEntry
        {
            OrganizationId = o.OrganizationId, ActorName = "Chen Jing (Vendor)", EntityType = nameof(Opportunity), EntityId = o.Id.ToString(),
            Action = "opportunity.share", After = $"{{\"Number\":\"{o.Number}\"}}", AtUtc = o.SharedAtUtc,
        });
        if (plan.Status == OpportunityStatus.PendingAcceptance)
        {
            return;
        }

        var respondedAt = o.SharedAtUtc.AddHours(5);
        o.RespondedAtUtc = respondedAt;
        o.UpdatedAtUtc = respondedAt;
        switch (plan.Status)
        {
            case OpportunityStatus.Rejected:
                o.Status = OpportunityStatus.Rejected;
                o.RejectionReason = (RejectionReason)(o.Number.Length % 4);
                o.RejectionNote = "Outside our delivery footprint this quarter.";
                o.RespondedByUserId = admin.Id;
                o.RespondedByName = admin.DisplayName;
                o.ClosedAtUtc = respondedAt;
                Audit(db, o, admin.DisplayName, "opportunity.reject", "PendingAcceptance", "Rejected", respondedAt);
                return;
            case OpportunityStatus.AutoRejected:
                o.Status = OpportunityStatus.AutoRejected;
                o.RejectionReason = RejectionReason.DeadlinePassed;
                o.RespondedByName = AuditExtensions.SystemActorName;
                o.RespondedAtUtc = o.DeadlineUtc;
                o.ClosedAtUtc = o.DeadlineUtc;
                Audit(db, o, AuditExtensions.SystemActorName, "opportunity.auto-reject", "PendingAcceptance", "AutoRejected", o.DeadlineUtc);
                return;
        }

        o.RespondedByUserId = admin.Id;
        o.RespondedByName = admin.DisplayName;
        Audit(db, o, admin.DisplayName, "opportunity.accept", "PendingAcceptance", "InProgress", respondedAt);
        List<ProgressStage> stages = plan.Stage == ProgressStage.Lost
            ? [ProgressStage.Contacting, ProgressStage.Solution, ProgressStage.Lost]
            : [.. OpportunityRules.StageOrder.TakeWhile(s => s != plan.Stage), plan.Stage!.Value];
        var at = respondedAt;
        foreach (var stage in stages)
        {
            at = at.AddHours(30);
            if (at > nowUtc)
            {
                at = nowUtc.AddMinutes(-stages.Count);
            }

            db.OpportunityProgress.Add(new OpportunityProgressEntry
            {
                OpportunityId = o.Id, OrganizationId = o.OrganizationId, Stage = stage,
                Note = stage == ProgressStage.Contacting ? "Accepted" : $"Moved to {stage}.", ByUserId = worker.Id, ByName = worker.DisplayName, AtUtc = at,
            });
        }

        o.Stage = plan.Stage;
        o.Status = OpportunityRules.StatusFor(plan.Stage!.Value);
        o.UpdatedAtUtc = at;
        o.ClosedAtUtc = OpportunityRules.IsTerminal(o.Status) ? at : null;
    }

    private static void Audit(AppDbContext db, Opportunity o, string actorName, string action, string before, string after, DateTime at) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OrganizationId = o.OrganizationId, ActorName = actorName, EntityType = nameof(Opportunity), EntityId = o.Id.ToString(), Action = action,
            Before = $"{{\"Status\":\"{before}\"}}", After = $"{{\"Status\":\"{after}\"}}", AtUtc = at,
        });

    private async Task<AppUser> CreateUserAsync(string email, string displayName, Guid organizationId, string role, string? supervisorId = null)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            OrganizationId = organizationId,
            SupervisorId = supervisorId,
            LockoutEnabled = true,
        };
        Check(await userManager.CreateAsync(user, DemoAccounts.Password));
        Check(await userManager.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
