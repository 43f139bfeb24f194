using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BlazorPartner.Platform.Exports;

/// <summary>One sheet of a workbook: a name, columns and rows, written when its turn comes (rows are enumerated once).</summary>
public abstract class XlsxSheet
{
    protected XlsxSheet(string name) => Name = XlsxWorkbookWriter.SheetName(name);

    public string Name { get; }

    internal abstract int ColumnCount { get; }

    internal abstract Task<int> WriteAsync(XmlWriter xml, bool selected, int progressOffset, IProgress<int>? progress, CancellationToken ct);
}

public sealed class XlsxSheet<T>(string name, IReadOnlyList<XlsxColumn<T>> columns, IAsyncEnumerable<T> rows) : XlsxSheet(name)
{
    /// <summary>A small sheet from rows already in memory (a summary).</summary>
    public XlsxSheet(string name, IReadOnlyList<XlsxColumn<T>> columns, IEnumerable<T> rows)
        : this(name, columns, rows.ToAsyncEnumerable())
    {
    }

    internal override int ColumnCount => columns.Count;

    internal override Task<int> WriteAsync(XmlWriter xml, bool selected, int progressOffset, IProgress<int>? progress, CancellationToken ct) =>
        XlsxTableWriter.WriteWorksheetAsync(xml, columns, rows, selected, progressOffset, progress, ct);
}

/// <summary>
/// Several styled table sheets in one streamed .xlsx (the same cells, styles and streaming as <see cref="XlsxTableWriter"/>,
/// which is this with one sheet): each worksheet goes straight through Deflate in order, so a large last sheet (a
/// detail) is never held in memory; the workbook part naming the sheets is written at the end. Progress reports the
/// rows written over all sheets.
/// </summary>
public static class XlsxWorkbookWriter
{
    private const int MaxSheetName = 31;

    public static async Task<int> WriteAsync(Stream output, IReadOnlyList<XlsxSheet> sheets, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook needs a sheet.", nameof(sheets));
        }

        var names = UniqueNames(sheets);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var overrides = new StringBuilder();
        var relationships = new StringBuilder();
        for (var i = 1; i <= sheets.Count; i++)
        {
            overrides.Append($"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
            relationships.Append($"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }

        XlsxTableWriter.WritePart(zip, "[Content_Types].xml", XlsxTableWriter.XmlDeclaration + $"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
        XlsxTableWriter.WritePart(zip, "_rels/.rels", XlsxTableWriter.XmlDeclaration + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        XlsxTableWriter.WritePart(zip, "xl/_rels/workbook.xml.rels", XlsxTableWriter.XmlDeclaration + $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relationships}<Relationship Id="rId{sheets.Count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        XlsxTableWriter.WritePart(zip, "xl/styles.xml", XlsxTableWriter.XmlDeclaration + XlsxTableWriter.BuildStylesheet().OuterXml);

        var total = 0;
        var sheetElements = new Sheets();
        var definedNames = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            int rowCount;
            await using (var part = zip.CreateEntry($"xl/worksheets/sheet{i + 1}.xml", CompressionLevel.Optimal).Open())
            await using (var xml = XmlWriter.Create(part, new XmlWriterSettings { Encoding = XlsxTableWriter.Utf8, Async = true }))
            {
                rowCount = await sheets[i].WriteAsync(xml, i == 0, total, progress, ct);
            }

            total += rowCount;
            sheetElements.Append(new Sheet { Id = $"rId{i + 1}", SheetId = (uint)(i + 1), Name = names[i] });
            var range = $"$A$1:${XlsxTableWriter.ColumnName(sheets[i].ColumnCount)}${rowCount + 1}";
            definedNames.Append(new DefinedName($"'{names[i].Replace("'", "''", StringComparison.Ordinal)}'!{range}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = (uint)i,
                Hidden = true,
            });
        }

        var workbook = new Workbook(sheetElements, definedNames);
        workbook.AddNamespaceDeclaration("r", XlsxTableWriter.RelationshipNs);
        XlsxTableWriter.WritePart(zip, "xl/workbook.xml", XlsxTableWriter.XmlDeclaration + workbook.OuterXml);
        progress?.Report(total);
        return total;
    }

    /// <summary>Excel's rules for a sheet name: at most 31 characters, none of <c>[]:*?/\</c>, not empty.</summary>
    public static string SheetName(string name)
    {
        var cleaned = new string(name.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray()).Trim('\'').Trim();
        if (cleaned.Length == 0)
        {
            cleaned = "Sheet";
        }

        return cleaned.Length > MaxSheetName ? cleaned[..MaxSheetName] : cleaned;
    }

    private static List<string> UniqueNames(IReadOnlyList<XlsxSheet> sheets)
    {
        var names = new List<string>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            var name = sheet.Name;
            for (var n = 2; !used.Add(name); n++)
            {
                var suffix = $" ({n})";
                name = (sheet.Name.Length + suffix.Length > MaxSheetName ? sheet.Name[..(MaxSheetName - suffix.Length)] : sheet.Name) + suffix;
            }

            names.Add(name);
        }

        return names;
    }
}
