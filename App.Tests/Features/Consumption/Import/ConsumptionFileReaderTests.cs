using System.Text;
using BlazorPartner.Features.Consumption;
using BlazorPartner.Features.Consumption.Import;
using BlazorPartner.Features.Customers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BlazorPartner.Tests.Features.Consumption.Import;

/// <summary>Reading CSV and XLSX files, and each row rule of <see cref="ConsumptionRowValidator"/>.</summary>
public class ConsumptionFileReaderTests
{
    public const string Header = "CustomerCreditCode,Day,ProductCode,ServiceType,Region,ChargeMode,ResourceId,SubUserAccount,ListPrice,Discount,AmountDue";
    private static readonly DateTime Now = new(2026, 11, 16, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ImportCustomer Known = new(Guid.NewGuid(), Guid.NewGuid(), AssociationMode.Resale);
    private const string Code = "91110000000000001X";

    private static List<ConsumptionFileRow> ReadCsv(string text) =>
        ConsumptionFileReader.Read(new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray()), ConsumptionFileKind.Csv).ToList();

    [Fact]
    public void Csv_reads_quoted_fields_with_commas_quotes_and_line_breaks_and_skips_blank_rows()
    {
        var rows = ReadCsv(Header + "\r\n" +
            $"{Code},2026-11-01,ECS,Compute,cn-north-4,按需,\"ecs-1,a\",\"dev \"\"x\"\"\",10.00,1.50,8.50\r\n" +
            "\r\n" +
            $"{Code},2026-11-02,ECS,Compute,\"cn-north-4\",OnDemand,\"multi\nline\",,10,0,10");

        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows[0].RowNumber);
        Assert.Equal("ecs-1,a", rows[0].Cells[6]);
        Assert.Equal("dev \"x\"", rows[0].Cells[7]);
        Assert.Equal("multi\nline", rows[1].Cells[6]);
        Assert.Equal(4, rows[1].RowNumber);
    }

    [Fact]
    public void Csv_finds_columns_by_name_in_any_order_and_accepts_the_chinese_headers()
    {
        var rows = ReadCsv("应付金额,折扣,原价,资源ID,计费模式,区域,服务类型,产品编码,日期,客户统一社会信用代码\n8.50,1.50,10.00,r1,包年/包月,cn-east-3,Compute,ECS,2026-11-01," + Code);

        var row = Assert.Single(rows);
        Assert.Equal(Code, row.Cells[0]);
        Assert.Equal("8.50", row.Cells[10]);
        Assert.Null(row.Cells[7]);
    }

    [Fact]
    public void A_file_without_a_required_column_is_refused_as_a_whole()
    {
        var error = Assert.Throws<ConsumptionFileException>(() => ReadCsv("CustomerCreditCode,Day\n" + Code + ",2026-11-01"));
        Assert.Equal("ConsumptionImport.File.MissingColumn", error.ResourceKey);
        Assert.Equal("ProductCode", error.Argument);
    }

    [Fact]
    public void Xlsx_reads_shared_and_inline_strings_numbers_and_excel_dates_with_sax()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(Header.Split(',').Select(h => new SharedStringItem(new Text(h))));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(new Row(Header.Split(',').Select((_, i) => new Cell { CellReference = $"{(char)('A' + i)}1", DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString()) })) { RowIndex = 1 });
            Cell Inline(string reference, string text) => new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
            Cell Number(string reference, string value) => new() { CellReference = reference, CellValue = new CellValue(value) };
            data.Append(new Row(
                Inline("A2", Code),
                Number("B2", "46327"), // 2026-11-01 as an Excel serial date
                Inline("C2", "RDS"),
                Inline("D2", "Database"),
                Inline("E2", "cn-east-3"),
                Inline("F2", "节省计划"),
                Inline("G2", "rds-1"),
                Number("I2", "12.300000000000001"),
                Number("J2", "0"),
                Number("K2", "12.3")) { RowIndex = 2 });
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" }));
        }

        stream.Position = 0;
        var row = Assert.Single(ConsumptionFileReader.Read(stream, ConsumptionFileKind.Xlsx).ToList());
        Assert.Equal(2, row.RowNumber);
        Assert.Equal(Code, row.Cells[0]);
        Assert.Null(row.Cells[7]);

        var record = Validator().Validate(row, []);
        Assert.NotNull(record);
        Assert.Equal(new DateOnly(2026, 11, 1), record.Day);
        Assert.Equal(1_230, record.ListPriceFen);
        Assert.Equal(1_230, record.AmountDueFen);
        Assert.Equal(ChargeMode.SavingsPlan, record.ChargeMode);
        Assert.Equal("", record.SubUserAccount);
    }

    [Fact]
    public void Not_a_workbook_is_a_file_error()
    {
        var error = Assert.Throws<ConsumptionFileException>(() => ConsumptionFileReader.Read(new MemoryStream("not a zip"u8.ToArray()), ConsumptionFileKind.Xlsx).ToList());
        Assert.Equal("ConsumptionImport.File.NotAWorkbook", error.ResourceKey);
    }

    private static ConsumptionRowValidator Validator() =>
        new(new Dictionary<string, ImportCustomer> { [Code] = Known }, Now);

    private static ConsumptionFileRow Row(Action<string?[]> change)
    {
        string?[] cells = [Code, "2026-11-01", "ECS", "Compute", "cn-north-4", "OnDemand", "ecs-1", "", "10.00", "1.50", "8.50"];
        change(cells);
        return new ConsumptionFileRow(7, cells);
    }

    [Fact]
    public void A_valid_row_becomes_a_record_in_fen()
    {
        var record = Validator().Validate(Row(_ => { }), []);
        Assert.NotNull(record);
        Assert.Equal(Known.CustomerId, record.CustomerId);
        Assert.Equal(Known.OrganizationId, record.OrganizationId);
        Assert.Equal((1_000, 150, 850), (record.ListPriceFen, record.DiscountFen, record.AmountDueFen));
        Assert.Equal(ChargeMode.OnDemand, record.ChargeMode);
    }

    [Theory]
    [InlineData(0, "", "ConsumptionImport.Error.Required")]
    [InlineData(0, "91110000000000002X", "ConsumptionImport.Error.UnknownCustomer")]
    [InlineData(1, "2026/11/01", "ConsumptionImport.Error.DayFormat")]
    [InlineData(1, "2025-05-31", "ConsumptionImport.Error.DayTooOld")]
    [InlineData(1, "2026-11-17", "ConsumptionImport.Error.DayInFuture")]
    [InlineData(2, "XYZ", "ConsumptionImport.Error.UnknownProduct")]
    [InlineData(3, "Storage", "ConsumptionImport.Error.ServiceTypeMismatch")]
    [InlineData(4, "", "ConsumptionImport.Error.Required")]
    [InlineData(5, "Monthly", "ConsumptionImport.Error.UnknownChargeMode")]
    [InlineData(6, "", "ConsumptionImport.Error.Required")]
    [InlineData(7, "a-sub-user-account-name-that-is-much-longer-than-sixty-four-characters-x", "ConsumptionImport.Error.TooLong")]
    [InlineData(8, "ten", "ConsumptionImport.Error.AmountFormat")]
    [InlineData(8, "10.001", "ConsumptionImport.Error.AmountDecimals")]
    [InlineData(9, "-1.50", "ConsumptionImport.Error.AmountNegative")]
    [InlineData(10, "8.49", "ConsumptionImport.Error.AmountMismatch")]
    public void Each_rule_reports_the_row_the_column_a_coded_message_and_the_raw_value(int column, string value, string code)
    {
        var errors = new List<ConsumptionRowError>();
        var record = Validator().Validate(Row(cells => cells[column] = value), errors);

        Assert.Null(record);
        var error = Assert.Single(errors, e => e.Code == code);
        Assert.Equal(7, error.RowNumber);
        Assert.Equal(ConsumptionColumns.All[column], error.Column);
        Assert.Equal(value, error.RawValue);
    }

    [Theory]
    [InlineData("包年/包月", ChargeMode.YearlyMonthly)]
    [InlineData("按需", ChargeMode.OnDemand)]
    [InlineData("节省计划", ChargeMode.SavingsPlan)]
    [InlineData("yearlymonthly", ChargeMode.YearlyMonthly)]
    public void Charge_modes_are_accepted_by_code_or_chinese_label(string text, ChargeMode expected)
    {
        Assert.Equal(expected, Validator().Validate(Row(cells => cells[5] = text), [])!.ChargeMode);
    }

    [Fact]
    public void R33_the_window_starts_at_the_first_day_of_the_oldest_month_and_today_is_allowed()
    {
        var validator = Validator();
        Assert.NotNull(validator.Validate(Row(cells => cells[1] = "2025-06-01"), []));
        Assert.NotNull(validator.Validate(Row(cells => cells[1] = "2026-11-16"), []));
    }

    [Fact]
    public void A_natural_key_repeated_in_the_file_is_an_error_on_the_later_row()
    {
        var validator = Validator();
        var errors = new List<ConsumptionRowError>();
        Assert.NotNull(validator.Validate(Row(_ => { }), errors));
        Assert.NotNull(validator.Validate(Row(cells => cells[7] = "ops"), errors));
        var later = new ConsumptionFileRow(9, Row(_ => { }).Cells);
        Assert.Null(validator.Validate(later, errors));
        var error = Assert.Single(errors);
        Assert.Equal(("ConsumptionImport.Error.DuplicateInFile", 9), (error.Code, error.RowNumber));
    }
}
