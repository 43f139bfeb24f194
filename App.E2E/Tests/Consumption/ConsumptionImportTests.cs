using System.Text;
using BlazorPartner.Core.Data;
using BlazorPartner.Core.Time;
using BlazorPartner.E2E.Infrastructure;
using BlazorPartner.E2E.Pages.Consumption;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace BlazorPartner.E2E.Tests.Consumption;

/// <summary>The vendor operator imports a consumption file with one bad row (issue 7 §1, §8).</summary>
[Collection(E2ECollection.Name)]
public sealed class ConsumptionImportTests(E2EHost host, VendorOperatorSession session) : IClassFixture<VendorOperatorSession>
{
    private static long s_creditCodes = 930_000_000 + Random.Shared.Next(1_000_000) * 100L;

    [Fact]
    public Task Operator_uploads_a_csv_with_one_bad_row_sees_the_error_report_and_imports_the_valid_rows() => session.RunAsync(async page =>
    {
        var factory = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Guid customerId;
        string code;
        await using (var db = await factory.CreateSystemAsync())
        {
            var partner = await db.Organizations.Where(o => o.Name == DemoAccounts.PartnerAName).Select(o => o.Id).SingleAsync();
            code = CustomerFactory.CreditCodeFor(Interlocked.Increment(ref s_creditCodes));
            var (customer, _) = CustomerFactory.Associated(partner, $"E2E Import {code[^6..]} Co.", code, AssociationMode.Resale, null, DateTime.UtcNow.AddDays(-60));
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            customerId = customer.Id;
        }

        var yesterday = BeijingTime.DateOf(DateTime.UtcNow).AddDays(-1);
        var csv = new StringBuilder("CustomerCreditCode,Day,ProductCode,ServiceType,Region,ChargeMode,ResourceId,SubUserAccount,ListPrice,Discount,AmountDue\n");
        csv.Append($"{code},{yesterday:yyyy-MM-dd},ECS,Compute,cn-north-4,按需,ecs-e2e-1,,100.00,10.00,90.00\n");
        csv.Append($"{code},{yesterday.AddDays(-1):yyyy-MM-dd},RDS,Database,cn-north-4,OnDemand,rds-e2e-1,ops,50.00,0,50.00\n");
        csv.Append($"{code},{yesterday:yyyy-MM-dd},ECS,Compute,cn-north-4,OnDemand,ecs-e2e-2,,10.00,1.00,8.00\n");

        var import = new ConsumptionImportPage(page);
        await import.GotoAsync();
        await import.UploadAsync("e2e-consumption.csv", Encoding.UTF8.GetBytes(csv.ToString()));

        await Expect(import.Counts).ToHaveTextAsync("3 rows: 2 valid, 1 with errors", new() { Timeout = 30_000 });
        await Expect(import.Errors.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(import.Errors).ToContainTextAsync("The amount due is not the list price minus the discount.");
        await Expect(import.Errors).ToContainTextAsync("8.00");

        var download = await page.RunAndWaitForDownloadAsync(() => import.DownloadReport.ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.True(new FileInfo(path!).Length > 0);

        await Expect(import.ImportValidOnly).ToBeDisabledAsync();
        await import.ValidOnlyChoice.ClickAsync();
        await import.ImportValidOnly.ClickAsync();

        await Expect(import.Outcome).ToContainTextAsync("Import completed: 2 rows added, 0 already present and skipped.", new() { Timeout = 30_000 });
        await using var check = await factory.CreateSystemAsync();
        Assert.Equal(2, await check.ConsumptionRecords.CountAsync(r => r.CustomerId == customerId));
    });

    [Fact]
    public Task A_file_of_the_wrong_type_is_refused_with_a_clear_message() => session.RunAsync(async page =>
    {
        var import = new ConsumptionImportPage(page);
        await import.GotoAsync();
        await import.UploadAsync("notes.txt", "hello"u8.ToArray());
        await Expect(import.UploadError).ToContainTextAsync("Choose a .csv or .xlsx file.");
    });
}
