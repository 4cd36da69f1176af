using CqpPortal.Domain.Statistics;
using CqpPortal.Web.Reports.AnnualPack;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Analyse;

/// <summary>
/// /Analyse/Bilan/{year}.xlsx and .pdf: the annual pack's workbook and PDF summary, made on the spot (the report runs
/// page offers the same files made in the background).
/// </summary>
public class AnalyticsAnnualPackModel(AnnualPackWriter pack) : PageModel
{
    public static string DownloadName(int year, string format) => $"bilan-annuel-cqp-{year}.{format}";

    public async Task<IActionResult> OnGetAsync(int year, string format)
    {
        if (!AnnualStatistics.IsValidYear(year)) return NotFound();
        if (format == "pdf")
            return File(await pack.PdfAsync(year, HttpContext.RequestAborted), AnnualPackWriter.PdfContentType, DownloadName(year, format));

        // A temporary file, deleted once sent: a large year's workbook never sits in memory.
        var temporary = Path.Combine(Path.GetTempPath(), $"cqp-pack-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                await pack.WriteWorkbookAsync(year, output, HttpContext.RequestAborted);
        }
        catch
        {
            System.IO.File.Delete(temporary);
            throw;
        }
        var stream = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return File(stream, AnnualPackWriter.WorkbookContentType, DownloadName(year, format));
    }
}
