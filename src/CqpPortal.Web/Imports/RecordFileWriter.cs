using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.Csv;
using MiniExcelLibs.OpenXml;

namespace CqpPortal.Web.Imports;

/// <summary>
/// Writes a template, the SIST transmission file or any list export, through MiniExcel, streaming the rows: `.csv` as
/// French Excel reads it (UTF-8 with BOM, semicolons, CRLF) or a one-sheet `.xlsx` with a bold, frozen header row and
/// every cell as text (string cells in a column of format « @ »), so that Excel keeps "1,3", "03/02/2025" and "01000" as
/// they are written.
/// </summary>
public static class RecordFileWriter
{
    public const string CsvContentType = "text/csv";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var output = new MemoryStream();
        WriteCsv(output, headers, rows);
        return output.ToArray();
    }

    public static void WriteCsv(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var configuration = new CsvConfiguration
        {
            Seperator = ';',
            // Quotes only where needed (separator, quote, line break), as Excel writes it.
            QuoteWhitespaces = false,
            StreamWriterFunc = stream => new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true),
        };
        using var reader = new TextRows(headers, rows);
        output.SaveAs(reader, excelType: ExcelType.CSV, configuration: configuration);
    }

    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var output = new MemoryStream();
        WriteXlsx(output, sheetName, headers, rows);
        return output.ToArray();
    }

    public static void WriteXlsx(Stream output, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = false,
            // An empty cell is left out rather than written as an empty string.
            WriteEmptyStringAsNull = true,
            EnableWriteNullValueCell = false,
            // A cell starting with "@@@fileid@@@," is someone's text, not a picture.
            EnableConvertByteArray = false,
            DynamicColumns = headers.Select(h => new DynamicExcelColumn(h) { Format = "@", Width = Math.Clamp(h.Length + 4, 12, 40) }).ToArray(),
        };
        using var reader = new TextRows(headers, rows);
        output.SaveAs(reader, sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration);
    }

    /// <summary>
    /// The rows as the data reader MiniExcel streams from: it writes the header row from the names even when there is no
    /// row (a template), and every value is a string, so nothing is turned into a number or a date on the way.
    /// </summary>
    private sealed class TextRows(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) : MiniExcelDataReaderBase
    {
        private readonly IEnumerator<IReadOnlyList<string>> rows = rows.GetEnumerator();

        public override int FieldCount => headers.Count;

        public override string GetName(int i) => headers[i];

        public override object GetValue(int i) => i < rows.Current.Count ? rows.Current[i] : "";

        public override bool Read() => rows.MoveNext();

        protected override void Dispose(bool disposing)
        {
            if (disposing) rows.Dispose();
            base.Dispose(disposing);
        }
    }
}
