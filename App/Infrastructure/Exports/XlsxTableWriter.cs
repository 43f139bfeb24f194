using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BlazorPartner.Infrastructure.Exports;

public enum XlsxColumnKind
{
    Text,
    Money,
    Date,
    DateTime,
    Integer,
}

public sealed record XlsxColumn<T>(string Header, XlsxColumnKind Kind, double Width, Func<T, object?> Value);

/// <summary>
/// Writes one styled table sheet with the Open XML SDK's forward-only <see cref="OpenXmlWriter"/>: rows stream straight
/// into the package, so memory stays flat however many rows there are (docs/decisions/0002-excel-writer.md).
/// Bold filled header, frozen header row, autofilter, fixed widths, money as #,##0.00, dates as real Excel dates.
/// </summary>
public static class XlsxTableWriter
{
    private const uint HeaderStyle = 1;
    private const uint MoneyStyle = 2;
    private const uint DateStyle = 3;
    private const uint DateTimeStyle = 4;
    private const uint IntegerStyle = 5;
    private const int ProgressEvery = 1000;

    public static async Task<int> WriteAsync<T>(
        Stream output,
        string sheetName,
        IReadOnlyList<XlsxColumn<T>> columns,
        IAsyncEnumerable<T> rows,
        IProgress<int>? progress = null,
        CancellationToken ct = default)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = BuildStylesheet();
        stylesPart.Stylesheet.Save();

        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var rowCount = 0;
        using (var writer = OpenXmlWriter.Create(worksheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(FrozenHeaderView());
            writer.WriteElement(new Columns(columns.Select((c, i) => new Column
            {
                Min = (uint)(i + 1),
                Max = (uint)(i + 1),
                Width = c.Width,
                CustomWidth = true,
            })));
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, columns.Select(c => new Cell
            {
                DataType = CellValues.InlineString,
                StyleIndex = HeaderStyle,
                InlineString = new InlineString(new Text(c.Header)),
            }));

            await foreach (var item in rows.WithCancellation(ct))
            {
                rowCount++;
                WriteRow(writer, rowCount + 1, columns.Select(c => ToCell(c.Kind, c.Value(item))));
                if (rowCount % ProgressEvery == 0)
                {
                    progress?.Report(rowCount);
                }
            }

            writer.WriteEndElement();
            writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(columns.Count)}{rowCount + 1}" });
            writer.WriteEndElement();
        }

        workbookPart.Workbook = new Workbook(
            new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = sheetName }),
            new DefinedNames(new DefinedName($"'{sheetName}'!$A$1:${ColumnName(columns.Count)}${rowCount + 1}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = 0,
                Hidden = true,
            }));
        workbookPart.Workbook.Save();
        progress?.Report(rowCount);
        return rowCount;
    }

    public static string ColumnName(int oneBasedIndex)
    {
        var name = "";
        for (var n = oneBasedIndex; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static void WriteRow(OpenXmlWriter writer, int rowIndex, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", rowIndex.ToString(CultureInfo.InvariantCulture))]);
        foreach (var cell in cells)
        {
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private static Cell ToCell(XlsxColumnKind kind, object? value)
    {
        if (value is null)
        {
            return new Cell();
        }

        return kind switch
        {
            XlsxColumnKind.Money => Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), MoneyStyle),
            XlsxColumnKind.Integer => Number(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), IntegerStyle),
            XlsxColumnKind.Date => Number(ToOADate(value).ToString(CultureInfo.InvariantCulture), DateStyle),
            XlsxColumnKind.DateTime => Number(ToOADate(value).ToString("0.##########", CultureInfo.InvariantCulture), DateTimeStyle),
            _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")) },
        };
    }

    private static Cell Number(string text, uint style) => new() { CellValue = new CellValue(text), StyleIndex = style };

    private static double ToOADate(object value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue).ToOADate(),
        DateTime dateTime => dateTime.ToOADate(),
        _ => throw new ArgumentException($"Not a date: {value.GetType().Name}"),
    };

    private static SheetViews FrozenHeaderView() =>
        new(new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            TabSelected = true,
            WorkbookViewId = 0U,
        });

    private static Stylesheet BuildStylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy-mm-dd hh:mm" })
        { Count = 3 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new Color { Rgb = "FFFFFFFF" }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FF1F4E79" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Rgb = "FF999999" }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
