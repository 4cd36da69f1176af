using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CqpPortal.Web.Reports.Excel;

/// <summary>
/// Our one workbook writer over the Open XML SDK (ClosedXML does not restore here). Sheets are streamed with the SDK's
/// SAX <see cref="OpenXmlWriter"/>, one at a time: a sheet of 100,000 rows is never built as an object tree. Numbers are stored as numbers with a number format (Excel shows them the French way: "1 234",
/// "12,5 %"); every sheet has a bold, frozen header row; a sheet may carry native charts (<see cref="ChartWriter"/>).
/// </summary>
public sealed class WorkbookWriter : IDisposable
{
    private readonly Package package;
    private readonly SpreadsheetDocument document;
    private readonly WorkbookPart workbookPart;
    private readonly List<(string Name, string RelationshipId)> sheets = [];
    private readonly Dictionary<string, int> sharedStrings = new(StringComparer.Ordinal);
    private SheetWriter? open;
    private bool closed;

    public WorkbookWriter(Stream output)
    {
        // The SDK refuses a write-only package, so the output must be readable and seekable (a FileStream opened ReadWrite).
        package = Package.Open(output, FileMode.Create, FileAccess.ReadWrite);
        document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook);
        workbookPart = document.AddWorkbookPart();
    }

    internal int SharedString(string text)
    {
        if (!sharedStrings.TryGetValue(text, out var index))
        {
            index = sharedStrings.Count;
            sharedStrings.Add(text, index);
        }
        return index;
    }

    /// <summary>Starts a sheet (the previous one must be finished); its first row is the bold, frozen header.</summary>
    public SheetWriter AddSheet(string name, IReadOnlyList<string> headers, IReadOnlyList<double> columnWidths)
    {
        if (open is { IsFinished: false }) throw new InvalidOperationException("Finish the previous sheet first.");
        if (name.Length is 0 or > 31 || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0)
            throw new ArgumentException($"Not a valid sheet name: {name}", nameof(name));
        var part = workbookPart.AddNewPart<WorksheetPart>();
        sheets.Add((name, workbookPart.GetIdOfPart(part)));
        open = new SheetWriter(this, part, name, headers, columnWidths);
        return open;
    }

    /// <summary>Writes the workbook, its styles and shared strings, and closes the package.</summary>
    public void Close()
    {
        if (closed) return;
        if (open is { IsFinished: false }) open.Finish();
        closed = true;

        using (var writer = OpenXmlWriter.Create(workbookPart))
        {
            writer.WriteStartElement(new Workbook());
            writer.WriteStartElement(new Sheets());
            uint id = 1;
            foreach (var (name, relationshipId) in sheets)
                writer.WriteElement(new Sheet { Name = name, SheetId = id++, Id = relationshipId });
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        using (var stream = styles.GetStream(FileMode.Create, FileAccess.Write))
            WorkbookStyles.Build().Save(stream);

        var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
        using (var writer = OpenXmlWriter.Create(stringsPart))
        {
            writer.WriteStartElement(new SharedStringTable { Count = (uint)sharedStrings.Count, UniqueCount = (uint)sharedStrings.Count });
            foreach (var text in sharedStrings.Keys)
            {
                writer.WriteStartElement(new SharedStringItem());
                writer.WriteElement(new Text(text) { Space = text.Trim() == text ? null : SpaceProcessingModeValues.Preserve });
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }

        document.Dispose();
        package.Close();
    }

    public void Dispose()
    {
        if (!closed)
        {
            // Abandoned half-way (an exception): release the package without pretending the file is complete.
            closed = true;
            try { open?.Abandon(); } catch (IOException) { }
            try { document.Dispose(); } catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException) { }
            try { package.Close(); } catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException) { }
        }
    }

    /// <summary>"A", "B", … "Z", "AA" for a zero-based column.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>A sheet name as formulas quote it: 'Niveau de formation'.</summary>
    public static string QuotedSheet(string name) => "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>How a cell looks: the cell formats of <see cref="WorkbookStyles"/>, by index.</summary>
public enum CellStyle : uint
{
    Default = 0,
    Header = 1,
    Count = 2,
    Percent = 3,
    Decimal = 4,
    Month = 5,
    TotalLabel = 6,
    TotalCount = 7,
    TotalPercent = 8,
    /// <summary>Right-aligned text where a number would be ("&lt; 5", "–").</summary>
    NumberText = 9,
    TotalNumberText = 10,
}

/// <summary>One cell to write: a number (with its format) or a text.</summary>
public readonly record struct XlCell(double? Number, string? Text, CellStyle Style)
{
    public static XlCell Of(string text, CellStyle style = CellStyle.Default) => new(null, text, style);
    public static XlCell Of(double number, CellStyle style) => new(number, null, style);
    public static readonly XlCell Empty = new(null, null, CellStyle.Default);
}

/// <summary>Writes one sheet's rows in order; charts are added to it once its rows are written.</summary>
public sealed class SheetWriter
{
    private readonly WorkbookWriter workbook;
    private readonly WorksheetPart part;
    private readonly int columns;
    private OpenXmlWriter? writer;
    private DrawingsPart? drawings;
    private readonly List<ChartSpec> charts = [];
    private uint row;

    internal SheetWriter(WorkbookWriter workbook, WorksheetPart part, string name, IReadOnlyList<string> headers, IReadOnlyList<double> columnWidths)
    {
        this.workbook = workbook;
        this.part = part;
        Name = name;
        columns = headers.Count;
        writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        // Printed one page wide (tables and charts side by side, in landscape).
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        // The header row stays in view while scrolling.
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 }));
        writer.WriteStartElement(new Columns());
        for (var i = 0; i < columnWidths.Count; i++)
            writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = columnWidths[i], CustomWidth = true });
        writer.WriteEndElement();
        writer.WriteStartElement(new SheetData());
        Row(headers.Select(h => XlCell.Of(h, CellStyle.Header)).ToArray());
    }

    public string Name { get; }

    /// <summary>The 1-based number of the last row written (the header is row 1).</summary>
    public uint LastRow => row;

    internal bool IsFinished => writer is null;

    public SheetWriter Row(params XlCell[] cells) => Row((IReadOnlyList<XlCell>)cells);

    public SheetWriter Row(IReadOnlyList<XlCell> cells)
    {
        var w = writer ?? throw new InvalidOperationException("The sheet is finished.");
        row++;
        w.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", row.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (cell.Number is null && cell.Text is null && cell.Style == CellStyle.Default) continue;
            var reference = WorkbookWriter.ColumnName(i) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var attributes = new List<OpenXmlAttribute>(3) { new("r", "", reference) };
            if (cell.Style != CellStyle.Default) attributes.Add(new("s", "", ((uint)cell.Style).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (cell.Number is { } number)
            {
                w.WriteStartElement(new Cell(), attributes);
                w.WriteElement(new CellValue(number.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
                w.WriteEndElement();
            }
            else if (cell.Text is { } text)
            {
                attributes.Add(new("t", "", "s"));
                w.WriteStartElement(new Cell(), attributes);
                w.WriteElement(new CellValue(workbook.SharedString(text).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                w.WriteEndElement();
            }
            else
            {
                w.WriteStartElement(new Cell(), attributes);
                w.WriteEndElement();
            }
        }
        w.WriteEndElement();
        return this;
    }

    /// <summary>A native chart over ranges of this sheet, drawn beside the table.</summary>
    public SheetWriter Chart(ChartSpec chart)
    {
        charts.Add(chart);
        return this;
    }

    /// <summary>Ends the sheet: its rows, then its charts.</summary>
    public void Finish()
    {
        var w = writer ?? throw new InvalidOperationException("The sheet is already finished.");
        w.WriteEndElement(); // sheetData
        w.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        w.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        if (charts.Count > 0)
        {
            drawings = part.AddNewPart<DrawingsPart>();
            w.WriteElement(new Drawing { Id = part.GetIdOfPart(drawings) });
        }
        w.WriteEndElement(); // worksheet
        w.Close();
        writer = null;
        // The drawing and its charts are written once the sheet's stream is closed: one part stream open at a time.
        if (drawings is not null) ChartWriter.Write(drawings, Name, charts, firstColumn: columns + 1);
    }

    internal void Abandon()
    {
        writer?.Close();
        writer = null;
    }
}
