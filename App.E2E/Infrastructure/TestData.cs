using BlazorPartner.Core.Data;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Platform.Identity;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlazorPartner.E2E.Infrastructure;

/// <summary>
/// Rows a test arranges for itself through the running app's own services (the vendor operator shares them), so tests
/// never depend on, or change, the demo rows other tests and tours look at.
/// </summary>
public static class TestData
{
    /// <summary>A customer name no other test uses.</summary>
    public static string UniqueCustomer(string label) => $"{label} {Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()} Co.";

    /// <summary>Shares a fresh pending opportunity with a demo partner (Partner A by default); returns its number.</summary>
    public static async Task<string> SharePendingAsync(this E2EHost host, string customer, string partnerName = DemoAccounts.PartnerAName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Guid partnerId;
        string operatorId;
        await using (var db = await dbFactory.CreateSystemAsync())
        {
            partnerId = await db.Organizations.Where(o => o.Name == partnerName).Select(o => o.Id).SingleAsync();
            operatorId = await db.Users.Where(u => u.Email == DemoAccounts.VendorOperator).Select(u => u.Id).SingleAsync();
        }

        var vendor = await services.GetRequiredService<ActorDirectory>().LoadAsync(operatorId);
        var id = await services.GetRequiredService<OpportunitySharing>().ShareAsync(vendor, new ShareOpportunityInput
        {
            PartnerOrganizationId = partnerId,
            CustomerName = customer,
            Industry = "Finance",
            Region = "EastChina",
            City = "Shanghai",
            CloudServices = ["ECS"],
            EstimatedAmount = 250000m,
            ExpectedCloseDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3),
            ContactName = "Ma Jun",
            ContactPhone = "13812345678",
        });
        await using var read = await dbFactory.CreateSystemAsync();
        return await read.Opportunities.Where(o => o.Id == id).Select(o => o.Number).SingleAsync();
    }
}
