using System.Data;
using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Training;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Sessions;

/// <summary>
/// Candidates take and give back seats. The session row is locked for the decision, so two candidates never take
/// the last seat together; a freed seat goes to the first one on the waiting list.
/// </summary>
public sealed class SessionEnrolments(CqpDbContext db, CandidateMailer mailer, EmployeeNotifications companies, TrainingProgress training, TimeProvider clock)
{
    public async Task<SignUpDecision> SignUpAsync(string userId, int sessionId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Sessions\" WHERE \"Id\" = {sessionId} FOR UPDATE");
        var session = await db.Sessions.Include(s => s.Certification).FirstOrDefaultAsync(s => s.Id == sessionId);
        var registration = await db.Registrations.Include(r => r.Candidate)
            .Where(r => r.Candidate!.UserId == userId).OrderByDescending(r => r.Id).FirstOrDefaultAsync();
        if (session is null) return new SignUpDecision(SignUpOutcome.Refused, "Cette session n'existe pas.");
        if (registration is null) return new SignUpDecision(SignUpOutcome.Refused, "Votre candidature doit d'abord être déclarée recevable.");
        if (registration.CertificationId != session.CertificationId)
            return new SignUpDecision(SignUpOutcome.Refused, "Cette session concerne une autre certification que celle de votre inscription.");

        var enrolled = await db.SessionEnrolments.CountAsync(e => e.SessionId == sessionId && e.State == EnrolmentState.Enrolled);
        var existing = await db.SessionEnrolments.FirstOrDefaultAsync(e => e.SessionId == sessionId && e.RegistrationId == registration.Id);
        var now = clock.GetUtcNow();
        var c = await CandidateFactsAsync(registration, session.Certification!.JourneyLimitMonths, exceptSessionId: sessionId);
        var decision = SessionSignUpRules.Decide(new SignUpRequest(registration.State, registration.Route, session.Kind, session.CancelledAt is not null,
            session.StartsAt, session.RegistrationDeadline, session.Capacity, enrolled, existing is { State: not EnrolmentState.Cancelled },
            c.Deadline, c.Certified, c.HoldsAComingSeat, c.HoldsAWaitingPlace, c.AdmissibilityBookletAccepted, c.Training), DayInParis.Today(clock), now);
        if (decision.Outcome == SignUpOutcome.Refused) return decision;

        var state = decision.Outcome == SignUpOutcome.Enrolled ? EnrolmentState.Enrolled : EnrolmentState.Waiting;
        if (existing is null)
            db.SessionEnrolments.Add(existing = new SessionEnrolment { SessionId = sessionId, RegistrationId = registration.Id, State = state, EnrolledAt = now });
        else
            (existing.State, existing.EnrolledAt, existing.CancelledAt) = (state, now, null);
        if (state == EnrolmentState.Enrolled) AddConvocation(registration, session);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await mailer.SignedUpAsync(registration.Candidate!, session, session.Certification!.Name, state);
        if (state == EnrolmentState.Enrolled) await companies.ConvenedAsync(registration.Id, session);
        return decision;
    }

    /// <summary>Gives the seat back; the first candidate waiting gets it, with a convocation.</summary>
    public async Task<bool> CancelAsync(string userId, int enrolmentId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        var enrolment = await db.SessionEnrolments.Include(e => e.Session).ThenInclude(s => s!.Certification)
            .FirstOrDefaultAsync(e => e.Id == enrolmentId && e.Registration!.Candidate!.UserId == userId && e.State != EnrolmentState.Cancelled);
        // A jury is a convocation by the organisation, not a sign-up: the candidate asks the organisation to withdraw.
        // Training sessions too: staff enrol and take trainees off them.
        if (enrolment is null || enrolment.Session!.Kind is SessionKind.Jury or SessionKind.Training || enrolment.Session.StartsAt <= clock.GetUtcNow()) return false;
        var promoted = await GiveBackAsync(enrolment);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        if (promoted is not null)
        {
            await mailer.SignedUpAsync(promoted.Registration!.Candidate!, enrolment.Session, enrolment.Session.Certification!.Name, EnrolmentState.Enrolled, promotedFromWaitingList: true);
            await companies.ConvenedAsync(promoted.RegistrationId, enrolment.Session);
        }
        return true;
    }

    /// <summary>
    /// A journey closes (abandon, deadline passed): every coming seat, waiting place and jury convocation of the
    /// registration is cancelled, and each freed seat goes to the first one waiting. Runs in the caller's transaction
    /// and saves nothing: the promoted candidates' e-mails leave after its commit.
    /// </summary>
    public async Task<int> ReleaseComingAsync(int registrationId)
    {
        var now = clock.GetUtcNow();
        var coming = await db.SessionEnrolments.Include(e => e.Session).ThenInclude(s => s!.Certification)
            .Where(e => e.RegistrationId == registrationId && e.State != EnrolmentState.Cancelled && e.Session!.StartsAt > now && e.Session.CancelledAt == null)
            .ToListAsync();
        foreach (var enrolment in coming)
        {
            // Juries are convocations by the organisation: no waiting list to promote from.
            // Training sessions are enrolments by staff: no waiting list either.
            if (enrolment.Session!.Kind is SessionKind.Jury or SessionKind.Training)
            {
                (enrolment.State, enrolment.CancelledAt) = (EnrolmentState.Cancelled, now);
                continue;
            }
            var promoted = await GiveBackAsync(enrolment);
            if (promoted is not null)
                await mailer.SignedUpAsync(promoted.Registration!.Candidate!, enrolment.Session, enrolment.Session.Certification!.Name, EnrolmentState.Enrolled, promotedFromWaitingList: true);
        }
        return coming.Count;
    }

    /// <summary>
    /// What the sign-up rules know of the candidate whatever the session: closed or not, certified, the journey's
    /// deadline, a coming seat or waiting place (in another session than <paramref name="exceptSessionId"/>), booklet 1.
    /// </summary>
    public async Task<SignUpCandidate> CandidateFactsAsync(Registration registration, int journeyLimitMonths, int? exceptSessionId = null)
    {
        var now = clock.GetUtcNow();
        var id = registration.Id;
        var certified = registration.CertifiedOn is not null || await db.JuryDecisions.Where(JuryDecision.IsFinal).AnyAsync(j => j.RegistrationId == id && j.Result == JuryResult.TotalValidation);
        var coming = await db.SessionEnrolments
            .Where(e => e.RegistrationId == id && e.SessionId != exceptSessionId && e.State != EnrolmentState.Cancelled
                && e.Session!.Kind != SessionKind.Jury && e.Session.Kind != SessionKind.Training && e.Session.CancelledAt == null && e.Session.StartsAt > now)
            .Select(e => e.State).ToListAsync();
        var booklet1 = registration.Route == CertificationRoute.Vae
            && await db.Booklets.AnyAsync(b => b.RegistrationId == id && b.Kind == BookletKind.Admissibility && b.State == BookletState.Admissible);
        var deadline = registration.AdmissibilityDecidedOn is { } admissibleOn ? JourneyDeadline.From(admissibleOn, journeyLimitMonths) : null;
        // Training route: the path's hours (or a waiver) gate the evaluation; no path in the portal, no gate.
        var gate = registration.Route == CertificationRoute.Training ? await training.GateAsync(id) : null;
        return new SignUpCandidate(registration.State, registration.Route, deadline, certified,
            coming.Contains(EnrolmentState.Enrolled), coming.Contains(EnrolmentState.Waiting), booklet1, gate);
    }

    /// <summary>
    /// Staff's view of a candidate: may they sign up for an evaluation (VAE: situation) now, and if not why — the
    /// sign-up rules applied to the candidate and to every coming session of their kind. Null for an unknown registration.
    /// </summary>
    public async Task<SignUpOutlook?> OutlookAsync(int registrationId)
    {
        var registration = await db.Registrations.Include(r => r.Certification).FirstOrDefaultAsync(r => r.Id == registrationId);
        if (registration is null) return null;
        var candidate = await CandidateFactsAsync(registration, registration.Certification!.JourneyLimitMonths);
        var now = clock.GetUtcNow();
        var kind = SessionSignUpRules.KindFor(registration.Route);
        var sessions = await db.Sessions
            .Where(s => s.CertificationId == registration.CertificationId && s.Kind == kind && s.CancelledAt == null && s.StartsAt > now)
            .OrderBy(s => s.StartsAt).Take(50)
            .Select(s => new SignUpSession(s.Kind, false, s.StartsAt, s.RegistrationDeadline, s.Capacity,
                s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled),
                s.Enrolments.Any(e => e.RegistrationId == registrationId && e.State != EnrolmentState.Cancelled)))
            .ToListAsync();
        return SessionSignUpRules.Outlook(candidate, sessions, DayInParis.Today(clock), now);
    }

    /// <summary>Cancels the enrolment (the session row locked); a freed seat goes to the first one waiting, with a convocation.</summary>
    private async Task<SessionEnrolment?> GiveBackAsync(SessionEnrolment enrolment)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Sessions\" WHERE \"Id\" = {enrolment.SessionId} FOR UPDATE");
        var freedSeat = enrolment.State == EnrolmentState.Enrolled;
        enrolment.State = EnrolmentState.Cancelled;
        enrolment.CancelledAt = clock.GetUtcNow();
        if (!freedSeat) return null;
        var promoted = await db.SessionEnrolments.Include(e => e.Registration).ThenInclude(r => r!.Candidate)
            .Where(e => e.SessionId == enrolment.SessionId && e.State == EnrolmentState.Waiting && e.Id != enrolment.Id)
            .OrderBy(e => e.EnrolledAt).ThenBy(e => e.Id).FirstOrDefaultAsync();
        if (promoted is null) return null;
        promoted.State = EnrolmentState.Enrolled;
        AddConvocation(promoted.Registration!, enrolment.Session!);
        return promoted;
    }

    private void AddConvocation(Registration registration, Session session) =>
        db.CandidateDocuments.Add(new CandidateDocument
        {
            CandidateId = registration.CandidateId, RegistrationId = registration.Id, Title = Convocation.Title(session),
            FileName = $"convocation-{DayInParis.Of(session.StartsAt):yyyy-MM-dd}.pdf", ContentType = "application/pdf",
            Content = Convocation.Pdf(registration.Candidate!, session, session.Certification!, DayInParis.Today(clock)), CreatedAt = clock.GetUtcNow(),
        });
}
