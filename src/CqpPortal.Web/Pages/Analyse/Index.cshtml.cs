using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Analyse;

/// <summary>Anonymous yearly counts for SIST and the annual review committee.</summary>
public class AnalyticsHomeModel(CqpDbContext db) : PageModel
{
    public sealed record YearRow(int Year, int Registrations, int Training, int Vae, int Free, int Juries, int TotalValidations, int SurveyResponses);

    public List<YearRow> Years { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var registrations = await db.Registrations.Where(r => r.RegisteredOn != null)
            .GroupBy(r => new { r.RegisteredOn!.Value.Year, r.Route }).Select(g => new { g.Key.Year, g.Key.Route, Count = g.Count() }).ToListAsync();
        var juries = await db.JuryDecisions.GroupBy(j => new { j.DecidedOn.Year, j.Result }).Select(g => new { g.Key.Year, g.Key.Result, Count = g.Count() }).ToListAsync();
        var surveys = await db.HolderSurveys.Where(s => s.RespondedOn != null).GroupBy(s => s.RespondedOn!.Value.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync();
        Years = registrations.Select(r => r.Year).Concat(juries.Select(j => j.Year)).Distinct().OrderDescending()
            .Select(year => new YearRow(year,
                registrations.Where(r => r.Year == year).Sum(r => r.Count),
                registrations.Where(r => r.Year == year && r.Route == CertificationRoute.Training).Sum(r => r.Count),
                registrations.Where(r => r.Year == year && r.Route == CertificationRoute.Vae).Sum(r => r.Count),
                registrations.Where(r => r.Year == year && r.Route == CertificationRoute.Free).Sum(r => r.Count),
                juries.Where(j => j.Year == year).Sum(j => j.Count),
                juries.Where(j => j.Year == year && j.Result == JuryResult.TotalValidation).Sum(j => j.Count),
                surveys.Where(s => s.Year == year).Sum(s => s.Count)))
            .ToList();
    }
}
