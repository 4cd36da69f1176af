using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using System.Xml;
using CqpPortal.Domain.Records;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using MiniExcelLibs.Exceptions;
using MiniExcelLibs.OpenXml;

namespace CqpPortal.Web.Imports;

/// <summary>A file the import cannot open at all (wrong format, damaged, empty), with the reason in French.</summary>
public sealed class RecordFileException(string message) : Exception(message);

/// <summary>
/// Reads an import file into a <see cref="RecordSheet"/> of text cells, through MiniExcel: `.csv` as French Excel writes
/// it (semicolons, UTF-8 with or without BOM, or Windows-1252 from the older "CSV (séparateur : point-virgule)"), and
/// `.xlsx` (first sheet; real date cells become JJ/MM/AAAA like dates typed as text).
/// </summary>
public static class RecordFileReader
{
    static RecordFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsSupported(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".xlsx";

    public static RecordSheet Read(Stream stream, string fileName)
    {
        var sheet = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(stream),
            ".xlsx" => ReadXlsx(stream),
            _ => throw new RecordFileException("Format non pris en charge : envoyez un fichier .csv (séparateur point-virgule) ou .xlsx."),
        };
        if (sheet.Headers.All(string.IsNullOrWhiteSpace))
            throw new RecordFileException("Le fichier est vide : la première ligne doit porter les noms des colonnes du modèle.");
        return sheet;
    }

    private static RecordSheet ReadCsv(Stream stream)
    {
        // The encoding and the separator are decided from the bytes first; MiniExcel then reads the lines through our reader.
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var encoding = DetectEncoding(bytes);
        var separator = Separator(encoding.GetString(bytes[..Math.Min(bytes.Length, 4096)]));
        buffer.Position = 0;
        var configuration = new CsvConfiguration
        {
            Seperator = separator,
            StreamReaderFunc = input => new BlankLinesKept(input, encoding, separator),
            SplitFn = record => SplitRecord(record, separator),
        };
        try
        {
            return ToSheet(buffer.Query(useHeaderRow: false, excelType: ExcelType.CSV, configuration: configuration));
        }
        catch (ExcelColumnNotFoundException e)
        {
            throw new RecordFileException($"Ligne {e.RowIndex} : elle a moins de cellules que la ligne d'en-tête. "
                + "Enregistrez le fichier de nouveau depuis Excel ou LibreOffice (CSV, séparateur point-virgule).");
        }
    }

    /// <summary>UTF-8 (a BOM is dropped by the reader); bytes that are not UTF-8 are read as Windows-1252, the ANSI code page of French Windows.</summary>
    private static Encoding DetectEncoding(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? new UTF8Encoding(false) : Encoding.GetEncoding(1252);

    /// <summary>French Excel separates with semicolons; a file saved elsewhere may use tabs or commas: the most frequent on the first line.</summary>
    private static char Separator(string start)
    {
        var firstLine = start[..(start.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : start.Length)];
        return new[] { ';', '\t', ',' }.OrderByDescending(c => firstLine.Count(x => x == c)).First();
    }

    /// <summary>
    /// One record (MiniExcel has already joined the lines of a quoted cell) cut at the separators outside quotes, RFC 4180
    /// quotes undone. MiniExcel's default is a regular expression that also cuts at tabs and rescans the rest of the line
    /// at each separator: 100,000 lines took minutes instead of about a second.
    /// </summary>
    private static string[] SplitRecord(string record, char separator)
    {
        if (!record.Contains('"')) return record.Split(separator);
        var cells = new List<string>(32);
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < record.Length && record[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == separator) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }

    /// <summary>
    /// MiniExcel skips blank lines of a .csv, which would shift the line numbers of the errors after them: a blank line
    /// outside quotes is handed over as a line of empty cells, so it keeps its number (and is then ignored as blank).
    /// </summary>
    private sealed class BlankLinesKept(Stream stream, Encoding encoding, char separator)
        : StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true)
    {
        private readonly string emptyCells = new(separator, 255);
        private bool insideQuotes;

        public override string? ReadLine()
        {
            var line = base.ReadLine();
            if (line is null) return null;
            var blank = !insideQuotes && string.IsNullOrWhiteSpace(line);
            if (line.AsSpan().Count('"') % 2 == 1) insideQuotes = !insideQuotes;
            return blank ? emptyCells : line;
        }
    }

    private static RecordSheet ReadXlsx(Stream stream)
    {
        var configuration = new OpenXmlConfiguration { EnableConvertByteArray = false, FillMergedCells = false };
        try
        {
            if (!stream.CanSeek)
            {
                var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                buffer.Position = 0;
                stream = buffer;
            }
            CheckWorkbookSize(stream);
            stream.Position = 0;
            return ToSheet(stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX, configuration: configuration));
        }
        catch (Exception e) when (e is not (RecordFileException or OperationCanceledException or OutOfMemoryException))
        {
            // A zip that is not a workbook, a damaged part, a missing sheet: all the same to the person sending it.
            throw new RecordFileException("Le classeur .xlsx ne peut pas être lu : enregistrez-le de nouveau depuis Excel ou LibreOffice, ou envoyez un .csv.");
        }
    }

    /// <summary>
    /// Refuses a workbook that would unzip or spread too far before MiniExcel reads it (MiniExcel gives every row as many
    /// cells as the widest row or the declared dimension: one cell in column XFD makes 16,384 cells a row). Reads the
    /// first sheet's XML as a stream, keeping only the largest row and column numbers met.
    /// </summary>
    private static void CheckWorkbookSize(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        long expanded = 0;
        foreach (var entry in zip.Entries)
            if ((expanded += entry.Length) > ImportLimits.MaxExpandedBytes)
                throw new RecordFileException($"Le classeur décompressé dépasse {ImportLimits.MaxExpandedBytes / (1024 * 1024)} Mo : découpez-le en plusieurs fichiers ou envoyez un .csv.");
        if (FirstSheet(zip) is not { } sheet) return; // not a workbook: MiniExcel says so below
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        using var xml = XmlReader.Create(sheet.Open(), settings);
        long row = 0, maxRow = 0;
        int column = 0, maxColumn = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "dimension" when xml.GetAttribute("ref") is { } range:
                    var end = range.AsSpan(range.IndexOf(':') + 1);
                    maxColumn = Math.Max(maxColumn, ImportLimits.ColumnNumber(end));
                    maxRow = Math.Max(maxRow, ImportLimits.RowNumber(end));
                    break;
                case "row":
                    row = xml.GetAttribute("r") is { } r && long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : row + 1;
                    maxRow = Math.Max(maxRow, row);
                    column = 0;
                    break;
                case "c":
                    column = xml.GetAttribute("r") is { } reference ? ImportLimits.ColumnNumber(reference) : column + 1;
                    maxColumn = Math.Max(maxColumn, column);
                    break;
                default:
                    continue;
            }
            if (ImportLimits.SizeProblem(maxRow - 1, maxColumn) is { } problem) throw new RecordFileException(problem);
        }
    }

    /// <summary>The workbook's first sheet, as MiniExcel reads it (the first &lt;sheet&gt; of workbook.xml through its relationship); null when it cannot be found.</summary>
    private static ZipArchiveEntry? FirstSheet(ZipArchive zip)
    {
        static XmlReader Open(ZipArchiveEntry entry) =>
            XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        if (zip.GetEntry("xl/workbook.xml") is not { } workbook || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } relations) return null;
        string? id = null;
        using (var xml = Open(workbook))
            while (id is null && xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                    id = xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        if (id is null) return null;
        using (var xml = Open(relations))
            while (xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") == id && xml.GetAttribute("Target") is { } target)
                    return zip.GetEntry(target.StartsWith('/') ? target[1..] : "xl/" + target);
        return null;
    }

    /// <summary>Dates as JJ/MM/AAAA, whole numbers without decimals, other numbers with a point (1.3 for units typed 1,3).</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        string text => text,
        DateTime date => RecordText.Date(DateOnly.FromDateTime(date)),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => ((long)number).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "VRAI" : "FAUX",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// MiniExcel gives each row as cells keyed by column letter, in order; the first row is the header, each following
    /// row keeps its line number in the file. The limits of <see cref="ImportLimits"/> are checked as the rows pass.
    /// </summary>
    private static RecordSheet ToSheet(IEnumerable<dynamic> rows)
    {
        string[]? headers = null;
        var lines = new List<RecordLine>();
        foreach (IDictionary<string, object?> row in rows)
        {
            var line = lines.Count + (headers is null ? 1 : 2);
            var cells = new string[row.Count];
            var (i, width) = (0, 0);
            foreach (var value in row.Values)
            {
                cells[i] = Cell(value);
                if (ImportLimits.CellProblem(line, i + 1, cells[i]) is { } tooLong) throw new RecordFileException(tooLong);
                if (cells[i].Length > 0) width = i + 1;
                i++;
            }
            // The width is up to the last cell filled: a blank line of a .csv comes as a line of empty cells (BlankLinesKept).
            if (ImportLimits.SizeProblem(line - 1, width) is { } problem) throw new RecordFileException(problem);
            if (headers is null) headers = cells;
            else lines.Add(new RecordLine(lines.Count + 2, cells));
        }
        return new RecordSheet(headers ?? [], lines);
    }
}
