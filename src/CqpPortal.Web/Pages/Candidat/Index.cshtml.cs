using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Training;
using CqpPortal.Domain.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Pages.Candidat;

/// <summary>The signed-in candidate's own file: registrations, deadline, sessions, jury result.</summary>
public class CandidateHomeModel(CqpDbContext db, UserManager<Identity.PortalUser> users, TimeProvider clock, CompanyConsent consent, TrainingProgress training) : PageModel
{
    /// <summary>« Mon entreprise peut suivre mon dossier » for each sent registration that names a company (null: not answered).</summary>
    public Dictionary<int, bool?> CompanyAnswers { get; private set; } = [];

    public sealed record SessionRow(SessionKind Kind, DateTimeOffset StartsAt, string PlaceName, string City);
    public sealed record RegistrationRow(int Id, string CertificationTitle, CertificationRoute Route, RegistrationState State, DateOnly? RegisteredOn,
        JourneyDeadline? Deadline, List<SessionRow> Sessions, JuryResult? JuryResult, string? DecisionMotive,
        IReadOnlyList<TimelineStep> Timeline, string NextAction, List<UnitRow> UnitsValidated, List<UnitRow> UnitsRemaining, List<string> OpenRequests);
    public sealed record UnitRow(int Id, int Number, string Title);
    public sealed record CandidateView(string FirstName, List<RegistrationRow> Registrations);
    public sealed record DocumentRow(int Id, string Title, DateTimeOffset CreatedAt);

    public List<DocumentRow> Documents { get; private set; } = [];

    /// <summary>The holder's follow-up surveys still waiting for an answer.</summary>
    public sealed record SurveyRow(int Id, SurveyWave Wave, DateOnly DueOn);
    public List<SurveyRow> PendingSurveys { get; private set; } = [];

    public CandidateView? Candidate { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>Just after sending the registration: its receipt, linked beside the confirmation.</summary>
    [TempData]
    public int? ReceiptId { get; set; }
    public DateOnly Today { get; private set; }

    private sealed record FileRegistration(int Id, string Title, int JourneyLimitMonths, CertificationRoute Route, RegistrationState State,
        DateOnly? RegisteredOn, DateOnly? AdmissibilityDecidedOn, string? DecisionMotive, List<SessionRow> Sessions, JuryResult? Jury, DateOnly? JuryDecidedOn,
        List<UnitRow> Units, List<int> ValidatedUnitIds, List<string> OpenRequests, bool WasAdmissible, DateTimeOffset? LastChangeAt);
    private sealed record OwnFileRow(string FirstName, List<FileRegistration> Registrations);

    // The page's queries, compiled once: each visit of the candidate's home skips EF's query translation lookup.
    private static readonly Func<CqpDbContext, string, Task<OwnFileRow?>> OwnFile = EF.CompileAsyncQuery((CqpDbContext db, string userId) => db.Candidates
        .Where(c => c.UserId == userId)
        .Select(c => new OwnFileRow(c.FirstName, c.Registrations.OrderByDescending(r => r.Id).Select(r => new FileRegistration(
            r.Id, r.Certification!.Title, r.Certification.JourneyLimitMonths, r.Route, r.State, r.RegisteredOn, r.AdmissibilityDecidedOn, r.DecisionMotive,
            r.Enrolments.Where(e => e.State == EnrolmentState.Enrolled).OrderBy(e => e.Session!.StartsAt)
                .Select(e => new SessionRow(e.Session!.Kind, e.Session.StartsAt, e.Session.PlaceName, e.Session.City)).ToList(),
            // A decision deliberated in the portal is final once every member signed the minutes; one typed from paper or imported is final as is.
            r.JuryDecisions.AsQueryable().Where(JuryDecision.IsFinal).OrderByDescending(j => j.DecidedOn).Select(j => (JuryResult?)j.Result).FirstOrDefault(),
            r.JuryDecisions.AsQueryable().Where(JuryDecision.IsFinal).OrderByDescending(j => j.DecidedOn).Select(j => (DateOnly?)j.DecidedOn).FirstOrDefault(),
            r.Certification.Units.OrderBy(u => u.Number).Select(u => new UnitRow(u.Id, u.Number, u.Title)).ToList(),
            r.JuryDecisions.AsQueryable().Where(JuryDecision.IsFinal).SelectMany(j => j.UnitResults).Where(u => u.Validated)
                .Select(u => u.UnitId).Distinct().ToList(),
            // The documents staff asked for that no proof answers yet.
            r.DocumentRequests.Where(d => !d.Proofs.Any()).OrderBy(d => d.Id).Select(d => d.Label).ToList(),
            r.History.Any(h => h.To == RegistrationState.Admissible || h.From == RegistrationState.Admissible),
            r.History.Where(h => h.To == r.State).Max(h => (DateTimeOffset?)h.At))).ToList()))
        .FirstOrDefault());

    private static readonly Func<CqpDbContext, string, IAsyncEnumerable<DocumentRow>> OwnDocuments = EF.CompileAsyncQuery((CqpDbContext db, string userId) =>
        db.CandidateDocuments.Where(d => d.Candidate!.UserId == userId).OrderByDescending(d => d.CreatedAt)
            .Select(d => new DocumentRow(d.Id, d.Title, d.CreatedAt)));

    private static readonly Func<CqpDbContext, string, IAsyncEnumerable<SurveyRow>> OwnPendingSurveys = EF.CompileAsyncQuery((CqpDbContext db, string userId) =>
        db.HolderSurveys.Where(s => s.Registration!.Candidate!.UserId == userId && s.RespondedOn == null && s.InvitedAt != null && s.OptedOutAt == null)
            .OrderBy(s => s.DueOn).Select(s => new SurveyRow(s.Id, s.Wave, s.DueOn)));

    /// <summary>The candidate changes whether their company may follow the file; the answer is dated and kept in the history.</summary>
    public async Task<IActionResult> OnPostCompanyFollowingAsync(int registrationId, bool follow)
    {
        if (!await consent.ChangeAsync(users.GetUserId(User)!, registrationId, follow)) return NotFound();
        Message = follow ? "C'est noté : votre entreprise peut suivre votre dossier." : "C'est noté : votre entreprise voit seulement qu'une inscription existe.";
        return RedirectToPage();
    }

    public async Task OnGetAsync()
    {
        Today = DayInParis.Today(clock);
        var userId = users.GetUserId(User);
        var candidate = userId is null ? null : await OwnFile(db, userId);
        if (candidate is null) return;
        await foreach (var document in OwnDocuments(db, userId!)) Documents.Add(document);
        await foreach (var survey in OwnPendingSurveys(db, userId!)) PendingSurveys.Add(survey);
        CompanyAnswers = await consent.AnswersAsync(userId!);
        // Training route: the timeline shows the path's hours (« en cours (x h sur y h) »), when the path is in the portal.
        var hours = new Dictionary<int, PathHours?>();
        foreach (var r in candidate.Registrations.Where(r => r.Route == CertificationRoute.Training && r.State != RegistrationState.Draft))
            hours[r.Id] = await training.HoursAsync(r.Id);
        Candidate = new CandidateView(candidate.FirstName, candidate.Registrations.Select(r =>
        {
            DateOnly? Day(SessionKind kind) => r.Sessions.Where(s => s.Kind == kind).Select(s => (DateOnly?)DayInParis.Of(s.StartsAt)).LastOrDefault();
            var facts = new JourneyFacts(r.Route, r.State, r.RegisteredOn, r.AdmissibilityDecidedOn,
                Day(SessionKind.Evaluation) ?? Day(SessionKind.VaeSituation), r.Jury == JuryResult.Absent ? Day(SessionKind.Jury) ?? r.JuryDecidedOn : r.JuryDecidedOn ?? Day(SessionKind.Jury), r.Jury,
                // Only admissible journeys expire; a withdrawn one may have been admissible or not yet.
                r.WasAdmissible || r.State == RegistrationState.Expired, r.LastChangeAt is { } closedAt ? DayInParis.Of(closedAt) : null, hours.GetValueOrDefault(r.Id));
            var (steps, next) = JourneyTimeline.Build(facts, Today);
            return new RegistrationRow(r.Id, r.Title, r.Route, r.State, r.RegisteredOn,
                r.State == RegistrationState.Admissible && r.AdmissibilityDecidedOn is { } decided ? JourneyDeadline.From(decided, r.JourneyLimitMonths) : null,
                r.Sessions, r.Jury, r.DecisionMotive, steps, next,
                r.Units.Where(u => r.ValidatedUnitIds.Contains(u.Id)).ToList(), r.Units.Where(u => !r.ValidatedUnitIds.Contains(u.Id)).ToList(), r.OpenRequests);
        }).ToList());
    }
}
