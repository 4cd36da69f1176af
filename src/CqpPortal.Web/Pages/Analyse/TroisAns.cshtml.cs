using CqpPortal.Domain.Statistics;
using CqpPortal.Web.Reports.ThreeYears;
using CqpPortal.Web.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Analyse;

/// <summary>
/// /Analyse/TroisAns?fin=YEAR[&amp;certification=CODE]: the workbook of the three years ending with YEAR side by side,
/// for the CPNEFP's review of the accord (article 5), masked like the annual pack; for SIST and the committee (the
/// folder's roles). Years out of range or an unknown certification are not found.
/// </summary>
public class AnalyticsThreeYearsModel(ThreeYearWorkbook workbook, StatisticsCertifications certifications) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? fin, string? certification)
    {
        if (fin is not { } to || !AnalyticsThreeYearsModel.IsValidEnd(to)) return NotFound();
        var chosen = await certifications.FindAsync(certification, HttpContext.RequestAborted);
        if (chosen is null && !string.IsNullOrWhiteSpace(certification)) return NotFound();
        using var output = new MemoryStream();
        await workbook.WriteAsync(to, chosen?.Id, output, HttpContext.RequestAborted);
        return File(output.ToArray(), ThreeYearWorkbook.ContentType, ThreeYearWorkbook.FileName(to));
    }

    /// <summary>A last year whose two years before it are in the accepted range too.</summary>
    public static bool IsValidEnd(int to) => AnnualStatistics.IsValidYear(to) && AnnualStatistics.IsValidYear(to - ThreeYearContent.YearCount + 1);
}
