using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vae;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Vae;

/// <summary>The outcome of a candidate's change to a booklet: saved, refused for a newer version, or refused because it is sent.</summary>
public enum BookletSave { Saved, Conflict, Locked }

/// <summary>
/// The reads that the drafts, the reviews, the jury dossier and the booklet pages share: the documents of a booklet,
/// the referential's activities, booklet 1's experience; and saving a booklet under its version check.
/// </summary>
public static class BookletQueries
{
    /// <param name="ActivityId">Booklet 2: the activity the evidence supports; null for booklet 1.</param>
    public sealed record DocumentInfo(int Id, BookletDocumentKind Kind, string FileName, long Length, DateTimeOffset UploadedAt, int? ActivityId, string? ActivityCode);

    public sealed record ActivityRow(int Id, int UnitId, int UnitNumber, string UnitTitle, string Code, string Title);

    /// <summary>The documents of a booklet, oldest first, without their bytes.</summary>
    public static Task<List<DocumentInfo>> BookletDocumentsAsync(this CqpDbContext db, int bookletId) =>
        db.BookletDocuments.Where(d => d.BookletId == bookletId).OrderBy(d => d.UploadedAt).ThenBy(d => d.Id)
            .Select(d => new DocumentInfo(d.Id, d.Kind, d.FileName, d.Length, d.UploadedAt, d.ActivityId, d.Activity!.Code)).ToListAsync();

    /// <summary>The units and activities of the registration's certification, from the referential data.</summary>
    public static Task<List<ActivityRow>> VaeActivitiesAsync(this CqpDbContext db, int registrationId) =>
        db.Activities.Where(a => a.Unit!.CertificationId == db.Registrations.Where(r => r.Id == registrationId).Select(r => r.CertificationId).First())
            .OrderBy(a => a.Unit!.Number).ThenBy(a => a.Id)
            .Select(a => new ActivityRow(a.Id, a.UnitId, a.Unit!.Number, a.Unit.Title, a.Code, a.Title)).ToListAsync();

    /// <summary>The related experience of booklet 1 and the VAE rule applied to it by the registration's rule engine.</summary>
    public static async Task<(ExperienceSummary Summary, PrerequisiteResult Rule)> BookletExperienceAsync(this CqpDbContext db, Booklet booklet)
    {
        var thresholds = await db.Registrations.Where(r => r.Id == booklet.RegistrationId).Select(r => r.Certification!.Prerequisites).FirstAsync();
        var level = await db.Registrations.Where(r => r.Id == booklet.RegistrationId).Select(r => r.EducationLevel).FirstAsync();
        var calculator = new ExperienceCalculator(thresholds);
        var summary = calculator.Compute(booklet.Jobs.Select(j => new ExperienceLine(j.From, j.To, j.FullTimeShare, j.PhoneTimeShare, j.Kind)).ToList());
        return (summary, new PrerequisiteRules(thresholds).Check(calculator.ToPrerequisiteInput(summary, level)));
    }

    /// <summary>Saves the booklet's changes; a concurrent save of the same version (another tab) makes it a conflict.</summary>
    public static async Task<BookletSave> SaveBookletVersionAsync(this CqpDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return BookletSave.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return BookletSave.Conflict;
        }
    }
}
