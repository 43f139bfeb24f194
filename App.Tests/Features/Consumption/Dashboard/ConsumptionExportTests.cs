using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Consumption.Dashboard;
using BlazorPartner.Platform.Database;
using BlazorPartner.Platform.Exports;
using BlazorPartner.Tests.Features.Customers;
using BlazorPartner.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using static BlazorPartner.Tests.Features.Consumption.ConsumptionTestData;

namespace BlazorPartner.Tests.Features.Consumption.Dashboard;

/// <summary>"Export what is shown": the summary sheets and the detail sheet in one valid workbook.</summary>
public class ConsumptionExportTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task R32_export_writes_the_summary_sheets_and_the_drilled_detail(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var customer = await world.AddCustomerAsync("导出客户", world.Manager1A, associatedAtUtc: BeijingUtc(2026, 1, 1));
        var other = await world.AddCustomerAsync("其他客户", world.Manager2A, associatedAtUtc: BeijingUtc(2026, 1, 1));
        await world.AddDailyAsync(customer, new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31), 123, "ECS", subUser: "ops");
        await world.AddDailyAsync(other, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 10), 50, "OBS", ChargeMode.SavingsPlan);
        await world.RebuildAsync();
        var export = world.Get<ConsumptionDashboardExport>();
        Assert.Contains(world.Get<IEnumerable<IExportDefinition>>(), d => d.Kind == "consumption.dashboard");
        var parameters = ConsumptionDashboardExport.ParametersOf(new ConsumptionDetailQuery
        {
            Filter = new ConsumptionFilter { FromMonth = new DateOnly(2026, 9, 1), ToMonth = new DateOnly(2026, 10, 1) },
            DrillDown = new ConsumptionDrillDown { Month = new DateOnly(2026, 10, 1), ProductCode = "ECS" },
            SubUserAccount = "ops",
            Skip = 40,
            Take = 20,
        });

        Assert.Equal(31, await export.CountAsync(world.FinanceA, parameters, default));
        using var file = new MemoryStream();
        var reports = new List<int>();
        var written = await export.WriteAsync(world.FinanceA, parameters, file, new SynchronousProgress(reports), default);

        Assert.Equal(31, written);
        Assert.Equal(31, reports[^1]);
        file.Position = 0;
        using var document = SpreadsheetDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["KPIs", "Trend", "Top products", "Top customers", "By account manager", "Detail"], sheets.Select(s => s.Name!.Value));
        List<Row> RowsOf(int index) => ((WorksheetPart)workbook.GetPartById(sheets[index].Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

        Assert.Equal(6, RowsOf(0).Count);                      // header + this month, last month, MoM, YoY, range total
        Assert.Equal(4, RowsOf(1).Count);                      // header + Sept on-demand, Oct on-demand, Oct savings plan
        Assert.Equal(3, RowsOf(2).Count);                      // ECS, OBS
        Assert.Equal(3, RowsOf(3).Count);
        Assert.Equal(3, RowsOf(4).Count);
        var detail = RowsOf(5);
        Assert.Equal(32, detail.Count);                        // every drilled row, not the page
        Assert.Equal(["Day (GMT+08:00)", "Customer", "Product", "Service type", "Region", "Charge mode", "Resource ID", "Sub-user account", "List price (CNY)", "Discount (CNY)", "Amount due (CNY)", "Account manager"],
            detail[0].Elements<Cell>().Select(Text));
        var first = detail[1].Elements<Cell>().ToList();
        Assert.Equal("1.23", first[10].CellValue!.Text);
        Assert.Equal("ops", Text(first[7]));
        Assert.Equal("Manager One", Text(first[11]));
        Assert.DoesNotContain("导出客户", Text(first[1]));    // masked
        var trend = RowsOf(1)[1].Elements<Cell>().ToList();
        Assert.Equal("2026-09", Text(trend[0]));
        Assert.Equal("On-demand", Text(trend[1]));
        Assert.Equal("36.9", trend[2].CellValue!.Text);        // 30 days × 1.23 yuan
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R3_an_account_managers_export_holds_only_their_rows_and_the_vendor_must_pick_a_partner(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        var mine = await world.AddCustomerAsync("我的客户", world.Manager1A, associatedAtUtc: BeijingUtc(2026, 1, 1));
        var theirs = await world.AddCustomerAsync("别人的客户", world.Manager2A, associatedAtUtc: BeijingUtc(2026, 1, 1));
        await world.AddDailyAsync(mine, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 3), 10);
        await world.AddDailyAsync(theirs, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 5), 10);
        await world.RebuildAsync();
        var export = world.Get<ConsumptionDashboardExport>();
        var all = ConsumptionDashboardExport.ParametersOf(new ConsumptionDetailQuery());

        Assert.Equal(3, await export.CountAsync(world.Manager1A, all, default));
        Assert.Equal(8, await export.CountAsync(world.AdminA, all, default));
        await Assert.ThrowsAsync<ValidationException>(() => export.AuthorizeAsync(world.Vendor, all, default));
        await Assert.ThrowsAsync<ValidationException>(() => export.AuthorizeAsync(world.AdminA, "{not json", default));
        var forA = ConsumptionDashboardExport.ParametersOf(new ConsumptionDetailQuery { Filter = new() { PartnerId = world.PartnerA } });
        Assert.Equal(8, await export.CountAsync(world.Vendor, forA, default));
        Assert.Equal(0, await export.CountAsync(world.AdminB, forA, default));
        var noExport = world.FinanceA with { Permissions = new HashSet<string> { ConsumptionPermissions.View } };
        await Assert.ThrowsAsync<AccessDeniedException>(() => export.AuthorizeAsync(noExport, all, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => export.WriteAsync(noExport, all, new MemoryStream(), new Progress<int>(), default));
    }

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
}
