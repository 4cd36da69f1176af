using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CqpPortal.Web.Tests.Reports;

/// <summary>Reads a workbook back with the Open XML SDK: cell values (numbers as numbers, texts resolved) and their formats.</summary>
public sealed class WorkbookReader : IDisposable
{
    private readonly string[] sharedStrings;

    public WorkbookReader(string path)
    {
        Document = SpreadsheetDocument.Open(path, isEditable: false);
        sharedStrings = Document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
    }

    public SpreadsheetDocument Document { get; }

    public IReadOnlyList<string> SheetNames => Document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public WorksheetPart Part(string sheet)
    {
        var id = Document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        return (WorksheetPart)Document.WorkbookPart.GetPartById(id);
    }

    public Cell? Cell(string sheet, string reference) =>
        Part(sheet).Worksheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    /// <summary>The cell's number, or null when it holds a text or nothing.</summary>
    public double? Number(string sheet, string reference) =>
        Cell(sheet, reference) is { DataType: null, CellValue: { } value } ? double.Parse(value.Text, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The cell's text (a shared string), or null when it holds a number or nothing.</summary>
    public string? Text(string sheet, string reference) =>
        Cell(sheet, reference) is { DataType.Value: var type, CellValue: { } value } && type == CellValues.SharedString ? sharedStrings[int.Parse(value.Text)] : null;

    /// <summary>Every row of a sheet as displayed values (texts, or numbers in invariant culture).</summary>
    public List<string[]> Rows(string sheet) =>
        Part(sheet).Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Display).ToArray()).ToList();

    private string Display(Cell cell) =>
        cell.DataType?.Value == CellValues.SharedString ? sharedStrings[int.Parse(cell.CellValue!.Text)] : cell.CellValue?.Text ?? "";

    /// <summary>The number format code of the cell's style (built-in 3 is "#,##0").</summary>
    public string FormatCode(string sheet, string reference)
    {
        var stylesheet = Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(Cell(sheet, reference)!.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId!.Value;
        return id == 3 ? "#,##0" : stylesheet.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(n => n.NumberFormatId?.Value == id)?.FormatCode?.Value ?? $"builtin {id}";
    }

    public bool IsBold(string sheet, string reference)
    {
        var stylesheet = Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(Cell(sheet, reference)!.StyleIndex?.Value ?? 0));
        return stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value).Bold is not null;
    }

    public void Dispose() => Document.Dispose();
}
