using System.Globalization;
using BlazorPartner.Core.Data;
using BlazorPartner.Features.Billing;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using static BlazorPartner.Tests.Features.Billing.BillingTestData;

namespace BlazorPartner.Tests.Features.Billing;

public class BillExportTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Bill_lines_export_writes_every_line_into_a_valid_workbook(DatabaseProvider provider)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            await using var world = await TestWorld.CreateAsync(provider);
            var c1 = await world.CustomerAsync("Export Customer");
            // More lines than any grid page: the export has no row cap.
            await using (var db = await world.Factory.CreateSystemAsync())
            {
                for (var i = 1; i <= 1_234; i++)
                {
                    db.ConsumptionRecords.Add(new ConsumptionRecord
                    {
                        OrganizationId = world.PartnerA, CustomerId = c1, Day = new DateOnly(2026, 10, 1 + (i % 28)), ProductCode = "ECS", ServiceType = "Compute",
                        Region = "cn-north-4", ChargeMode = ChargeMode.OnDemand, ResourceId = $"r-{i:D4}", ListPriceFen = 1_000 + i, DiscountFen = 100, AmountDueFen = 900 + i,
                    });
                }

                await db.SaveChangesAsync();
            }

            await world.Get<BillGeneration>().RunOnceAsync();
            var export = world.BillExport();
            var parameters = new BillExportParameters(world.PartnerA, "2026-10").ToJson();
            Assert.Equal(1_234, await export.CountAsync(world.FinanceA, parameters, default));
            var reports = new List<int>();

            using var file = new MemoryStream();
            var written = await export.WriteAsync(world.FinanceA, parameters, file, new SynchronousProgress(reports), default);

            Assert.Equal(1_234, written);
            Assert.Equal(1_234, reports[^1]);
            Assert.Equal("bill-lines-2026-10.xlsx", export.FileName(parameters, DateTime.UtcNow));
            file.Position = 0;
            using var document = SpreadsheetDocument.Open(file, false);
            Assert.Empty(new OpenXmlValidator().Validate(document));
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
            Assert.Equal(1_235, rows.Count);
            var header = rows[0].Elements<Cell>().Select(Text).ToList();
            Assert.Equal(["Customer", "Product", "Service type", "Region", "Charge mode", "Resource ID", "List price (CNY)", "Discount (CNY)", "Amount due (CNY)", "Days"], header);
            var first = rows[1].Elements<Cell>().ToList();
            Assert.Equal("E******", Text(first[0]));
            Assert.Equal("On demand", Text(first[4]));
            Assert.Equal("r-1234", Text(first[5]));
            Assert.Equal("22.34", first[6].CellValue!.Text);
            Assert.Equal("1", first[7].CellValue!.Text);
            Assert.Equal("21.34", first[8].CellValue!.Text);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
