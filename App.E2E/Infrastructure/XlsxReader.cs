using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BlazorPartner.E2E.Infrastructure;

/// <summary>Reads the first sheet of an .xlsx as rows of cell texts, with the Open XML SDK.</summary>
public static class XlsxReader
{
    public static IReadOnlyList<IReadOnlyList<string>> ReadFirstSheet(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
        var worksheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
        var sharedStrings = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheetData = worksheetPart.Worksheet.GetFirstChild<SheetData>() ?? throw new InvalidDataException("No sheet data.");
        return sheetData.Elements<Row>()
            .Select(row => (IReadOnlyList<string>)row.Elements<Cell>().Select(cell => Text(cell, sharedStrings)).ToList())
            .ToList();
    }

    public static string SheetName(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        return document.WorkbookPart?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()?.Name?.Value ?? "";
    }

    private static string Text(Cell cell, List<string> sharedStrings)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var index))
        {
            return sharedStrings[index];
        }

        return cell.CellValue?.Text ?? "";
    }
}
