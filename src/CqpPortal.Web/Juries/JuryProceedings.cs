using System.Data;
using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Juries;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Sessions;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Juries;

public sealed record JuryUnit(int Id, int Number, string Title);

/// <summary>A member of the jury, president or not, and when they signed the minutes.</summary>
public sealed record JuryMemberSignature(string UserId, string Name, bool IsPresident, DateTimeOffset? SignedAt);

/// <summary>A decision corrected after the minutes were locked: what it was, who changed it, when and why.</summary>
public sealed record JuryCorrectionView(DateTimeOffset At, string By, string Reason, JuryResult PreviousResult, IReadOnlyList<int> PreviousUnitNumbers, string? PreviousComment);

/// <summary>
/// One candidate at a jury session: convened, and the decision once recorded. <see cref="UnitsValidatedBefore"/> are the
/// units an earlier jury validated, with its day; <see cref="UnitsValidated"/> those the decision records as validated.
/// </summary>
public sealed record JuryCandidate(int RegistrationId, string Name, CertificationRoute Route, bool Convened, JuryResult? Result, IReadOnlySet<int> UnitsValidated,
    IReadOnlyDictionary<int, DateOnly> UnitsValidatedBefore, string? Comment, string? RecordedBy, DateTimeOffset? RecordedAt, IReadOnlyList<JuryCorrectionView> Corrections);

/// <summary>A candidate staff may convene, or why not.</summary>
public sealed record JuryCandidacy(int RegistrationId, string Name, CertificationRoute Route, string? WhyNot, string Email = "", Region Region = default);

/// <param name="Members">The jury members staff assigned to the session, with the president and their signatures.</param>
public sealed record JurySitting(Session Session, IReadOnlyList<JuryUnit> Units, IReadOnlyList<JuryCandidate> Candidates, IReadOnlyList<JuryMemberSignature> Members)
{
    public bool Locked => Session.MinutesLockedAt is not null;
    public JuryMemberSignature? President => Members.FirstOrDefault(m => m.IsPresident);
    public int Undecided => Candidates.Count(c => c.Convened && c.Result is null);
}

/// <summary>
/// The training organisation's side of a jury: convening candidates (convocation in their documents and by e-mail) once
/// their evaluation is signed, and what a jury session holds (<see cref="SittingAsync"/>) for every page and the minutes.
/// The deliberation belongs to the jury's president (<see cref="JuryDeliberations"/>), the signatures to its members (<see cref="JuryMinutes"/>).
/// </summary>
public sealed class JuryProceedings(CqpDbContext db, CandidateMailer mailer, EmployeeNotifications companies, TimeProvider clock)
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
                Convened = r.Enrolments.Any(e => e.SessionId == sessionId && e.State == EnrolmentState.Enrolled),
                Decision = r.JuryDecisions.Where(j => j.SessionId == sessionId)
                    .Select(j => new
                    {
                        j.Id, j.Result, j.Comment, j.RecordedByUserId, j.RecordedAt, Units = j.UnitResults.Where(u => u.Validated).Select(u => u.UnitId).ToList(),
                    }).FirstOrDefault(),
                // Units validated by an earlier, final decision stay validated.
                Before = r.JuryDecisions.AsQueryable().Where(JuryDecision.IsFinal).Where(j => j.SessionId != sessionId && j.DecidedOn < juryDay)
                    .SelectMany(j => j.UnitResults.Where(u => u.Validated).Select(u => new { u.UnitId, j.DecidedOn })).ToList(),
            })
            .ToListAsync();
        var decisionIds = rows.Where(r => r.Decision is not null).Select(r => r.Decision!.Id).ToList();
        var corrections = await db.JuryDecisionCorrections.Where(c => decisionIds.Contains(c.JuryDecisionId)).OrderBy(c => c.At)
            .Join(db.Users, c => c.ByUserId, u => u.Id, (c, u) => new { c.JuryDecisionId, View = new JuryCorrectionView(c.At, u.DisplayName, c.Reason, c.PreviousResult, c.PreviousUnitNumbers, c.PreviousComment) })
            .ToListAsync();
        var signatures = await db.JuryMinutesSignatures.Where(s => s.SessionId == sessionId).ToListAsync();
        var members = await db.JurySessionMembers.Where(m => m.SessionId == sessionId).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.DisplayName, m.IsPresident })
            .OrderByDescending(m => m.IsPresident).ThenBy(m => m.DisplayName).ToListAsync();
        var recorders = rows.Select(r => r.Decision?.RecordedByUserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => recorders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return new JurySitting(session, units,
            rows.Select(r => new JuryCandidate(r.Id, r.Name, r.Route, r.Convened, r.Decision?.Result, (r.Decision?.Units ?? []).ToHashSet(),
                r.Before.GroupBy(b => b.UnitId).ToDictionary(g => g.Key, g => g.Min(b => b.DecidedOn)), r.Decision?.Comment,
                r.Decision?.RecordedByUserId is { } by ? names.GetValueOrDefault(by) : null, r.Decision?.RecordedAt,
                corrections.Where(c => c.JuryDecisionId == r.Decision?.Id).Select(c => c.View).ToList())).ToList(),
            members.Select(m => new JuryMemberSignature(m.UserId, m.DisplayName, m.IsPresident, signatures.FirstOrDefault(s => s.UserId == m.UserId)?.SignedAt)).ToList());
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
                r.Id, Name = r.Candidate!.LastName.ToUpper() + " " + r.Candidate.FirstName, r.Candidate.Email, r.Region, r.Route, r.State, r.AdmissibilityDecidedOn,
                r.Certification!.JourneyLimitMonths,
                // The latest evaluation (VAE: situation) whose current grid both evaluators signed.
                LastSignedEvaluationAt = r.Enrolments
                    .Where(e => e.Session!.Kind == (r.Route == CertificationRoute.Vae ? SessionKind.VaeSituation : SessionKind.Evaluation) && e.Session.CancelledAt == null
                        && db.EvaluationGrids.Any(g => g.EnrolmentId == e.Id && g.SupersededAt == null && g.EvaluatorSignedAt != null && g.CoEvaluatorSignedAt != null))
                    .Max(e => (DateTimeOffset?)e.Session!.StartsAt),
                LastJuryOn = r.JuryDecisions.Where(j => j.Result != JuryResult.Absent).Max(j => (DateOnly?)j.DecidedOn),
                ExperienceBookletAccepted = db.Booklets.Any(b => b.RegistrationId == r.Id && b.Kind == BookletKind.Experience && b.State == BookletState.Admissible),
            })
            .ToListAsync();
        var now = clock.GetUtcNow();
        return rows.Select(r => new JuryCandidacy(r.Id, r.Name, r.Route, JuryRules.WhyNotConvene(new ConveneRequest(r.State, r.Route,
                r.AdmissibilityDecidedOn is { } decided ? JourneyDeadline.From(decided, r.JourneyLimitMonths) : null,
                r.LastSignedEvaluationAt, r.LastJuryOn, r.ExperienceBookletAccepted, AlreadyCertified: false, AlreadyConvened: false,
                session.CancelledAt is not null, session.StartsAt, convened, session.Capacity), now), r.Email, r.Region))
            .ToList();
    }

    /// <summary>
    /// Convenes the candidate (convocation PDF in the documents, e-mail); returns why not when refused. The session row
    /// is locked for the decision, as for a sign-up, so two staff never give the last seat twice.
    /// </summary>
    public async Task<string?> ConveneAsync(int sessionId, int registrationId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Sessions\" WHERE \"Id\" = {sessionId} FOR UPDATE");
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
            Content = Convocation.Pdf(candidate, session, session.Certification!, DayInParis.Today(clock)), CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await mailer.JuryConvenedAsync(candidate, session, session.Certification!.Name);
        await companies.ConvenedAsync(registrationId, session);
        return null;
    }
}
