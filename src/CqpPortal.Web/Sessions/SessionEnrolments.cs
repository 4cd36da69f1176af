using System.Data;
using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Sessions;

/// <summary>
/// Candidates take and give back seats. The session row is locked for the decision, so two candidates never take
/// the last seat together; a freed seat goes to the first one on the waiting list.
/// </summary>
public sealed class SessionEnrolments(CqpDbContext db, CandidateMailer mailer, EmployeeNotifications companies, TimeProvider clock)
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
        var certified = registration.CertifiedOn is not null || await db.JuryDecisions.Where(JuryDecision.IsFinal).AnyAsync(j => j.RegistrationId == registration.Id && j.Result == JuryResult.TotalValidation);
        var anotherComingSeat = await db.SessionEnrolments.AnyAsync(e => e.RegistrationId == registration.Id && e.SessionId != sessionId
            && e.State != EnrolmentState.Cancelled && e.Session!.Kind != SessionKind.Jury && e.Session.CancelledAt == null && e.Session.StartsAt > now);
        var deadline = registration.AdmissibilityDecidedOn is { } admissibleOn ? JourneyDeadline.From(admissibleOn, session.Certification!.JourneyLimitMonths) : null;
        var decision = SessionSignUpRules.Decide(new SignUpRequest(registration.State, registration.Route, session.Kind, session.CancelledAt is not null,
            session.StartsAt, session.RegistrationDeadline, session.Capacity, enrolled, existing is { State: not EnrolmentState.Cancelled },
            deadline, certified, anotherComingSeat), DayInParis.Today(clock), now);
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
        if (enrolment is null || enrolment.Session!.Kind == SessionKind.Jury || enrolment.Session.StartsAt <= clock.GetUtcNow()) return false;
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Sessions\" WHERE \"Id\" = {enrolment.SessionId} FOR UPDATE");
        var freedSeat = enrolment.State == EnrolmentState.Enrolled;
        enrolment.State = EnrolmentState.Cancelled;
        enrolment.CancelledAt = clock.GetUtcNow();
        SessionEnrolment? promoted = null;
        if (freedSeat)
        {
            promoted = await db.SessionEnrolments.Include(e => e.Registration).ThenInclude(r => r!.Candidate)
                .Where(e => e.SessionId == enrolment.SessionId && e.State == EnrolmentState.Waiting)
                .OrderBy(e => e.EnrolledAt).ThenBy(e => e.Id).FirstOrDefaultAsync();
            if (promoted is not null)
            {
                promoted.State = EnrolmentState.Enrolled;
                AddConvocation(promoted.Registration!, enrolment.Session);
            }
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        if (promoted is not null)
        {
            await mailer.SignedUpAsync(promoted.Registration!.Candidate!, enrolment.Session, enrolment.Session.Certification!.Name, EnrolmentState.Enrolled, promotedFromWaitingList: true);
            await companies.ConvenedAsync(promoted.RegistrationId, enrolment.Session);
        }
        return true;
    }

    private void AddConvocation(Registration registration, Session session) =>
        db.CandidateDocuments.Add(new CandidateDocument
        {
            CandidateId = registration.CandidateId, RegistrationId = registration.Id, Title = Convocation.Title(session),
            FileName = $"convocation-{DayInParis.Of(session.StartsAt):yyyy-MM-dd}.pdf", ContentType = "application/pdf",
            Content = Convocation.Pdf(registration.Candidate!, session, session.Certification!), CreatedAt = clock.GetUtcNow(),
        });
}
