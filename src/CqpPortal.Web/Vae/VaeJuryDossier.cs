using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Vae;

/// <summary>
/// What the jury reads of a VAE candidate: booklet 2 once accepted, with the summary of booklet 1 and the list of the
/// attachments, as the PDF of <see cref="JuryBookletPdf"/>. Who may read it is <see cref="VaeFileAccess"/>'s rule.
/// </summary>
public sealed class VaeJuryDossier(CqpDbContext db, TimeProvider clock)
{
    /// <summary>The jury PDF of an accepted booklet 2, or null when there is none.</summary>
    public async Task<(string FileName, byte[] Content)?> PdfAsync(int bookletId)
    {
        var booklet = await db.Booklets.AsNoTracking().Include(b => b.Situations.OrderBy(s => s.Position)).FirstOrDefaultAsync(b => b.Id == bookletId);
        if (booklet is not { Kind: BookletKind.Experience, State: BookletState.Admissible }) return null;
        var person = await db.Registrations.Where(r => r.Id == booklet.RegistrationId).Select(r => new
        {
            Name = r.Candidate!.FirstName + " " + r.Candidate.LastName, r.Candidate.BirthDate, r.Certification!.Title, r.EducationLevel, r.HighestDiploma,
        }).FirstAsync();
        var first = await db.Booklets.AsNoTracking().Include(b => b.Jobs.OrderBy(j => j.Position))
            .FirstOrDefaultAsync(b => b.RegistrationId == booklet.RegistrationId && b.Kind == BookletKind.Admissibility);
        var related = first is null ? 0 : (await db.BookletExperienceAsync(first)).Summary.RelatedMonths;
        var jobs = first?.Jobs.Select(j => $"{j.Employer} – {j.JobTitle} ({BookletLabels.Of(j.Kind)}), du {FrenchFormat.Date(j.From)} au {FrenchFormat.Date(j.To)}, {j.FullTimeShare} % d'un temps plein").ToList() ?? [];
        var activities = await db.VaeActivitiesAsync(booklet.RegistrationId);
        var units = activities.GroupBy(a => (a.UnitNumber, a.UnitTitle)).Select(g => new JuryUnit(g.Key.UnitNumber, g.Key.UnitTitle,
            g.Select(a => new JuryActivity(a.Code, a.Title, booklet.Situations.Where(s => s.ActivityId == a.Id)
                .Select(s => (s.Context, s.Actions, s.Tools, s.Result)).ToList())).ToList())).ToList();
        var attachments = await db.BookletDocuments.Where(d => d.Booklet!.RegistrationId == booklet.RegistrationId)
            .OrderBy(d => d.Booklet!.Kind).ThenBy(d => d.UploadedAt)
            .Select(d => new { d.Booklet!.Kind, DocumentKind = d.Kind, d.FileName, d.Length, ActivityCode = d.Activity!.Code }).ToListAsync();
        var accepted = await db.BookletEvents.Where(e => e.BookletId == bookletId && e.To == BookletState.Admissible).MaxAsync(e => (DateTimeOffset?)e.At) ?? clock.GetUtcNow();
        var data = new JuryBookletData(person.Name, person.BirthDate, person.Title,
            EducationLevels.Label(person.EducationLevel) + (person.HighestDiploma is null ? "" : $" ({person.HighestDiploma})"),
            DayInParis.Of(accepted), related, jobs, units,
            attachments.Select(a => $"{(a.Kind == BookletKind.Admissibility ? "Livret 1" : $"Livret 2, activité {a.ActivityCode}")} – {BookletLabels.Of(a.DocumentKind)} : {a.FileName} ({UploadRules.Size(a.Length)})").ToList(), bookletId);
        return (JuryBookletPdf.FileName(person.Name), JuryBookletPdf.Render(data));
    }
}
