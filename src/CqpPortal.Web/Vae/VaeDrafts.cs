using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Vae;

/// <summary>
/// The candidate's side of the VAE booklets while they are written: opening them (booklet 2 only after booklet 1 is
/// admissible), saving job lines and situations under the version check, adding and removing documents.
/// </summary>
public sealed class VaeDrafts(CqpDbContext db, TimeProvider clock, IOptions<VaeSettings> options)
{
    public VaeSettings Settings => options.Value;

    /// <summary>The candidate's VAE registration declared admissible (recevable), the newest one, or null.</summary>
    public Task<int?> VaeRegistrationOfAsync(string? userId) =>
        db.Registrations.Where(r => r.Candidate!.UserId == userId && userId != null && r.Route == CertificationRoute.Vae && r.State == RegistrationState.Admissible)
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();

    /// <summary>Booklet 2 opens once booklet 1 is admissible.</summary>
    public Task<bool> ExperienceBookletOpenAsync(int registrationId) =>
        db.Booklets.AnyAsync(b => b.RegistrationId == registrationId && b.Kind == BookletKind.Admissibility && b.State == BookletState.Admissible);

    /// <summary>The booklet with everything but the documents' bytes; created as an empty draft the first time.</summary>
    public async Task<Booklet> OpenAsync(int registrationId, BookletKind kind)
    {
        db.ChangeTracker.Clear(); // always the stored version, even when reloading after a refused save
        var booklet = await LoadAsync(registrationId, kind);
        if (booklet is not null) return booklet;
        if (kind == BookletKind.Experience && !await ExperienceBookletOpenAsync(registrationId))
            throw new InvalidOperationException("Booklet 2 opens once booklet 1 is admissible.");
        db.Booklets.Add(new Booklet { RegistrationId = registrationId, Kind = kind });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the same candidate opened it in another tab at the same moment
        }
        return (await LoadAsync(registrationId, kind))!;
    }

    private Task<Booklet?> LoadAsync(int registrationId, BookletKind kind) =>
        db.Booklets.Include(b => b.Jobs.OrderBy(j => j.Position)).Include(b => b.Situations.OrderBy(s => s.Position)).Include(b => b.History)
            .AsSplitQuery().FirstOrDefaultAsync(b => b.RegistrationId == registrationId && b.Kind == kind);

    /// <summary>Booklet 1's job lines and sworn statement, if the form was made from the current version.</summary>
    public async Task<BookletSave> SaveJobsAsync(Booklet booklet, int postedVersion, IReadOnlyList<BookletJob> jobs, bool sworn)
    {
        if (!booklet.IsEditable) return BookletSave.Locked;
        if (postedVersion != booklet.Version) return BookletSave.Conflict;
        booklet.Change();
        db.BookletJobs.RemoveRange(booklet.Jobs);
        booklet.Jobs = jobs.Select((j, i) => { j.Position = i; return j; }).ToList();
        if (sworn && !booklet.SwornStatement) booklet.SwornOn = DayInParis.Today(clock);
        if (!sworn) booklet.SwornOn = null;
        booklet.SwornStatement = sworn;
        return await db.SaveBookletVersionAsync();
    }

    /// <summary>Booklet 2's situations for the activities of one unit; the other units' situations stay as they are.</summary>
    public async Task<BookletSave> SaveSituationsAsync(Booklet booklet, int postedVersion, IReadOnlyCollection<int> activityIds, IReadOnlyList<BookletSituation> situations)
    {
        if (!booklet.IsEditable) return BookletSave.Locked;
        if (postedVersion != booklet.Version) return BookletSave.Conflict;
        booklet.Change();
        var replaced = booklet.Situations.Where(s => activityIds.Contains(s.ActivityId)).ToList();
        db.BookletSituations.RemoveRange(replaced);
        foreach (var old in replaced) booklet.Situations.Remove(old);
        for (var i = 0; i < situations.Count; i++)
        {
            situations[i].Position = i;
            booklet.Situations.Add(situations[i]);
        }
        return await db.SaveBookletVersionAsync();
    }

    /// <summary>
    /// Checks a file by its content and the limits, then stores it with the booklet; booklet 2's evidence names the
    /// activity of the referential it supports. Returns the refusal in French, or null.
    /// </summary>
    public async Task<string?> AddDocumentAsync(Booklet booklet, BookletDocumentKind kind, int? activityId, string? fileName, long length, Stream content)
    {
        if (!booklet.IsEditable) return "Ce livret est envoyé : il ne peut plus être modifié.";
        if (!BookletLabels.KindsFor(booklet.Kind).Contains(kind)) return "Ce type de pièce n'est pas demandé dans ce livret.";
        if (booklet.Kind == BookletKind.Admissibility) activityId = null;
        else if (activityId is null || !(await db.VaeActivitiesAsync(booklet.RegistrationId)).Any(a => a.Id == activityId))
            return "Choisissez l'activité du référentiel que cette pièce illustre.";
        var start = new byte[8];
        var read = length > 0 ? await content.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false) : 0;
        var held = await db.BookletDocuments.Where(d => d.BookletId == booklet.Id).SumAsync(d => (long?)d.Length) ?? 0;
        var decision = UploadRules.Check(fileName, start.AsSpan(0, read), length, Settings.MaxFileBytes, held, Settings.MaxBookletBytes);
        if (!decision.Accepted) return decision.Refusal;
        using var buffer = new MemoryStream((int)length);
        buffer.Write(start, 0, read);
        await content.CopyToAsync(buffer);
        booklet.Change();
        db.BookletDocuments.Add(new BookletDocument
        {
            BookletId = booklet.Id, Kind = kind, ActivityId = activityId, FileName = decision.SafeName, ContentType = decision.ContentType,
            Length = buffer.Length, Content = buffer.ToArray(), UploadedAt = clock.GetUtcNow(),
        });
        return await db.SaveBookletVersionAsync() == BookletSave.Saved ? null : "Le livret a changé entre-temps : rechargez la page et recommencez.";
    }

    public async Task<BookletSave> RemoveDocumentAsync(Booklet booklet, int documentId)
    {
        if (!booklet.IsEditable) return BookletSave.Locked;
        if (!await db.BookletDocuments.AnyAsync(d => d.Id == documentId && d.BookletId == booklet.Id)) return BookletSave.Saved;
        db.BookletDocuments.Remove(new BookletDocument { Id = documentId, BookletId = booklet.Id, FileName = "", ContentType = "", Content = [] });
        booklet.Change();
        return await db.SaveBookletVersionAsync();
    }
}
