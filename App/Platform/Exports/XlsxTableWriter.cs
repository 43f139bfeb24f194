using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BlazorPartner.Platform.Exports;

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
/// Writes one styled table sheet as a streamed .xlsx: the package is a zip written in create mode and the worksheet XML
/// goes straight through Deflate, so neither the rows nor the uncompressed sheet are ever held in memory (the Open XML
/// SDK 2.20 package API keeps the whole part in memory until disposal; see docs/decisions/0002-excel-writer.md).
/// The small parts (styles, workbook) are built with the SDK's typed classes. Bold filled header, frozen header row,
/// autofilter, fixed widths, money as #,##0.00, dates as real Excel dates.
/// </summary>
public static class XlsxTableWriter
{
    private const string SpreadsheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    internal const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    internal const string XmlDeclaration = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""";
    private const uint HeaderStyle = 1;
    private const uint MoneyStyle = 2;
    private const uint DateStyle = 3;
    private const uint DateTimeStyle = 4;
    private const uint IntegerStyle = 5;
    private const int ProgressEvery = 1000;
    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>One sheet; the same as <see cref="XlsxWorkbookWriter.WriteAsync"/> with a single <see cref="XlsxSheet{T}"/>.</summary>
    public static Task<int> WriteAsync<T>(
        Stream output,
        string sheetName,
        IReadOnlyList<XlsxColumn<T>> columns,
        IAsyncEnumerable<T> rows,
        IProgress<int>? progress = null,
        CancellationToken ct = default) =>
        XlsxWorkbookWriter.WriteAsync(output, [new XlsxSheet<T>(sheetName, columns, rows)], progress, ct);

    internal static async Task<int> WriteWorksheetAsync<T>(XmlWriter xml, IReadOnlyList<XlsxColumn<T>> columns, IAsyncEnumerable<T> rows, bool selected, int progressOffset, IProgress<int>? progress, CancellationToken ct)
    {
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("worksheet", SpreadsheetNs);
        xml.WriteAttributeString("xmlns", "r", null, RelationshipNs);
        xml.WriteRaw(selected ? """<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>""" : """<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>""");
        xml.WriteStartElement("cols", SpreadsheetNs);
        for (var i = 0; i < columns.Count; i++)
        {
            xml.WriteStartElement("col", SpreadsheetNs);
            xml.WriteAttributeString("min", Invariant(i + 1));
            xml.WriteAttributeString("max", Invariant(i + 1));
            xml.WriteAttributeString("width", columns[i].Width.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("sheetData", SpreadsheetNs);
        StartRow(xml, 1);
        foreach (var column in columns)
        {
            TextCell(xml, column.Header, HeaderStyle);
        }

        xml.WriteEndElement();
        var rowCount = 0;
        await foreach (var item in rows.WithCancellation(ct))
        {
            rowCount++;
            StartRow(xml, rowCount + 1);
            foreach (var column in columns)
            {
                WriteCell(xml, column.Kind, column.Value(item));
            }

            xml.WriteEndElement();
            if (rowCount % ProgressEvery == 0)
            {
                progress?.Report(progressOffset + rowCount);
                await xml.FlushAsync();
            }
        }

        xml.WriteEndElement();
        xml.WriteStartElement("autoFilter", SpreadsheetNs);
        xml.WriteAttributeString("ref", $"A1:{ColumnName(columns.Count)}{rowCount + 1}");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
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

    private static void StartRow(XmlWriter xml, int rowIndex)
    {
        xml.WriteStartElement("row", SpreadsheetNs);
        xml.WriteAttributeString("r", Invariant(rowIndex));
    }

    private static void WriteCell(XmlWriter xml, XlsxColumnKind kind, object? value)
    {
        switch (value is null ? (XlsxColumnKind?)null : kind)
        {
            case null:
                xml.WriteStartElement("c", SpreadsheetNs);
                xml.WriteEndElement();
                break;
            case XlsxColumnKind.Money:
                NumberCell(xml, Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), MoneyStyle);
                break;
            case XlsxColumnKind.Integer:
                NumberCell(xml, Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), IntegerStyle);
                break;
            case XlsxColumnKind.Date:
                NumberCell(xml, ToOADate(value!).ToString(CultureInfo.InvariantCulture), DateStyle);
                break;
            case XlsxColumnKind.DateTime:
                NumberCell(xml, ToOADate(value!).ToString("0.##########", CultureInfo.InvariantCulture), DateTimeStyle);
                break;
            default:
                TextCell(xml, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", null);
                break;
        }
    }

    private static void TextCell(XmlWriter xml, string text, uint? style)
    {
        xml.WriteStartElement("c", SpreadsheetNs);
        if (style is { } s)
        {
            xml.WriteAttributeString("s", Invariant((int)s));
        }

        xml.WriteAttributeString("t", "inlineStr");
        xml.WriteStartElement("is", SpreadsheetNs);
        xml.WriteStartElement("t", SpreadsheetNs);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            xml.WriteAttributeString("xml", "space", null, "preserve");
        }

        xml.WriteString(text);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void NumberCell(XmlWriter xml, string value, uint style)
    {
        xml.WriteStartElement("c", SpreadsheetNs);
        xml.WriteAttributeString("s", Invariant((int)style));
        xml.WriteElementString("v", SpreadsheetNs, value);
        xml.WriteEndElement();
    }

    internal static void WritePart(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(Utf8.GetBytes(xml));
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static double ToOADate(object value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue).ToOADate(),
        DateTime dateTime => dateTime.ToOADate(),
        _ => throw new ArgumentException($"Not a date: {value.GetType().Name}"),
    };

    internal static Stylesheet BuildStylesheet() => new(
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
