using BlazorPartner.Core.Auditing;
using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Identity;
using BlazorPartner.Core.Time;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace BlazorPartner.Features.Opportunities;

/// <summary>
/// ~60 opportunities in every status for Partner A and a few for Partner B, laid out relative to "now" so the pending
/// tab always shows deadlines close to and past their end.
/// </summary>
public sealed class OpportunityDemoData(IDbContextFactory<AppDbContext> dbFactory, WorkCalendarService calendarService) : IDemoData
{
    private static readonly string[] CustomerStems =
    [
        "Beijing Smart Logistics", "Shenzhen Robotics", "Chengdu Game Studio", "Wuhan Optics", "Nanjing Bio Labs",
        "Xi'an Aerospace Parts", "Suzhou Textiles", "Qingdao Brewery", "Tianjin Port Services", "Changsha Media",
        "Xiamen Travel", "Kunming Tea Trading", "Dalian Shipping", "Hefei Display Tech", "Guangzhou Auto Parts",
    ];

    private static readonly string[] Cities = ["Beijing", "Shenzhen", "Chengdu", "Wuhan", "Nanjing", "Xi'an", "Suzhou", "Qingdao", "Tianjin", "Changsha", "Xiamen", "Kunming", "Dalian", "Hefei", "Guangzhou"];
    private static readonly string[] Regions = ["NorthChina", "SouthChina", "SouthwestChina", "CentralChina", "EastChina", "NorthwestChina", "EastChina", "NorthChina", "NorthChina", "CentralChina", "SouthChina", "SouthwestChina", "NortheastChina", "EastChina", "SouthChina"];

    public int Order => 100;

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var calendar = await calendarService.GetCalendarAsync(ct);
        var random = new Random(20261121);
        var now = demo.NowUtc;
        var operatorUser = demo.User(DemoAccounts.VendorOperator);
        var adminA = demo.User(DemoAccounts.PartnerAAdmin);
        var adminB = demo.User(DemoAccounts.PartnerBAdmin);
        var managers = new[] { demo.User(DemoAccounts.PartnerAManager1), demo.User(DemoAccounts.PartnerAManager2), demo.User(DemoAccounts.PartnerASupervisor) };
        await using var db = await dbFactory.CreateSystemAsync(ct);
        for (var i = 0; i < 60; i++)
        {
            var plan = PlanFor(i);
            var assignee = plan.Assigned ? managers[i % managers.Length] : null;
            var opportunity = NewOpportunity(i, demo.PartnerA.Id, true, operatorUser.Id, assignee?.Id, plan, now, calendar, random);
            AddHistory(db, opportunity, plan, adminA, assignee ?? adminA, now);
        }

        for (var i = 0; i < 8; i++)
        {
            var plan = PlanFor(i * 7);
            var opportunity = NewOpportunity(100 + i, demo.PartnerB.Id, false, operatorUser.Id, null, plan, now, calendar, random);
            AddHistory(db, opportunity, plan, adminB, adminB, now);
        }

        await db.SaveChangesAsync(ct);
    }

    private static Opportunity NewOpportunity(int index, Guid organizationId, bool ofPartnerA, string sharedBy, string? assignedTo, SeedPlan plan, DateTime nowUtc, WorkingDayCalendar workCalendar, Random rng)
    {
        var stem = index % CustomerStems.Length;
        var sharedAt = SharedAt(plan.WorkingDaysAgo, nowUtc, workCalendar).AddMinutes(-rng.Next(0, 300));
        var customer = plan.Customer ?? $"{CustomerStems[stem]} {(char)('A' + (index / CustomerStems.Length))}";
        return new Opportunity
        {
            Number = $"OPP-{BeijingTime.ToBeijing(sharedAt):yyMMdd}-{index + 1:D4}{(ofPartnerA ? "A" : "B")}",
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
        Audit(db, o, DemoAccounts.VendorOperatorName, OpportunityAuditActions.Share, null, new { o.Number, o.CustomerName, o.EstimatedAmountFen, o.DeadlineUtc }, o.SharedAtUtc);
        if (plan.Status == OpportunityStatus.PendingAcceptance)
        {
            return;
        }

        var respondedAt = o.SharedAtUtc.AddHours(5);
        var pending = new { Status = OpportunityStatus.PendingAcceptance };
        switch (plan.Status)
        {
            case OpportunityStatus.Rejected:
                var reason = (RejectionReason)(o.Number.Length % 4);
                o.Reject(admin.Id, admin.DisplayName, reason, "Outside our delivery footprint this quarter.", respondedAt);
                Audit(db, o, admin.DisplayName, OpportunityAuditActions.Reject, pending, new { o.Status, Reason = reason }, respondedAt, reason: o.RejectionNote);
                return;
            case OpportunityStatus.AutoRejected:
                o.Reject(null, AuditExtensions.SystemActorName, RejectionReason.DeadlinePassed, null, o.DeadlineUtc);
                Audit(db, o, AuditExtensions.SystemActorName, OpportunityAuditActions.AutoReject, pending, new { o.Status, o.DeadlineUtc }, o.DeadlineUtc,
                    reasonKey: OpportunityAutoRejecter.AutoRejectReasonKey);
                return;
        }

        var accepted = o.Accept(admin.Id, admin.DisplayName, respondedAt);
        Audit(db, o, admin.DisplayName, OpportunityAuditActions.Accept, pending, new { o.Status, o.Stage }, respondedAt);
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

            if (stage == ProgressStage.Contacting)
            {
                accepted.AtUtc = at;
                db.OpportunityProgress.Add(accepted);
                continue;
            }

            db.OpportunityProgress.Add(o.MoveTo(stage, NoteFor(stage), worker.Id, worker.DisplayName, at));
        }
    }

    private static string NoteFor(ProgressStage stage) => stage switch
    {
        ProgressStage.Solution => "Solution workshop held with the customer's IT team.",
        ProgressStage.Bidding => "Bid submitted.",
        ProgressStage.Contract => "Contract in legal review.",
        ProgressStage.Delivering => "Migration wave 1 started.",
        ProgressStage.Delivered => "Go-live completed.",
        ProgressStage.Lost => "Customer chose to stay on premises.",
        _ => "Contacted the customer.",
    };

    // Stamped at a past time, so not through db.Audit (which uses "now"); the same serializer keeps the format one.
    private static void Audit(AppDbContext db, Opportunity o, string actorName, string action, object? before, object? after, DateTime at, string? reason = null, string? reasonKey = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OrganizationId = o.OrganizationId, ActorName = actorName, EntityType = nameof(Opportunity), EntityId = o.Id.ToString(), Action = action,
            Before = AuditExtensions.Serialize(before), After = AuditExtensions.Serialize(after), Reason = reason, ReasonKey = reasonKey, AtUtc = at,
        });
}
