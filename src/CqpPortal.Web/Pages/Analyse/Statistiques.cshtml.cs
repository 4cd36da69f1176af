using CqpPortal.Domain.Statistics;
using CqpPortal.Web.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Analyse;

/// <summary>/Analyse/Statistiques/{year}.json: the year's anonymous statistics for SIST, as the command line writes them.</summary>
public class AnalyticsStatisticsJsonModel(StatisticsLoader statistics) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int year)
    {
        if (!AnnualStatistics.IsValidYear(year)) return NotFound();
        var json = StatisticsJson.Serialize(await statistics.ForYearAsync(year, HttpContext.RequestAborted));
        return File(json, StatisticsJson.ContentType, StatisticsJson.FileName(year));
    }
}
