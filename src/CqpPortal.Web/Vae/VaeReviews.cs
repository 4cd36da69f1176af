using System.Text;
using CqpPortal.Domain.Vae;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Vae;

/// <summary>
/// A booklet between the candidate and staff: what stops it from being sent, sending it (locked, the version kept as
/// text), the staff decision, the e-mails that go with both, and the history both sides read.
/// </summary>
public sealed class VaeReviews(CqpDbContext db, CandidateMailer candidateMailer, StaffMailer staffMailer, TimeProvider clock)
{
    /// <summary>What stops booklet 1 from being sent, in French (empty when it can be).</summary>
    public async Task<IReadOnlyList<string>> AdmissibilityProblemsAsync(Booklet booklet) =>
        BookletRules.AdmissibilityProblems(booklet.Jobs.Count, booklet.SwornStatement, await db.BookletDocuments.CountAsync(d => d.BookletId == booklet.Id));

    /// <summary>What stops booklet 2 from being sent: every activity of the referential needs a described situation.</summary>
    public async Task<IReadOnlyList<string>> ExperienceProblemsAsync(Booklet booklet)
    {
        var activities = await db.VaeActivitiesAsync(booklet.RegistrationId);
        return BookletRules.ExperienceProblems(activities.Select(a => new ActivityCoverage(a.Code, a.Title,
            booklet.Situations.Any(s => s.ActivityId == a.Id && BookletRules.IsDescribed(s.Context, s.Actions)))));
    }

    /// <summary>Sends the booklet: locks it, keeps the version as sent, and tells the candidate and staff by e-mail.</summary>
    public async Task<BookletSave> SubmitAsync(Booklet booklet, int postedVersion, string userId)
    {
        if (!booklet.IsEditable) return BookletSave.Locked;
        if (postedVersion != booklet.Version) return BookletSave.Conflict;
        var snapshot = await SnapshotAsync(booklet);
        booklet.Submit(clock.GetUtcNow(), userId, snapshot);
        booklet.Version++;
        var saved = await db.SaveBookletVersionAsync();
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
        if (await db.SaveBookletVersionAsync() != BookletSave.Saved) return false;

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

    private Task<Candidate> CandidateOfAsync(int registrationId) =>
        db.Registrations.Where(r => r.Id == registrationId).Select(r => r.Candidate!).FirstAsync();

    /// <summary>The booklet as sent, in plain text: kept with the submission so that each version stays readable.</summary>
    internal async Task<string> SnapshotAsync(Booklet booklet)
    {
        var text = new StringBuilder();
        if (booklet.Kind == BookletKind.Admissibility)
        {
            foreach (var j in booklet.Jobs)
                text.AppendLine($"{j.Employer} – {j.JobTitle} ({BookletLabels.Of(j.Kind)}), du {FrenchFormat.Date(j.From)} au {FrenchFormat.Date(j.To)}, {j.FullTimeShare} % d'un temps plein, {j.PhoneTimeShare} % au téléphone. {j.MainActivities}");
            var (summary, _) = await db.BookletExperienceAsync(booklet);
            text.AppendLine($"Expérience en rapport avec le CQP : {summary.RelatedMonths} mois (équivalent temps plein).");
            text.AppendLine(booklet.SwornStatement ? $"Déclaration sur l'honneur cochée le {FrenchFormat.Date(booklet.SwornOn!.Value)}." : "Déclaration sur l'honneur non cochée.");
        }
        else
        {
            var activities = await db.VaeActivitiesAsync(booklet.RegistrationId);
            foreach (var a in activities)
                foreach (var s in booklet.Situations.Where(s => s.ActivityId == a.Id))
                    text.AppendLine($"{a.Code} – contexte : {s.Context} ; ce que j'ai fait : {s.Actions} ; outils : {s.Tools} ; résultat : {s.Result}");
        }
        foreach (var d in await db.BookletDocumentsAsync(booklet.Id))
            text.AppendLine($"Pièce{(d.ActivityCode is null ? "" : $" ({d.ActivityCode})")} : {BookletLabels.Of(d.Kind)} – {d.FileName} ({UploadRules.Size(d.Length)})");
        return text.ToString().TrimEnd();
    }
}
