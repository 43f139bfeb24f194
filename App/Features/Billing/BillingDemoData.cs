using BlazorPartner.Core.Data;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlazorPartner.Features.Billing;

/// <summary>
/// Bills of partners A, B and C for every past month of the window whose bill is due, made by <see cref="BillGeneration"/>
/// itself from the demo consumption, after a refund and an adjustment recorded for partner A's latest due month (so its
/// summary shows all four parts of the amount due).
/// </summary>
public sealed class BillingDemoData(IDbContextFactory<AppDbContext> dbFactory, BillGeneration generation, IOptions<BillingOptions> options, TimeProvider time) : IDemoData
{
    public int Order => 60;

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var due = BillSchedule.DuePeriods(demo.NowUtc, options.Value);
        var adjusted = due.Count > 0 ? due[^1] : ConsumptionWindow.CurrentMonth(demo.NowUtc).AddMonths(-1);
        await using (var db = await dbFactory.CreateSystemAsync(ct))
        {
            var now = time.GetUtcNow().UtcDateTime;
            db.BillAdjustments.AddRange(
                new BillAdjustment
                {
                    OrganizationId = demo.PartnerA.Id, Period = adjusted, Kind = BillAdjustmentKind.Refund, AmountFen = -12_800,
                    Reason = "ECS instance billed twice on the 3rd", RecordedByName = "Vendor", RecordedAtUtc = now,
                },
                new BillAdjustment
                {
                    OrganizationId = demo.PartnerA.Id, Period = adjusted, Kind = BillAdjustmentKind.Adjustment, AmountFen = 5_000,
                    Reason = "OBS storage under-billed last month", RecordedByName = "Vendor", RecordedAtUtc = now,
                });
            await db.SaveChangesAsync(ct);
        }

        var runId = "demo-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var period in due)
        {
            foreach (var partner in new[] { demo.PartnerA.Id, demo.PartnerB.Id, demo.PartnerC.Id })
            {
                await generation.GenerateAsync(partner, period, runId, ct);
            }
        }
    }
}
