using System.Text;
using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Vae;

public enum BookletSave { Saved, Conflict, Locked }

/// <summary>
/// The VAE booklets of a registration: opening them (booklet 2 only after booklet 1 is admissible), saving the
/// candidate's versions, documents, submission, staff decisions, the e-mails that go with them, and the jury PDF.
/// </summary>
public sealed class VaeBooklets(CqpDbContext db, CandidateMailer candidateMailer, StaffMailer staffMailer, TimeProvider clock,
    IOptions<VaeSettings> options)
{
    public VaeSettings Settings => options.Value;

    /// <summary>The candidate's VAE registration declared admissible (recevable), the newest one, or null.</summary>
    public Task<int?> VaeRegistrationOfAsync(string? userId) =>
        db.Registrations.Where(r => r.Candidate!.UserId == userId && userId != null && r.Route == CertificationRoute.Vae && r.State == RegistrationState.Admissible)
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();

    /// <summary>Booklet 1's identity block, taken from the registration (never retyped).</summary>
    public sealed record CandidateIdentity(string FullName, DateOnly BirthDate, string Email, string? Phone, string Certification, int EducationLevel, string? HighestDiploma);

    public Task<CandidateIdentity> IdentityAsync(int registrationId) =>
        db.Registrations.Where(r => r.Id == registrationId).Select(r => new CandidateIdentity(r.Candidate!.FirstName + " " + r.Candidate.LastName,
            r.Candidate.BirthDate, r.Candidate.Email, r.Candidate.Phone, r.Certification!.Title, r.EducationLevel, r.HighestDiploma)).FirstAsync();

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

    /// <param name="ActivityId">Booklet 2: the activity the evidence supports; null for booklet 1.</param>
    public sealed record DocumentInfo(int Id, BookletDocumentKind Kind, string FileName, long Length, DateTimeOffset UploadedAt, int? ActivityId, string? ActivityCode);

    public Task<List<DocumentInfo>> DocumentsAsync(int bookletId) =>
        db.BookletDocuments.Where(d => d.BookletId == bookletId).OrderBy(d => d.UploadedAt).ThenBy(d => d.Id)
            .Select(d => new DocumentInfo(d.Id, d.Kind, d.FileName, d.Length, d.UploadedAt, d.ActivityId, d.Activity!.Code)).ToListAsync();

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
        return await SaveVersionAsync();
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
        return await SaveVersionAsync();
    }

    private async Task<BookletSave> SaveVersionAsync()
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

    /// <summary>
    /// Checks a file by its content and the limits, then stores it with the booklet; booklet 2's evidence names the
    /// activity of the referential it supports. Returns the refusal in French, or null.
    /// </summary>
    public async Task<string?> AddDocumentAsync(Booklet booklet, BookletDocumentKind kind, int? activityId, string? fileName, long length, Stream content)
    {
        if (!booklet.IsEditable) return "Ce livret est envoyé : il ne peut plus être modifié.";
        if (!BookletLabels.KindsFor(booklet.Kind).Contains(kind)) return "Ce type de pièce n'est pas demandé dans ce livret.";
        if (booklet.Kind == BookletKind.Admissibility) activityId = null;
        else if (activityId is null || !(await ActivitiesAsync(booklet.RegistrationId)).Any(a => a.Id == activityId))
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
        return await SaveVersionAsync() == BookletSave.Saved ? null : "Le livret a changé entre-temps : rechargez la page et recommencez.";
    }

    public async Task<BookletSave> RemoveDocumentAsync(Booklet booklet, int documentId)
    {
        if (!booklet.IsEditable) return BookletSave.Locked;
        if (!await db.BookletDocuments.AnyAsync(d => d.Id == documentId && d.BookletId == booklet.Id)) return BookletSave.Saved;
        db.BookletDocuments.Remove(new BookletDocument { Id = documentId, BookletId = booklet.Id, FileName = "", ContentType = "", Content = [] });
        booklet.Change();
        return await SaveVersionAsync();
    }

    /// <summary>What stops booklet 1 from being sent, in French (empty when it can be).</summary>
    public async Task<List<string>> AdmissibilityProblemsAsync(Booklet booklet)
    {
        var problems = new List<string>();
        if (booklet.Jobs.Count == 0) problems.Add("Déclarez au moins un emploi ou une activité bénévole.");
        if (!booklet.SwornStatement) problems.Add("Cochez la déclaration sur l'honneur.");
        if (!await db.BookletDocuments.AnyAsync(d => d.BookletId == booklet.Id)) problems.Add("Joignez au moins un justificatif (attestation d'employeur, bulletin de salaire ou contrat…).");
        return problems;
    }

    /// <summary>What stops booklet 2 from being sent: every activity of the referential needs a situation with its context and what was done.</summary>
    public async Task<List<string>> ExperienceProblemsAsync(Booklet booklet)
    {
        var activities = await ActivitiesAsync(booklet.RegistrationId);
        return activities.Where(a => !booklet.Situations.Any(s => s.ActivityId == a.Id && IsDescribed(s)))
            .Select(a => $"Activité {a.Code} ({a.Title}) : décrivez au moins une situation (contexte et ce que vous avez fait).").ToList();
    }

    public static bool IsDescribed(BookletSituation s) => !string.IsNullOrWhiteSpace(s.Context) && !string.IsNullOrWhiteSpace(s.Actions);

    public sealed record ActivityRow(int Id, int UnitId, int UnitNumber, string UnitTitle, string Code, string Title);

    /// <summary>The units and activities of the registration's certification, from the referential data.</summary>
    public Task<List<ActivityRow>> ActivitiesAsync(int registrationId) =>
        db.Activities.Where(a => a.Unit!.CertificationId == db.Registrations.Where(r => r.Id == registrationId).Select(r => r.CertificationId).First())
            .OrderBy(a => a.Unit!.Number).ThenBy(a => a.Id)
            .Select(a => new ActivityRow(a.Id, a.UnitId, a.Unit!.Number, a.Unit.Title, a.Code, a.Title)).ToListAsync();

    /// <summary>Sends the booklet: locks it, keeps the version as sent, and tells the candidate and staff by e-mail.</summary>
    public async Task<BookletSave> SubmitAsync(Booklet booklet, int postedVersion, string userId)
    {
        if (!booklet.IsEditable) return BookletSave.Locked;
        if (postedVersion != booklet.Version) return BookletSave.Conflict;
        var snapshot = await SnapshotAsync(booklet);
        booklet.Submit(clock.GetUtcNow(), userId, snapshot);
        booklet.Version++;
        var saved = await SaveVersionAsync();
        if (saved != BookletSave.Saved) return saved;
        var candidate = await CandidateOfAsync(booklet.RegistrationId);
        await candidateMailer.BookletSentAsync(candidate, booklet.Kind, clock.GetUtcNow());
        await staffMailer.BookletToReviewAsync(candidate, booklet.Kind, booklet.History.Last().Version);
        return BookletSave.Saved;
    }

    /// <summary>Staff decision; false when the booklet is no longer waiting (decided in another tab).</summary>
    public async Task<bool> DecideAsync(int bookletId, BookletState decision, string? motive, IReadOnlyList<string> missingItems, string staffUserId)
    {
        var booklet = await db.Booklets.Include(b => b.History).FirstOrDefaultAsync(b => b.Id == bookletId);
        if (booklet is not { State: BookletState.Submitted }) return false;
        booklet.Decide(decision, motive, missingItems, clock.GetUtcNow(), staffUserId);
        booklet.Version++;
        if (await SaveVersionAsync() != BookletSave.Saved) return false;

        var candidate = await CandidateOfAsync(booklet.RegistrationId);
        await candidateMailer.BookletDecidedAsync(candidate, booklet.Kind, decision, motive, missingItems);
        return true;
    }

    public sealed record HistoryRow(DateTimeOffset At, string? By, int Version, BookletState? From, BookletState To, string? Comment, List<string> MissingItems, string? Snapshot);

    /// <summary>Submissions and decisions, newest first, for both sides.</summary>
    public Task<List<HistoryRow>> HistoryAsync(int bookletId) =>
        db.BookletEvents.Where(e => e.BookletId == bookletId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new HistoryRow(e.At, db.Users.Where(u => u.Id == e.ByUserId).Select(u => u.DisplayName).FirstOrDefault(), e.Version, e.From, e.To,
                e.Comment, e.MissingItems, e.Snapshot)).ToListAsync();

    /// <summary>The jury PDF of an accepted booklet 2, or null when there is none.</summary>
    public async Task<(string FileName, byte[] Content)?> JuryPdfAsync(int bookletId)
    {
        var booklet = await db.Booklets.AsNoTracking().Include(b => b.Situations.OrderBy(s => s.Position)).FirstOrDefaultAsync(b => b.Id == bookletId);
        if (booklet is not { Kind: BookletKind.Experience, State: BookletState.Admissible }) return null;
        var person = await db.Registrations.Where(r => r.Id == booklet.RegistrationId).Select(r => new
        {
            Name = r.Candidate!.FirstName + " " + r.Candidate.LastName, r.Candidate.BirthDate, r.Certification!.Title, r.EducationLevel, r.HighestDiploma,
        }).FirstAsync();
        var first = await db.Booklets.AsNoTracking().Include(b => b.Jobs.OrderBy(j => j.Position))
            .FirstOrDefaultAsync(b => b.RegistrationId == booklet.RegistrationId && b.Kind == BookletKind.Admissibility);
        var related = first is null ? 0 : (await ExperienceAsync(first)).Summary.RelatedMonths;
        var jobs = first?.Jobs.Select(j => $"{j.Employer} – {j.JobTitle} ({BookletLabels.Of(j.Kind)}), du {FrenchFormat.Date(j.From)} au {FrenchFormat.Date(j.To)}, {j.FullTimeShare} % d'un temps plein").ToList() ?? [];
        var activities = await ActivitiesAsync(booklet.RegistrationId);
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
            attachments.Select(a => $"{(a.Kind == BookletKind.Admissibility ? "Livret 1" : $"Livret 2, activité {a.ActivityCode}")} – {BookletLabels.Of(a.DocumentKind)} : {a.FileName} ({UploadRules.Size(a.Length)})").ToList());
        return (JuryBookletPdf.FileName(person.Name), JuryBookletPdf.Render(data));
    }

    private Task<Candidate> CandidateOfAsync(int registrationId) =>
        db.Registrations.Where(r => r.Id == registrationId).Select(r => r.Candidate!).FirstAsync();

    /// <summary>The related experience of booklet 1 and the VAE rule applied to it by the registration's rule engine.</summary>
    public async Task<(ExperienceSummary Summary, PrerequisiteResult Rule)> ExperienceAsync(Booklet booklet)
    {
        var thresholds = await db.Registrations.Where(r => r.Id == booklet.RegistrationId).Select(r => r.Certification!.Prerequisites).FirstAsync();
        var level = await db.Registrations.Where(r => r.Id == booklet.RegistrationId).Select(r => r.EducationLevel).FirstAsync();
        var calculator = new ExperienceCalculator(thresholds);
        var summary = calculator.Compute(booklet.Jobs.Select(j => new ExperienceLine(j.From, j.To, j.FullTimeShare, j.PhoneTimeShare, j.Kind)).ToList());
        return (summary, new PrerequisiteRules(thresholds).Check(calculator.ToPrerequisiteInput(summary, level)));
    }

    /// <summary>The booklet as sent, in plain text: kept with the submission so that each version stays readable.</summary>
    private async Task<string> SnapshotAsync(Booklet booklet)
    {
        var text = new StringBuilder();
        if (booklet.Kind == BookletKind.Admissibility)
        {
            foreach (var j in booklet.Jobs)
                text.AppendLine($"{j.Employer} – {j.JobTitle} ({BookletLabels.Of(j.Kind)}), du {FrenchFormat.Date(j.From)} au {FrenchFormat.Date(j.To)}, {j.FullTimeShare} % d'un temps plein, {j.PhoneTimeShare} % au téléphone. {j.MainActivities}");
            var (summary, _) = await ExperienceAsync(booklet);
            text.AppendLine($"Expérience en rapport avec le CQP : {summary.RelatedMonths} mois (équivalent temps plein).");
            text.AppendLine(booklet.SwornStatement ? $"Déclaration sur l'honneur cochée le {FrenchFormat.Date(booklet.SwornOn!.Value)}." : "Déclaration sur l'honneur non cochée.");
        }
        else
        {
            var activities = await ActivitiesAsync(booklet.RegistrationId);
            foreach (var a in activities)
                foreach (var s in booklet.Situations.Where(s => s.ActivityId == a.Id))
                    text.AppendLine($"{a.Code} – contexte : {s.Context} ; ce que j'ai fait : {s.Actions} ; outils : {s.Tools} ; résultat : {s.Result}");
        }
        foreach (var d in await DocumentsAsync(booklet.Id))
            text.AppendLine($"Pièce{(d.ActivityCode is null ? "" : $" ({d.ActivityCode})")} : {BookletLabels.Of(d.Kind)} – {d.FileName} ({UploadRules.Size(d.Length)})");
        return text.ToString().TrimEnd();
    }
}
