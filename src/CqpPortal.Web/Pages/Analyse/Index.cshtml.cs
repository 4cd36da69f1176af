using CqpPortal.Domain.Statistics;
using CqpPortal.Web.Statistics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Analyse;

/// <summary>Anonymous yearly counts for SIST and the annual review committee, from the same module as the JSON export.</summary>
public class AnalyticsHomeModel(StatisticsLoader statistics) : PageModel
{
    public IReadOnlyList<AnnualStatistics> Years { get; private set; } = [];

    public async Task OnGetAsync() => Years = await statistics.AllYearsAsync(HttpContext.RequestAborted);
}
