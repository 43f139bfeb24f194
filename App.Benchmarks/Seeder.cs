using BlazorPartner.Core.Calendar;
using System.Diagnostics;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Core.Identity;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Seeding;
using BlazorPartner.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Benchmarks;

/// <summary>What the phases need to know about the seeded data: who to act as, and what to expect.</summary>
internal sealed record SeededData(
    Actor VendorOperator,
    IReadOnlyList<Actor> PartnerAdmins,
    int Opportunities,
    int Pending,
    int OverduePending,
    int Users,
    TimeSpan Elapsed);

/// <summary>
/// Loads a realistic tenant mix through the app's own model (so converters and column types are the real ones):
/// one vendor, N solution-provider partners each with an admin and two account managers, and opportunities spread
/// evenly over the partners with about 20% still pending, half of those already past their deadline.
/// </summary>
internal sealed class Seeder(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    // Large enough to amortize SaveChanges, small enough that the change tracker stays cheap.
    private const int BatchSize = 5_000;
    private const int ManagersPerPartner = 2;

    private static readonly string[] CustomerStems =
    [
        "Smart Logistics", "Robotics", "Game Studio", "Optics", "Bio Labs", "Aerospace Parts", "Textiles", "Brewery",
        "Port Services", "Media", "Travel", "Tea Trading", "Shipping", "Display Tech", "Auto Parts", "Fintech", "Hospital",
    ];

    private static readonly string[] Cities =
        ["Beijing", "Shenzhen", "Chengdu", "Wuhan", "Nanjing", "Xi'an", "Suzhou", "Qingdao", "Tianjin", "Changsha", "Xiamen", "Kunming", "Dalian", "Hefei", "Guangzhou"];

    private static readonly string[] ContactNames = ["Ma Jun", "Zhou Ning", "Wu Tao", "Xu Li", "He Qiang", "Lin Xue"];

    private readonly Random _random = new(20261121);

    public async Task<SeededData> SeedAsync(int rows, int partnerCount, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow().UtcDateTime;

        var vendor = new Organization { Name = "Bench Vendor", Kind = OrganizationKind.Vendor, CreatedUtc = now };
        var operatorUser = NewUser(vendor.Id, "operator@vendor.bench", "Bench Operator");
        var partners = new List<PartnerSeed>();
        for (var p = 0; p < partnerCount; p++)
        {
            var org = new Organization { Name = $"Bench Partner {p + 1:D3}", Kind = OrganizationKind.SolutionProvider, CreatedUtc = now };
            var admin = NewUser(org.Id, $"admin{p + 1}@partner.bench", $"Admin {p + 1:D3}");
            var managers = Enumerable.Range(1, ManagersPerPartner)
                .Select(m => NewUser(org.Id, $"am{m}.{p + 1}@partner.bench", $"AM {m} of {p + 1:D3}"))
                .ToArray();
            partners.Add(new PartnerSeed(org, admin, managers));
        }

        await using (var db = await dbFactory.CreateSystemAsync(ct))
        {
            db.Organizations.Add(vendor);
            db.Organizations.AddRange(partners.Select(p => p.Organization));
            db.Set<CalendarDay>().AddRange(HolidaySeed.Days());
            await db.SaveChangesAsync(ct);

            // Users go in after their organizations (foreign key); no roles: the benchmark builds Actors directly.
            db.Users.Add(operatorUser);
            db.Users.AddRange(partners.SelectMany(p => p.Managers.Prepend(p.Admin)));
            await db.SaveChangesAsync(ct);
        }

        var pending = 0;
        var overdue = 0;
        for (var batchStart = 0; batchStart < rows; batchStart += BatchSize)
        {
            await using var db = await dbFactory.CreateSystemAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            for (var i = batchStart; i < Math.Min(rows, batchStart + BatchSize); i++)
            {
                var opportunity = NewOpportunity(i, partners[i % partnerCount], operatorUser.Id, now);
                if (opportunity.Status == OpportunityStatus.PendingAcceptance)
                {
                    pending++;
                    overdue += opportunity.DeadlineUtc <= now ? 1 : 0;
                }

                db.Opportunities.Add(opportunity);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var vendorActor = new Actor(operatorUser.Id, operatorUser.DisplayName, vendor.Id, OrganizationKind.Vendor, new HashSet<string> { AppRoles.VendorOperator }, RolePermissions.For(AppRoles.VendorOperator));
        var partnerAdmins = partners
            .Select(p => new Actor(p.Admin.Id, p.Admin.DisplayName, p.Organization.Id, OrganizationKind.SolutionProvider, new HashSet<string> { AppRoles.PartnerAdmin }, RolePermissions.For(AppRoles.PartnerAdmin)))
            .ToList();
        var users = 1 + partners.Count * (1 + ManagersPerPartner);
        return new SeededData(vendorActor, partnerAdmins, rows, pending, overdue, users, Stopwatch.GetElapsedTime(started));
    }

    private Opportunity NewOpportunity(int index, PartnerSeed partner, string sharedBy, DateTime now)
    {
        var roll = _random.NextDouble();
        var status = roll switch
        {
            < 0.20 => OpportunityStatus.PendingAcceptance,
            < 0.55 => OpportunityStatus.InProgress,
            < 0.70 => OpportunityStatus.Delivered,
            < 0.80 => OpportunityStatus.Lost,
            < 0.90 => OpportunityStatus.Rejected,
            _ => OpportunityStatus.AutoRejected,
        };

        // Deadlines are placed directly (not via the work calendar) so exactly the intended half of the pending rows
        // is overdue; future deadlines start an hour out so none expires while the benchmark runs.
        DateTime deadline;
        if (status == OpportunityStatus.PendingAcceptance)
        {
            deadline = _random.Next(2) == 0
                ? now - TimeSpan.FromMinutes(_random.Next(1, 20 * 24 * 60))
                : now + TimeSpan.FromMinutes(_random.Next(60, 3 * 24 * 60));
        }
        else
        {
            deadline = now - TimeSpan.FromMinutes(_random.Next(4 * 24 * 60, 365 * 24 * 60));
        }

        var sharedAt = deadline - TimeSpan.FromMinutes(_random.Next(3 * 24 * 60, 5 * 24 * 60));
        var stem = CustomerStems[_random.Next(CustomerStems.Length)];
        var city = Cities[_random.Next(Cities.Length)];
        var opportunity = new Opportunity
        {
            Number = $"OPP-B{index + 1:D7}",
            OrganizationId = partner.Organization.Id,
            CustomerName = $"{city} {stem} {index % 997}",
            Industry = OpportunityCatalog.Industries[_random.Next(OpportunityCatalog.Industries.Count)],
            Region = OpportunityCatalog.Regions[_random.Next(OpportunityCatalog.Regions.Count)],
            City = city,
            CloudServices = string.Join(';', OpportunityCatalog.CloudServices.OrderBy(_ => _random.Next()).Take(_random.Next(1, 5))),
            EstimatedAmountFen = _random.NextInt64(50_000_00, 50_000_000_00),
            ExpectedCloseDate = DateOnly.FromDateTime(sharedAt).AddDays(_random.Next(30, 240)),
            Description = $"{city} {stem} is evaluating a move of its core workloads to the cloud.",
            ContactName = ContactNames[_random.Next(ContactNames.Length)],
            ContactPhone = $"13{_random.Next(100_000_000, 999_999_999)}",
            Status = status,
            SharedByUserId = sharedBy,
            SharedAtUtc = sharedAt,
            DeadlineUtc = deadline,
            UpdatedAtUtc = sharedAt,
        };

        // Most accepted work has an account manager; some pending rows are pre-assigned, rejected ones never are.
        var assignShare = status switch
        {
            OpportunityStatus.PendingAcceptance => 0.25,
            OpportunityStatus.InProgress or OpportunityStatus.Delivered or OpportunityStatus.Lost => 0.8,
            _ => 0,
        };
        if (_random.NextDouble() < assignShare)
        {
            opportunity.AssignedToUserId = partner.Managers[_random.Next(partner.Managers.Count)].Id;
        }

        if (status != OpportunityStatus.PendingAcceptance)
        {
            Respond(opportunity, partner, status);
        }

        return opportunity;
    }

    private void Respond(Opportunity o, PartnerSeed partner, OpportunityStatus status)
    {
        var respondedAt = o.SharedAtUtc + TimeSpan.FromMinutes(_random.Next(10, 48 * 60));
        o.RespondedAtUtc = respondedAt;
        o.UpdatedAtUtc = respondedAt;
        o.Version = 1;
        switch (status)
        {
            case OpportunityStatus.InProgress:
                o.Stage = (ProgressStage)_random.Next((int)ProgressStage.Delivering + 1);
                o.RespondedByUserId = partner.Admin.Id;
                o.RespondedByName = partner.Admin.DisplayName;
                break;
            case OpportunityStatus.Delivered or OpportunityStatus.Lost:
                o.Stage = status == OpportunityStatus.Delivered ? ProgressStage.Delivered : ProgressStage.Lost;
                o.RespondedByUserId = partner.Admin.Id;
                o.RespondedByName = partner.Admin.DisplayName;
                o.ClosedAtUtc = respondedAt + TimeSpan.FromDays(_random.Next(10, 120));
                o.UpdatedAtUtc = o.ClosedAtUtc.Value;
                break;
            case OpportunityStatus.Rejected:
                o.RejectionReason = (RejectionReason)_random.Next((int)RejectionReason.Other + 1);
                o.RejectionNote = "Outside our delivery footprint this quarter.";
                o.RespondedByUserId = partner.Admin.Id;
                o.RespondedByName = partner.Admin.DisplayName;
                o.ClosedAtUtc = respondedAt;
                break;
            case OpportunityStatus.AutoRejected:
                o.RejectionReason = RejectionReason.DeadlinePassed;
                o.RespondedByName = AuditExtensions.SystemActorName;
                o.RespondedAtUtc = o.DeadlineUtc;
                o.ClosedAtUtc = o.DeadlineUtc;
                o.UpdatedAtUtc = o.DeadlineUtc;
                break;
        }
    }

    private static AppUser NewUser(Guid organizationId, string email, string displayName) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        DisplayName = displayName,
        OrganizationId = organizationId,
    };

    private sealed record PartnerSeed(Organization Organization, AppUser Admin, IReadOnlyList<AppUser> Managers);
}
