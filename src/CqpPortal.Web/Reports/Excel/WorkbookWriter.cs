using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CqpPortal.Web.Reports.Excel;

/// <summary>
/// Our one workbook writer over the Open XML SDK (ClosedXML does not restore here). The SDK writes every part's XML —
/// sheets with its SAX <see cref="OpenXmlWriter"/>, one row at a time — and we put the parts straight into a zip
/// opened for creation: the SDK's own package would keep each part in memory until the end (it refuses a write-only
/// package), so a sheet of 100,000 rows is neither built as an object tree nor buffered. Numbers are stored as numbers
/// with a number format (Excel shows them the French way: "1 234", "12,5 %"); every sheet has a bold, frozen header
/// row; a sheet may carry native charts (<see cref="ChartWriter"/>).
/// </summary>
public sealed class WorkbookWriter : IDisposable
{
    internal const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ZipArchive zip;
    private readonly List<(string Name, string Path)> sheets = [];
    private readonly List<(string Part, string ContentType)> contentTypes = [];
    private readonly Dictionary<string, int> sharedStrings = new(StringComparer.Ordinal);
    private SheetWriter? open;
    private int drawings, charts;
    private bool closed;

    /// <summary>Writes to <paramref name="output"/>, which may be write-only and unseekable; it is left open.</summary>
    public WorkbookWriter(Stream output)
    {
        zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
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

    /// <summary>A new part (zip entry) of the package, e.g. "xl/worksheets/sheet1.xml"; one is written at a time.</summary>
    internal Stream CreatePart(string path, string contentType)
    {
        contentTypes.Add(("/" + path, contentType));
        return CreateEntry(path);
    }

    private Stream CreateEntry(string path) => zip.CreateEntry(path, CompressionLevel.Optimal).Open();

    /// <summary>The relationships of a part: its "_rels/NAME.rels" beside it.</summary>
    internal void WriteRelationships(string partPath, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        // "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; the package's own ("") → "_rels/.rels".
        var slash = partPath.LastIndexOf('/');
        var rels = partPath[..(slash + 1)] + "_rels/" + partPath[(slash + 1)..] + ".rels";
        using var stream = CreateEntry(rels);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("Relationships", PackageRelationshipsNamespace);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship", PackageRelationshipsNamespace);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", RelationshipsNamespace + "/" + type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    internal int NextDrawing() => ++drawings;
    internal int NextChart() => ++charts;

    /// <summary>Starts a sheet (the previous one is finished first); its first row is the bold, frozen header.</summary>
    public SheetWriter AddSheet(string name, IReadOnlyList<string> headers, IReadOnlyList<double> columnWidths)
    {
        if (closed) throw new InvalidOperationException("The workbook is closed.");
        if (name.Length is 0 or > 31 || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0 || sheets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"Not a valid sheet name, or one already used: {name}", nameof(name));
        if (open is { IsFinished: false }) open.Finish();
        var path = $"xl/worksheets/sheet{sheets.Count + 1}.xml";
        sheets.Add((name, path));
        open = new SheetWriter(this, path, name, headers, columnWidths);
        return open;
    }

    /// <summary>Writes the workbook, its styles, shared strings and the package's indexes, and ends the zip.</summary>
    public void Close()
    {
        if (closed) return;
        if (open is { IsFinished: false }) open.Finish();
        closed = true;

        // OpenXmlWriter leaves its stream open: each entry is closed by its own using.
        using (var stream = CreatePart("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))
        using (var writer = OpenXmlWriter.Create(stream))
        {
            writer.WriteStartElement(new Workbook(), [], [new("r", RelationshipsNamespace)]);
            writer.WriteStartElement(new Sheets());
            for (var i = 0; i < sheets.Count; i++)
                writer.WriteElement(new Sheet { Name = sheets[i].Name, SheetId = (uint)i + 1, Id = $"rId{i + 1}" });
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        WriteRelationships("xl/workbook.xml",
            sheets.Select((s, i) => ($"rId{i + 1}", "worksheet", s.Path["xl/".Length..]))
                .Append(($"rId{sheets.Count + 1}", "styles", "styles.xml"))
                .Append(($"rId{sheets.Count + 2}", "sharedStrings", "sharedStrings.xml")));

        using (var stream = CreatePart("xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"))
            WorkbookStyles.Build().Save(stream);

        using (var stream = CreatePart("xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"))
        using (var writer = OpenXmlWriter.Create(stream))
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

        WriteRelationships("", [("rId1", "officeDocument", "xl/workbook.xml")]);
        using (var stream = CreateEntry("[Content_Types].xml"))
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("Types", ns);
            foreach (var (extension, type) in new[] { ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml") })
            {
                xml.WriteStartElement("Default", ns);
                xml.WriteAttributeString("Extension", extension);
                xml.WriteAttributeString("ContentType", type);
                xml.WriteEndElement();
            }
            foreach (var (part, type) in contentTypes)
            {
                xml.WriteStartElement("Override", ns);
                xml.WriteAttributeString("PartName", part);
                xml.WriteAttributeString("ContentType", type);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        zip.Dispose();
    }

    /// <summary>Ends the zip; after an exception the output is incomplete, which the caller (writing to a temporary file) discards.</summary>
    public void Dispose()
    {
        if (closed) return;
        closed = true;
        try { open?.Abandon(); } catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException) { }
        try { zip.Dispose(); } catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException) { }
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
    /// <summary>Right-aligned text where a number would be ("&lt; 5", "masqué", "–").</summary>
    NumberText = 9,
    TotalNumberText = 10,
    /// <summary>Text format (@): Excel keeps "1,3" or "03/02/2025" as typed when the cell is edited (import templates).</summary>
    Text = 11,
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
    private readonly string path;
    private readonly int columns;
    private readonly Stream stream;
    private OpenXmlWriter? writer;
    private readonly List<ChartSpec> charts = [];
    private uint row;

    internal SheetWriter(WorkbookWriter workbook, string path, string name, IReadOnlyList<string> headers, IReadOnlyList<double> columnWidths)
    {
        this.workbook = workbook;
        this.path = path;
        Name = name;
        columns = headers.Count;
        stream = workbook.CreatePart(path, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        writer = OpenXmlWriter.Create(stream);
        writer.WriteStartElement(new Worksheet(), [], [new("r", WorkbookWriter.RelationshipsNamespace)]);
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

    internal bool IsFinished => writer is null;

    /// <summary>The rows written so far, the header included: the next row is <c>RowCount + 1</c> (1-based).</summary>
    public uint RowCount => row;

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
        if (charts.Count > 0) w.WriteElement(new Drawing { Id = "rId1" });
        w.WriteEndElement(); // worksheet
        w.Close();
        stream.Dispose();
        writer = null;
        // The drawing and its charts are written once the sheet's entry is closed: a zip being created takes one at a time.
        if (charts.Count > 0)
        {
            var drawing = ChartWriter.Write(workbook, Name, charts, firstColumn: columns + 1);
            workbook.WriteRelationships(path, [("rId1", "drawing", "../drawings/" + Path.GetFileName(drawing))]);
        }
    }

    internal void Abandon()
    {
        writer?.Close();
        stream.Dispose();
        writer = null;
    }
}
