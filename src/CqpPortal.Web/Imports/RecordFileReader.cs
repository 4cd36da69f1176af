using System.Globalization;
using System.Text;
using CqpPortal.Domain.Records;
using ExcelDataReader;

namespace CqpPortal.Web.Imports;

/// <summary>A file the import cannot open at all (wrong format, damaged, empty), with the reason in French.</summary>
public sealed class RecordFileException(string message) : Exception(message);

/// <summary>
/// Reads an import file into a <see cref="RecordSheet"/> of text cells: `.csv` as French Excel writes it (semicolons,
/// UTF-8 with or without BOM, or Windows-1252 from the older "CSV (séparateur : point-virgule)"), and `.xlsx` (first
/// sheet; real date cells become JJ/MM/AAAA like dates typed as text).
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
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var text = Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        var firstLine = text[..(text.IndexOf('\n') is var end and >= 0 ? end : text.Length)];
        // French Excel separates with semicolons; a file saved elsewhere may use commas or tabs.
        var delimiter = new[] { ";", "\t", "," }.OrderByDescending(d => firstLine.Count(c => c == d[0])).First();
        var rows = SplitCsv(text, delimiter[0]);
        return ToSheet(rows);
    }

    /// <summary>
    /// RFC 4180 as Excel writes it: fields in double quotes may hold the separator, line breaks and doubled quotes.
    /// (CsvHelper 34, the version served here, is a rewrite whose API is not documented yet; this is 30 lines.)
    /// </summary>
    internal static List<string[]> SplitCsv(string text, char delimiter)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); rows.Add([.. fields]); }
        return rows;
    }

    /// <summary>UTF-8 (a BOM is dropped); bytes that are not UTF-8 are read as Windows-1252, the ANSI code page of French Windows.</summary>
    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    private static RecordSheet ReadXlsx(Stream stream)
    {
        var rows = new List<string[]>();
        try
        {
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            while (reader.Read())
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = Cell(reader.GetValue(i));
                rows.Add(cells);
            }
        }
        catch (Exception e) when (e is not RecordFileException and (InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException or IOException or System.Xml.XmlException))
        {
            throw new RecordFileException("Le classeur .xlsx ne peut pas être lu : enregistrez-le de nouveau depuis Excel ou LibreOffice, ou envoyez un .csv.");
        }
        return ToSheet(rows);
    }

    /// <summary>Dates as JJ/MM/AAAA, whole numbers without decimals, other numbers with a point (1.3 for units typed 1,3).</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime date => RecordText.Date(DateOnly.FromDateTime(date)),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => ((long)number).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "VRAI" : "FAUX",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The first row is the header; each following row keeps its line number in the file.</summary>
    private static RecordSheet ToSheet(List<string[]> rows) => rows.Count == 0
        ? new RecordSheet([], [])
        : new RecordSheet(rows[0], rows.Skip(1).Select((cells, i) => new RecordLine(i + 2, cells)).ToList());
}
