using CqpPortal.Domain.Lists;
using CqpPortal.Web.Imports;
using Microsoft.AspNetCore.Mvc;

namespace CqpPortal.Web.Lists;

/// <summary>
/// The export of a list: every row of the filtered list (all pages), with the columns of the screen, as <c>.csv</c>
/// (UTF-8 with BOM, semicolons, as French Excel reads it) or <c>.xlsx</c>, written by <see cref="RecordFileWriter"/>.
/// A cell a spreadsheet would take for a formula is neutralised (<see cref="SpreadsheetText"/>); the file is never
/// kept by a cache (<c>Cache-Control: no-store</c>): it holds people's names.
/// </summary>
public static class ListExport
{
    public static readonly IReadOnlyList<string> Formats = ["csv", "xlsx"];

    /// <summary>The file, or null for an unknown format (the page answers 404).</summary>
    public static IActionResult? File<T>(string? format, string fileName, string sheetName, IReadOnlyList<ListColumn<T>> columns, IEnumerable<T> rows)
    {
        var exported = columns.Where(c => c.Exported).ToList();
        var headers = exported.Select(c => c.Header).ToList();
        var cells = rows.Select(row => (IReadOnlyList<string>)exported.Select(c => SpreadsheetText.Safe(c.Text(row))).ToList());
        return format switch
        {
            "csv" => new NoStoreFileResult(RecordFileWriter.Csv(headers, cells), RecordFileWriter.CsvContentType + "; charset=utf-8") { FileDownloadName = fileName + ".csv" },
            "xlsx" => new NoStoreFileResult(RecordFileWriter.Xlsx(sheetName, headers, cells), RecordFileWriter.XlsxContentType) { FileDownloadName = fileName + ".xlsx" },
            _ => null,
        };
    }

    private sealed class NoStoreFileResult(byte[] content, string contentType) : FileContentResult(content, contentType)
    {
        public override Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return base.ExecuteResultAsync(context);
        }
    }
}
