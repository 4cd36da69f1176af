using System.Text;
using CqpPortal.Web.Reports.Excel;

namespace CqpPortal.Web.Imports;

/// <summary>
/// Writes a template or a transmission file: `.csv` as French Excel reads it (UTF-8 with BOM, semicolons, CRLF) or a
/// one-sheet `.xlsx` (the pack's <see cref="WorkbookWriter"/>) with a bold, frozen header row and every cell as text, so
/// that Excel keeps "1,3" and "03/02/2025" as they are written.
/// </summary>
public static class RecordFileWriter
{
    public const string CsvContentType = "text/csv";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(headers))
            text.Append(string.Join(';', row.Select(Quote))).Append("\r\n");
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var workbook = new WorkbookWriter(stream))
        {
            var sheet = workbook.AddSheet(sheetName, headers, headers.Select(h => (double)Math.Clamp(h.Length + 4, 12, 40)).ToList());
            foreach (var row in rows)
                sheet.Row(row.Select(cell => cell.Length == 0 ? XlCell.Empty : XlCell.Of(cell, CellStyle.Text)).ToArray());
            workbook.Close();
        }
        return stream.ToArray();
    }
}
