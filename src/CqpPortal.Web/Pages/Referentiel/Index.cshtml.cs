using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Referentiel;

/// <summary>The referential of the portal's certification, rendered from the data (units, activities, competences).</summary>
public class ReferentialModel(CqpDbContext db) : PageModel
{
    /// <summary>A competence as the public reads it: no staff note (the note on where a row comes from stays for staff).</summary>
    public sealed record CompetenceRow(string Code, string Title, string? ActivityCode, List<string> Modalities);
    public sealed record ActivityRow(string Code, string Title);
    public sealed record UnitRow(int Number, string Title, string? Description, string? EvaluationSummary, List<ActivityRow> Activities, List<CompetenceRow> Competences);

    public string Title { get; private set; } = "";
    public List<UnitRow> Units { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var certification = await db.Certifications.OrderBy(c => c.Id).Select(c => new { c.Id, c.Title }).FirstAsync();
        Title = certification.Title;
        Units = await db.CertificationUnits.Where(u => u.CertificationId == certification.Id).OrderBy(u => u.Number)
            .Select(u => new UnitRow(u.Number, u.Title, u.Description, u.EvaluationSummary,
                u.Activities.OrderBy(a => a.Id).Select(a => new ActivityRow(a.Code, a.Title)).ToList(),
                u.Competences.OrderBy(c => c.Id).Select(c => new CompetenceRow(c.Code, c.Title, c.Activity == null ? null : c.Activity.Code, c.EvaluationModalities)).ToList()))
            .ToListAsync();
    }
}
