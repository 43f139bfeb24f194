using System.Globalization;
using BlazorPartner.Features.Opportunities;
using BlazorPartner.Core.Data;
using BlazorPartner.Platform.Database;
using BlazorPartner.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BlazorPartner.Tests.Features.Opportunities;

public class OpportunityExportTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    [Theory, MemberData(nameof(Providers))]
    public async Task Export_writes_every_row_of_the_filter_not_just_the_page_with_formats(DatabaseProvider provider)
    {
        await using var world = await TestWorld.CreateAsync(provider);
        for (var i = 1; i <= 30; i++)
        {
            await world.ShareAsync(customer: $"Export customer {i:D2}", amount: 1000m + i + 0.25m);
        }

        var rejected = await world.ShareAsync(customer: "Rejected one");
        await world.Workflow.RejectAsync(world.AdminA, rejected, RejectionReason.Duplicate, null);
        var query = new OpportunityQuery { Status = OpportunityStatus.PendingAcceptance, Sort = OpportunitySort.Customer, Take = 10 };
        var progressReports = new List<int>();

        using var file = new MemoryStream();
        var written = await world.Exporter.ExportAsync(world.AdminA, query, file, new SynchronousProgress(progressReports));

        Assert.Equal(30, written);
        Assert.Equal(30, progressReports[^1]);
        file.Position = 0;
        using var document = SpreadsheetDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var rows = sheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(31, rows.Count);

        var header = rows[0].Elements<Cell>().Select(Text).ToList();
        Assert.Equal("Number", header[0]);
        Assert.Equal("Customer", header[2]);
        Assert.Equal("Estimated amount (CNY)", header[7]);
        Assert.Equal("Shared at (GMT+08:00)", header[12]);

        var first = rows[1].Elements<Cell>().ToList();
        Assert.Equal("Export customer 01", Text(first[2]));
        Assert.Equal("Finance", Text(first[3]));
        Assert.Equal("East China", Text(first[4]));
        Assert.Equal("Elastic Cloud Server (ECS), Relational Database Service (RDS)", Text(first[6]));
        Assert.Equal("1001.25", first[7].CellValue!.Text);
        Assert.Equal("Pending acceptance", Text(first[9]));
        Assert.Equal("M*", Text(first[14])[..2]);
        Assert.Equal("138****5678", Text(first[15]));
        Assert.DoesNotContain(rows.Skip(1), r => Text(r.Elements<Cell>().ElementAt(2)) == "Rejected one");

        // Formats: bold white-on-blue header, #,##0.00 money, real dates.
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var numberFormats = styles.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value);
        var headerFormat = formats[(int)rows[0].Elements<Cell>().First().StyleIndex!.Value];
        Assert.NotNull(styles.Fonts!.Elements<Font>().ElementAt((int)headerFormat.FontId!.Value).Bold);
        Assert.Equal("#,##0.00", numberFormats[formats[(int)first[7].StyleIndex!.Value].NumberFormatId!.Value]);
        Assert.Equal("yyyy-mm-dd", numberFormats[formats[(int)first[8].StyleIndex!.Value].NumberFormatId!.Value]);
        Assert.Equal("yyyy-mm-dd hh:mm", numberFormats[formats[(int)first[12].StyleIndex!.Value].NumberFormatId!.Value]);
        var expectedClose = DateTime.FromOADate(double.Parse(first[8].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(new DateTime(2027, 3, 31), expectedClose);
        var sharedAtBeijing = DateTime.FromOADate(double.Parse(first[12].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(new DateTime(2026, 11, 16, 10, 0, 0), sharedAtBeijing, TimeSpan.FromSeconds(1));

        // Frozen header, autofilter over the whole table, explicit widths.
        var pane = sheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal("A1:P31", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.All(sheet.GetFirstChild<Columns>()!.Elements<Column>(), c => Assert.True(c.Width!.Value >= 10));
    }

    [Fact]
    public void File_name_carries_a_Beijing_timestamp()
    {
        var clock = TestClock.AtBeijing(2026, 11, 21, 9, 5);
        var exporter = new OpportunityExporter(null!, TestWorld.Localizer, clock);

        Assert.Equal("opportunities-20261121-090500.xlsx", exporter.FileName());
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
