using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BlazorPartner.Features.Consumption.Import;

/// <summary>The columns of a consumption file, by header name (English code or the Chinese label).</summary>
public static class ConsumptionColumns
{
    public const string CustomerCreditCode = "CustomerCreditCode";
    public const string Day = "Day";
    public const string ProductCode = "ProductCode";
    public const string ServiceType = "ServiceType";
    public const string Region = "Region";
    public const string ChargeMode = "ChargeMode";
    public const string ResourceId = "ResourceId";
    public const string SubUserAccount = "SubUserAccount";
    public const string ListPrice = "ListPrice";
    public const string Discount = "Discount";
    public const string AmountDue = "AmountDue";

    /// <summary>In file order; the index is the cell index a reader returns.</summary>
    public static readonly IReadOnlyList<string> All = [CustomerCreditCode, Day, ProductCode, ServiceType, Region, ChargeMode, ResourceId, SubUserAccount, ListPrice, Discount, AmountDue];

    /// <summary>Optional columns may be missing from the header.</summary>
    public static readonly IReadOnlySet<string> Optional = new HashSet<string> { SubUserAccount };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["客户统一社会信用代码"] = CustomerCreditCode,
        ["统一社会信用代码"] = CustomerCreditCode,
        ["日期"] = Day,
        ["产品编码"] = ProductCode,
        ["服务类型"] = ServiceType,
        ["区域"] = Region,
        ["计费模式"] = ChargeMode,
        ["资源ID"] = ResourceId,
        ["子用户账号"] = SubUserAccount,
        ["原价"] = ListPrice,
        ["折扣"] = Discount,
        ["应付金额"] = AmountDue,
    };

    /// <summary>The canonical column name of a header cell, or null when it is not a known column (extra columns are ignored).</summary>
    public static string? Canonical(string header)
    {
        var trimmed = header.Trim().TrimStart('\uFEFF');
        var known = All.FirstOrDefault(c => string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase));
        return known ?? (Aliases.TryGetValue(trimmed, out var alias) ? alias : null);
    }
}

/// <summary>One data row of a file: its 1-based row number in the file (the header is row 1) and its cells in <see cref="ConsumptionColumns.All"/> order.</summary>
public sealed record ConsumptionFileRow(int RowNumber, string?[] Cells);

public enum ConsumptionFileKind
{
    Csv = 0,
    Xlsx = 1,
}

/// <summary>Raised when a file cannot be read at all (not a row error): a missing column, not a workbook, …; the key is a resource.</summary>
public sealed class ConsumptionFileException(string resourceKey, string? argument = null) : Exception(resourceKey)
{
    public string ResourceKey { get; } = resourceKey;
    public string? Argument { get; } = argument;
}

/// <summary>
/// Streams the rows of a consumption file. CSV: UTF-8 (BOM optional), comma separated, RFC 4180 quoting (quoted fields
/// may hold commas, doubled quotes and line breaks). XLSX: the first worksheet read with the Open XML SDK's SAX
/// <see cref="OpenXmlReader"/> (shared and inline strings), never loading the sheet as a DOM. The first row is the
/// header; columns are found by name, in any order; blank rows are skipped.
/// </summary>
public static class ConsumptionFileReader
{
    public static ConsumptionFileKind? KindOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => ConsumptionFileKind.Csv,
        ".xlsx" => ConsumptionFileKind.Xlsx,
        _ => null,
    };

    /// <summary>The rows of <paramref name="stream"/>; an XLSX stream must be seekable.</summary>
    public static IEnumerable<ConsumptionFileRow> Read(Stream stream, ConsumptionFileKind kind) =>
        Map(kind == ConsumptionFileKind.Csv ? ReadCsv(stream) : ReadXlsx(stream));

    private static IEnumerable<ConsumptionFileRow> Map(IEnumerable<(int Row, List<string?> Cells)> raw)
    {
        int[]? map = null;
        foreach (var (row, cells) in raw)
        {
            if (map is null)
            {
                map = new int[ConsumptionColumns.All.Count];
                Array.Fill(map, -1);
                for (var i = 0; i < cells.Count; i++)
                {
                    if (cells[i] is { } header && ConsumptionColumns.Canonical(header) is { } column)
                    {
                        map[IndexOf(column)] = i;
                    }
                }

                for (var c = 0; c < map.Length; c++)
                {
                    if (map[c] < 0 && !ConsumptionColumns.Optional.Contains(ConsumptionColumns.All[c]))
                    {
                        throw new ConsumptionFileException("ConsumptionImport.File.MissingColumn", ConsumptionColumns.All[c]);
                    }
                }

                continue;
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var mapped = new string?[map.Length];
            for (var c = 0; c < map.Length; c++)
            {
                mapped[c] = map[c] >= 0 && map[c] < cells.Count ? cells[map[c]] : null;
            }

            yield return new ConsumptionFileRow(row, mapped);
        }

        if (map is null)
        {
            throw new ConsumptionFileException("ConsumptionImport.File.Empty");
        }
    }

    private static int IndexOf(string column)
    {
        for (var i = 0; i < ConsumptionColumns.All.Count; i++)
        {
            if (ConsumptionColumns.All[i] == column)
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<(int Row, List<string?> Cells)> ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var cells = new List<string?>();
        var field = new StringBuilder();
        var row = 1;
        var inQuotes = false;
        var fieldStarted = false;
        var buffer = new char[1 << 16];
        int read;
        var pendingCr = false;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var ch = buffer[i];
                if (pendingCr)
                {
                    pendingCr = false;
                    if (ch == '\n')
                    {
                        continue;
                    }
                }

                if (inQuotes)
                {
                    if (ch == '"')
                    {
                        // A doubled quote is a literal quote; a single one closes the field.
                        if (i + 1 < read)
                        {
                            if (buffer[i + 1] == '"')
                            {
                                field.Append('"');
                                i++;
                            }
                            else
                            {
                                inQuotes = false;
                            }
                        }
                        else
                        {
                            var next = reader.Peek();
                            if (next == '"')
                            {
                                field.Append('"');
                                reader.Read();
                            }
                            else
                            {
                                inQuotes = false;
                            }
                        }
                    }
                    else
                    {
                        field.Append(ch);
                    }

                    continue;
                }

                switch (ch)
                {
                    case '"' when !fieldStarted && field.Length == 0:
                        inQuotes = true;
                        fieldStarted = true;
                        break;
                    case ',':
                        cells.Add(field.ToString());
                        field.Clear();
                        fieldStarted = false;
                        break;
                    case '\r' or '\n':
                        cells.Add(field.ToString());
                        field.Clear();
                        fieldStarted = false;
                        yield return (row, cells);
                        cells = [];
                        row++;
                        pendingCr = ch == '\r';
                        break;
                    default:
                        field.Append(ch);
                        fieldStarted = true;
                        break;
                }
            }
        }

        if (field.Length > 0 || cells.Count > 0 || fieldStarted)
        {
            cells.Add(field.ToString());
            yield return (row, cells);
        }
    }

    private static IEnumerable<(int Row, List<string?> Cells)> ReadXlsx(Stream stream)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or IOException or System.IO.FileFormatException)
        {
            throw new ConsumptionFileException("ConsumptionImport.File.NotAWorkbook");
        }

        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new ConsumptionFileException("ConsumptionImport.File.NotAWorkbook");
            var shared = ReadSharedStrings(workbook.SharedStringTablePart);
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            var sheetPart = firstSheet?.Id?.Value is { } id ? (WorksheetPart)workbook.GetPartById(id) : workbook.WorksheetParts.FirstOrDefault();
            if (sheetPart is null)
            {
                throw new ConsumptionFileException("ConsumptionImport.File.Empty");
            }

            using var reader = OpenXmlReader.Create(sheetPart);
            List<string?>? cells = null;
            var rowNumber = 0;
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Row))
                {
                    if (reader.IsStartElement)
                    {
                        var r = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                        rowNumber = int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : rowNumber + 1;
                        cells = [];
                    }
                    else if (reader.IsEndElement && cells is not null)
                    {
                        yield return (rowNumber, cells);
                        cells = null;
                    }
                }
                else if (reader.ElementType == typeof(Cell) && reader.IsStartElement && cells is not null)
                {
                    var cell = (Cell)reader.LoadCurrentElement()!;
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add(null);
                    }

                    cells.Add(CellText(cell, shared));
                }
            }
        }
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                strings.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
            }
        }

        return strings;
    }

    private static string? CellText(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            var inline = cell.InlineString;
            return inline?.Text?.Text ?? (inline is null ? null : string.Concat(inline.Elements<Run>().Select(r => r.Text?.Text)));
        }

        var value = cell.CellValue?.Text;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : null;
        }

        if (type is null || type == CellValues.Number)
        {
            // A number cell: keep it recognisable so the validator can read an Excel date serial or a float-formatted amount.
            return value is null ? null : NumberPrefix + value;
        }

        return value;
    }

    /// <summary>Marks numeric XLSX cells (an Excel date is a serial number; an amount may carry binary floating noise).</summary>
    public const string NumberPrefix = "\u0001";

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z')
            {
                break;
            }

            index = index * 26 + (ch - 'A' + 1);
        }

        return index - 1;
    }
}
