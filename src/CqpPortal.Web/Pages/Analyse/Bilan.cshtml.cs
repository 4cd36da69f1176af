using CqpPortal.Domain.Statistics;
using CqpPortal.Web.Reports.AnnualPack;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Analyse;

/// <summary>
/// /Analyse/Bilan/{year}.xlsx and .pdf: the annual pack's workbook and PDF summary, made on the spot (the report runs
/// page offers the same files made in the background).
/// </summary>
public class AnalyticsAnnualPackModel(AnnualPackWriter pack, Statistics.StatisticsCertifications certifications) : PageModel
{
    public static string DownloadName(int year, string format) => $"bilan-annuel-cqp-{year}.{format}";

    /// <param name="certification">The certification's code (?certification=CODE); none: the portal's first one; unknown: not found.</param>
    public async Task<IActionResult> OnGetAsync(int year, string format, string? certification)
    {
        if (!AnnualStatistics.IsValidYear(year)) return NotFound();
        var chosen = await certifications.FindAsync(certification, HttpContext.RequestAborted);
        if (chosen is null && !string.IsNullOrWhiteSpace(certification)) return NotFound();
        if (format == "pdf")
            return File(await pack.PdfAsync(year, HttpContext.RequestAborted, chosen?.Id), AnnualPackWriter.PdfContentType, DownloadName(year, format));

        // A temporary file, deleted once sent: a large year's workbook never sits in memory.
        var temporary = Path.Combine(Path.GetTempPath(), $"cqp-pack-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                await pack.WriteWorkbookAsync(year, output, HttpContext.RequestAborted, chosen?.Id);
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
