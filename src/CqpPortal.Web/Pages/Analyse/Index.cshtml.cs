using CqpPortal.Domain.Statistics;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Pages.Analyse;

/// <summary>
/// The statistics dashboard for SIST and the annual review committee: one year's indicators as tables (the truth,
/// server-rendered) and charts drawn from those tables, the three-year comparison, and the yearly activity; all from
/// the statistics module, like the JSON export and the annual pack. One certification at a time (?certification=CODE,
/// by default the portal's first one).
/// </summary>
public class AnalyticsHomeModel(StatisticsLoader statistics, StatisticsCertifications certifications, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")]
    public int? Annee { get; set; }

    [BindProperty(SupportsGet = true, Name = "certification")]
    public string? CertificationCode { get; set; }

    public IReadOnlyList<AnnualStatistics> Years { get; private set; } = [];
    public IReadOnlyList<int> YearChoices { get; private set; } = [];
    public IReadOnlyList<StatisticsCertification> Certifications { get; private set; } = [];
    public StatisticsCertification? Certification { get; private set; }
    public StatisticsDashboard Dashboard { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Annee is { } asked && !AnnualStatistics.IsValidYear(asked)) return NotFound();
        Certifications = await certifications.AllAsync(HttpContext.RequestAborted);
        Certification = await certifications.FindAsync(CertificationCode, HttpContext.RequestAborted);
        if (Certification is null && !string.IsNullOrWhiteSpace(CertificationCode)) return NotFound();
        Years = await statistics.AllYearsAsync(Certification?.Id, HttpContext.RequestAborted);
        // By default the last complete year (the one the annual review looks at).
        var year = Annee ?? DayInParis.Today(clock).Year - 1;
        YearChoices = Years.Select(y => y.Year).Append(year).Distinct().OrderDescending().ToList();
        Dashboard = StatisticsDashboard.For(year, Years, Certification);
        return Page();
    }
}
