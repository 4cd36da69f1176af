using CqpPortal.Domain.Statistics;
using CqpPortal.Web.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Analyse;

/// <summary>
/// /Analyse/Statistiques/{year}.json[?certification=CODE]: the year's anonymous statistics of one certification (by
/// default the portal's first one) for SIST, as the command line writes them; an unknown code is not found.
/// </summary>
public class AnalyticsStatisticsJsonModel(StatisticsLoader statistics, StatisticsCertifications certifications) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int year, string? certification)
    {
        if (!AnnualStatistics.IsValidYear(year)) return NotFound();
        var chosen = await certifications.FindAsync(certification, HttpContext.RequestAborted);
        if (chosen is null && !string.IsNullOrWhiteSpace(certification)) return NotFound();
        var json = StatisticsJson.Serialize(await statistics.ForYearAsync(year, chosen?.Id, HttpContext.RequestAborted), chosen);
        return File(json, StatisticsJson.ContentType, StatisticsJson.FileName(year));
    }
}
