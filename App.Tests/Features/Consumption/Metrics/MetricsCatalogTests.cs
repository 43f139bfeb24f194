using BlazorPartner.Core.Errors;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Consumption.Metrics;
using BlazorPartner.Features.Customers;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Features.Customers;
using BlazorPartner.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using static BlazorPartner.Tests.Features.Consumption.ConsumptionTestData;

namespace BlazorPartner.Tests.Features.Consumption.Metrics;

/// <summary>R35 metrics on known data; the clock is 2026-11-16 (Q4 2026), the window starts 2025-06.</summary>
public class MetricsCatalogTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static readonly MetricQuarter Q3 = new(2026, 3);

    private static async Task SeedAsync(TestWorld world)
    {
        var resale = await world.AddCustomerAsync("代售", world.Manager1A, associatedAtUtc: BeijingUtc(2026, 7, 1));
        var consultative = await world.AddCustomerAsync("顾问", world.Manager2A, mode: AssociationMode.Consultative, associatedAtUtc: BeijingUtc(2026, 9, 30, 23));
        var idle = await world.AddCustomerAsync("闲置", world.Manager2A, mode: AssociationMode.Consultative, associatedAtUtc: BeijingUtc(2026, 6, 30, 23));
        await world.AddCustomerAsync("十月客户", world.Manager2A, associatedAtUtc: BeijingUtc(2026, 10, 1));
        await world.AddDailyAsync(resale, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 10), 1000);          // Q3 resale 10,000 fen
        await world.AddDailyAsync(consultative, new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 15), 1000);    // Q3 consultative 15,000
        await world.AddDailyAsync(idle, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 12), 1000);            // Q2 consultative 12,000
        await world.RebuildAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R35_metrics_of_a_quarter_on_known_data(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await SeedAsync(world);

        var rows = (await world.Get<MetricsCatalog>().ComputeAsync(world.FinanceA, null, Q3)).Rows.ToDictionary(r => r.Code);
        Assert.Equal(25_000, rows[MetricsCatalog.TotalConsumption].Money!.Value.Fen);
        Assert.Equal(10_000, rows[MetricsCatalog.ResaleConsumption].Money!.Value.Fen);
        Assert.Equal(15_000, rows[MetricsCatalog.ConsultativeConsumption].Money!.Value.Fen);
        Assert.Equal(25.0m, rows[MetricsCatalog.ConsultativeGrowth].Percent);                      // (15,000 − 12,000) ÷ 12,000
        Assert.Equal(2, rows[MetricsCatalog.NewCustomers].Count);                                  // 1 July and 30 September 23:00 Beijing
        Assert.Equal(2, rows[MetricsCatalog.ActiveCustomers].Count);
        Assert.All(rows.Values, r => Assert.Equal("2026-Q3", r.PeriodLabel));

        var q2 = (await world.Get<MetricsCatalog>().ComputeAsync(world.FinanceA, null, new MetricQuarter(2026, 2))).Rows.ToDictionary(r => r.Code);
        Assert.Null(q2[MetricsCatalog.ConsultativeGrowth].Percent);                                // zero base in Q1
        Assert.Equal(1, q2[MetricsCatalog.NewCustomers].Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R35_metrics_are_the_partners_own_need_the_permission_and_a_quarter_in_the_window(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await SeedAsync(world);
        var catalog = world.Get<MetricsCatalog>();

        Assert.Equal(0, (await catalog.ComputeAsync(world.AdminB, world.PartnerA, Q3)).Rows.Single(r => r.Code == MetricsCatalog.TotalConsumption).Money!.Value.Fen);
        Assert.Equal(25_000, (await catalog.ComputeAsync(world.Vendor, world.PartnerA, Q3)).Rows.Single(r => r.Code == MetricsCatalog.TotalConsumption).Money!.Value.Fen);
        await Assert.ThrowsAsync<ValidationException>(() => catalog.ComputeAsync(world.Vendor, null, Q3));
        await Assert.ThrowsAsync<AccessDeniedException>(() => catalog.ComputeAsync(world.Manager1A, null, Q3));
        await Assert.ThrowsAsync<ValidationException>(() => catalog.ComputeAsync(world.FinanceA, null, new MetricQuarter(2024, 4)));
        Assert.Equal(new MetricQuarter(2026, 4), catalog.Quarters()[0]);
        Assert.Equal(new MetricQuarter(2025, 2), catalog.Quarters()[^1]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task R35_metrics_export_is_one_valid_sheet_with_every_metric(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        await SeedAsync(world);
        var export = world.Get<MetricsExport>();
        var parameters = MetricsExport.ParametersOf(new MetricsExportRequest(null, 2026, 3));

        using var file = new MemoryStream();
        var written = await export.WriteAsync(world.FinanceA, parameters, file, new Progress<int>(), default);

        Assert.Equal(6, written);
        file.Position = 0;
        using var document = SpreadsheetDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(7, rows.Count);
        Assert.Equal(["Code", "Metric", "Statistic method", "Statistic period", "Reconciliation period", "Value"], rows[0].Elements<Cell>().Select(c => c.InnerText));
        Assert.Contains(rows, r => r.Elements<Cell>().Last().InnerText == "25.0%");
        Assert.Contains(rows, r => r.Elements<Cell>().Last().InnerText == "¥150.00");
        await Assert.ThrowsAsync<AccessDeniedException>(() => export.AuthorizeAsync(world.Manager1A, parameters, default));
    }
}
