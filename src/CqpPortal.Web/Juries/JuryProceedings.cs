using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Juries;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Documents;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Sessions;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Juries;

public sealed record JuryUnit(int Id, int Number, string Title);

/// <summary>One candidate at a jury session: convened, and the decision once recorded.</summary>
public sealed record JuryCandidate(int RegistrationId, string Name, CertificationRoute Route, JuryResult? Result, IReadOnlySet<int> UnitsValidated,
    IReadOnlySet<int> UnitsValidatedBefore, string? Comment);

/// <summary>A candidate staff may convene, or why not.</summary>
public sealed record JuryCandidacy(int RegistrationId, string Name, CertificationRoute Route, string? WhyNot);

/// <param name="Members">The names of the jury members staff assigned to the session (<see cref="JuryMembers"/>).</param>
public sealed record JurySitting(Session Session, IReadOnlyList<JuryUnit> Units, IReadOnlyList<JuryCandidate> Candidates, IReadOnlyList<string> Members);

/// <summary>
/// The training organisation's side of a jury: convening candidates (convocation in their documents and by e-mail),
/// recording each decision with its units (the result follows from them, <see cref="JuryRules"/>), telling the
/// candidate, and the minutes ("procès-verbal") of the session as a PDF.
/// </summary>
public sealed class JuryProceedings(CqpDbContext db, CandidateMailer mailer, TimeProvider clock)
{
    public async Task<JurySitting?> SittingAsync(int sessionId)
    {
        var session = await db.Sessions.Include(s => s.Certification).AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.Kind == SessionKind.Jury);
        if (session is null) return null;
        var units = await db.CertificationUnits.Where(u => u.CertificationId == session.CertificationId).OrderBy(u => u.Number)
            .Select(u => new JuryUnit(u.Id, u.Number, u.Title)).ToListAsync();
        var juryDay = DayInParis.Of(session.StartsAt);
        var rows = await db.Registrations
            .Where(r => r.Enrolments.Any(e => e.SessionId == sessionId && e.State == EnrolmentState.Enrolled) || r.JuryDecisions.Any(j => j.SessionId == sessionId))
            .OrderBy(r => r.Candidate!.LastName).ThenBy(r => r.Candidate!.FirstName)
            .Select(r => new
            {
                r.Id, Name = r.Candidate!.LastName.ToUpper() + " " + r.Candidate.FirstName, r.Route,
                Decision = r.JuryDecisions.Where(j => j.SessionId == sessionId)
                    .Select(j => new { j.Result, j.Comment, Units = j.UnitResults.Where(u => u.Validated).Select(u => u.UnitId).ToList() }).FirstOrDefault(),
                Before = r.JuryDecisions.Where(j => j.SessionId != sessionId && j.DecidedOn < juryDay)
                    .SelectMany(j => j.UnitResults).Where(u => u.Validated).Select(u => u.UnitId).ToList(),
            })
            .ToListAsync();
        var members = await db.JurySessionMembers.Where(m => m.SessionId == sessionId).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.DisplayName)
            .OrderBy(name => name).ToListAsync();
        return new JurySitting(session, units, rows.Select(r => new JuryCandidate(r.Id, r.Name, r.Route, r.Decision?.Result,
            (r.Decision?.Units ?? []).ToHashSet(), r.Before.ToHashSet(), r.Decision?.Comment)).ToList(), members);
    }

    /// <summary>Admissible candidates of the session's certification not yet certified, each with the reason they cannot be convened, if any.</summary>
    public async Task<IReadOnlyList<JuryCandidacy>> CandidaciesAsync(Session session)
    {
        var convened = await db.SessionEnrolments.CountAsync(e => e.SessionId == session.Id && e.State == EnrolmentState.Enrolled);
        var rows = await db.Registrations
            .Where(r => r.CertificationId == session.CertificationId && r.State == RegistrationState.Admissible
                && !r.JuryDecisions.Any(j => j.Result == JuryResult.TotalValidation)
                && !r.Enrolments.Any(e => e.SessionId == session.Id && e.State == EnrolmentState.Enrolled))
            .OrderBy(r => r.Candidate!.LastName).ThenBy(r => r.Candidate!.FirstName)
            .Select(r => new
            {
                r.Id, Name = r.Candidate!.LastName.ToUpper() + " " + r.Candidate.FirstName, r.Route, r.State, r.AdmissibilityDecidedOn,
                r.Certification!.JourneyLimitMonths,
                LastEvaluationAt = r.Enrolments.Where(e => e.State == EnrolmentState.Enrolled && e.Session!.Kind != SessionKind.Jury && e.Session.CancelledAt == null)
                    .Max(e => (DateTimeOffset?)e.Session!.StartsAt),
            })
            .ToListAsync();
        var now = clock.GetUtcNow();
        return rows.Select(r => new JuryCandidacy(r.Id, r.Name, r.Route, JuryRules.WhyNotConvene(new ConveneRequest(r.State,
                r.AdmissibilityDecidedOn is { } decided ? JourneyDeadline.From(decided, r.JourneyLimitMonths) : null,
                r.LastEvaluationAt, AlreadyCertified: false, AlreadyConvened: false, session.CancelledAt is not null, session.StartsAt, convened, session.Capacity), now)))
            .ToList();
    }

    /// <summary>Convenes the candidate (convocation PDF in the documents, e-mail); returns why not when refused.</summary>
    public async Task<string?> ConveneAsync(int sessionId, int registrationId)
    {
        var session = await db.Sessions.Include(s => s.Certification).FirstOrDefaultAsync(s => s.Id == sessionId && s.Kind == SessionKind.Jury);
        if (session is null) return "Ce jury n'existe pas.";
        var candidacy = (await CandidaciesAsync(session)).FirstOrDefault(c => c.RegistrationId == registrationId);
        if (candidacy is null) return "Ce candidat ne peut pas être convoqué à ce jury (déjà convoqué, certifié ou non recevable).";
        if (candidacy.WhyNot is { } why) return why;
        var registration = await db.Registrations.Include(r => r.Candidate).SingleAsync(r => r.Id == registrationId);
        var existing = await db.SessionEnrolments.FirstOrDefaultAsync(e => e.SessionId == sessionId && e.RegistrationId == registrationId);
        if (existing is null)
            db.SessionEnrolments.Add(new SessionEnrolment { SessionId = sessionId, RegistrationId = registrationId, State = EnrolmentState.Enrolled, EnrolledAt = clock.GetUtcNow() });
        else
            (existing.State, existing.EnrolledAt, existing.CancelledAt) = (EnrolmentState.Enrolled, clock.GetUtcNow(), null);
        var candidate = registration.Candidate!;
        db.CandidateDocuments.Add(new CandidateDocument
        {
            CandidateId = candidate.Id, RegistrationId = registration.Id, Title = Convocation.Title(session),
            FileName = $"convocation-jury-{DayInParis.Of(session.StartsAt):yyyy-MM-dd}.pdf", ContentType = "application/pdf",
            Content = Convocation.Pdf(candidate, session, session.Certification!), CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        await mailer.JuryConvenedAsync(candidate, session, session.Certification!.Name);
        return null;
    }

    /// <summary>Records (or corrects) the decision of this jury for one convened candidate; returns why not when refused.</summary>
    public async Task<string?> DecideAsync(int sessionId, int registrationId, IReadOnlyCollection<int> validatedUnitIds, string? comment, string staffUserId)
    {
        var sitting = await SittingAsync(sessionId);
        if (sitting is null) return "Ce jury n'existe pas.";
        if (JuryRules.WhyNotDecide(sitting.Session.StartsAt, sitting.Session.CancelledAt is not null, clock.GetUtcNow()) is { } why) return why;
        var candidate = sitting.Candidates.FirstOrDefault(c => c.RegistrationId == registrationId);
        if (candidate is null) return "Ce candidat n'était pas convoqué à ce jury.";
        var unitIds = sitting.Units.Select(u => u.Id).ToList();
        if (validatedUnitIds.Except(unitIds).Any()) return "Une unité cochée n'appartient pas à cette certification.";
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var result = JuryRules.Result(validatedUnitIds, candidate.UnitsValidatedBefore, unitIds);
        if (result != JuryResult.TotalValidation && trimmed is null)
            return "Motivez une validation partielle ou une non-validation : le candidat doit savoir ce qu'il lui reste à acquérir.";

        var decision = await db.JuryDecisions.Include(j => j.UnitResults).FirstOrDefaultAsync(j => j.SessionId == sessionId && j.RegistrationId == registrationId);
        if (decision is null) db.JuryDecisions.Add(decision = new JuryDecision { RegistrationId = registrationId, SessionId = sessionId });
        decision.DecidedOn = DayInParis.Of(sitting.Session.StartsAt);
        decision.Result = result;
        decision.Comment = trimmed;
        decision.UnitResults.Clear();
        decision.UnitResults.AddRange(unitIds.Select(id => new JuryUnitResult { UnitId = id, Validated = validatedUnitIds.Contains(id) || candidate.UnitsValidatedBefore.Contains(id) }));
        var registration = await db.Registrations.Include(r => r.Candidate).SingleAsync(r => r.Id == registrationId);
        registration.History.Add(new RegistrationStatusChange { From = registration.State, To = registration.State, At = clock.GetUtcNow(), ByUserId = staffUserId,
            Comment = $"Décision du jury du {FrenchFormat.Date(decision.DecidedOn)} : {FrenchLabels.Of(result)}" });
        await db.SaveChangesAsync();

        var person = registration.Candidate!;
        var validated = sitting.Units.Where(u => decision.UnitResults.Any(r => r.UnitId == u.Id && r.Validated)).Select(u => u.Number).ToList();
        await mailer.JuryDecidedAsync(person, decision.DecidedOn, result, validated, trimmed);
        return null;
    }

    /// <summary>The minutes ("procès-verbal") of the session: each candidate and the jury's decision.</summary>
    public static byte[] MinutesPdf(JurySitting sitting)
    {
        var session = sitting.Session;
        var pdf = new PdfDocumentWriter("Procès-verbal du jury", $"CQP {session.Certification!.Title} – procès-verbal du jury du {FrenchFormat.Date(session.StartsAt)}")
            .Title("Procès-verbal du jury")
            .Field("Certification", session.Certification.Title)
            .Field("Date", FrenchFormat.DateTime(session.StartsAt))
            .Field("Lieu", $"{session.PlaceName}, {session.City}")
            .Field("Membres du jury", sitting.Members.Count > 0 ? string.Join(", ", sitting.Members) : "non désignés sur le portail")
            .Field("Candidats", sitting.Candidates.Count.ToString())
            .Field("Décisions", $"{sitting.Candidates.Count(c => c.Result == JuryResult.TotalValidation)} validation(s) totale(s), " +
                $"{sitting.Candidates.Count(c => c.Result == JuryResult.PartialValidation)} partielle(s), {sitting.Candidates.Count(c => c.Result == JuryResult.NotValidated)} non validé(s)");
        foreach (var candidate in sitting.Candidates)
        {
            pdf.Heading(candidate.Name)
                .Field("Voie", FrenchLabels.Of(candidate.Route))
                .Field("Décision", candidate.Result is { } result ? FrenchLabels.Of(result) : "non enregistrée")
                .Field("Unités", string.Join(" ; ", sitting.Units.Select(u => $"{u.Number} : {(candidate.UnitsValidated.Contains(u.Id) || candidate.UnitsValidatedBefore.Contains(u.Id) ? "validée" : "non validée")}")));
            if (candidate.Comment is { } comment) pdf.Field("Observations", comment);
        }
        pdf.Paragraph("Signatures des membres du jury :");
        foreach (var member in sitting.Members) pdf.Space(18).Line($"{member} :");
        return pdf.ToBytes();
    }
}
