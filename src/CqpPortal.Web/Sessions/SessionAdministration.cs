using CqpPortal.Domain.Time;
using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Sessions;

/// <summary>What staff type for a session; the date and start are Paris local time.</summary>
/// <param name="CertificationId">For a new session, the certification it is for (the first one when null); a session keeps its certification.</param>
public sealed record SessionDetails(SessionKind Kind, DateOnly Date, TimeOnly Start, int DurationMinutes, string PlaceName, string Address,
    string PostalCode, string City, Region Region, int Capacity, DateOnly RegistrationDeadline, int? CertificationId = null);

/// <summary>
/// The outcome of saving: the session's id when saved; otherwise the refusals keyed by the <see cref="SessionDetails"/>
/// member they concern ("" for the whole form). <see cref="Warnings"/> is the date advice, whether saved or not.
/// </summary>
public sealed record SessionSaveResult(int? SessionId, IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, string> Errors, int Notified = 0);

public sealed record SessionCancellation(bool Cancelled, int Notified, string? Error);

/// <summary>
/// Staff create, change and cancel sessions. A change of date, time or place and a cancellation are e-mailed to
/// everyone enrolled or waiting; a cancellation also cancels their enrolments.
/// </summary>
public sealed class SessionAdministration(CqpDbContext db, CandidateMailer mailer, Companies.EmployeeNotifications companies, TimeProvider clock)
{
    /// <summary>
    /// Saves <paramref name="details"/> as session <paramref name="id"/> (a new one when null). A date the seed advises
    /// against is saved only when <paramref name="confirmedDate"/> is that very date, i.e. staff saw its warnings and confirmed.
    /// </summary>
    public async Task<SessionSaveResult> SaveAsync(int? id, SessionDetails details, DateOnly? confirmedDate)
    {
        var warnings = SessionDateAdvice.Warnings(details.Date);
        var errors = new Dictionary<string, string>();
        if (details.RegistrationDeadline > details.Date)
            errors[nameof(SessionDetails.RegistrationDeadline)] = "La date limite d'inscription ne peut pas être après la date de la session.";
        if (warnings.Count > 0 && confirmedDate != details.Date)
            errors[nameof(SessionDetails.Date)] = "Cette date est déconseillée : cochez la confirmation ou choisissez une autre date.";

        var session = id is null ? null : await db.Sessions.Include(s => s.Enrolments).ThenInclude(e => e.Registration).ThenInclude(r => r!.Candidate)
            .Include(s => s.Certification).FirstOrDefaultAsync(s => s.Id == id);
        if (id is not null && session is null) errors[""] = "Cette session n'existe plus.";
        var enrolled = session?.Enrolments.Count(e => e.State == EnrolmentState.Enrolled) ?? 0;
        if (details.Capacity < enrolled)
            errors[nameof(SessionDetails.Capacity)] = $"{enrolled} candidat(s) sont déjà inscrits : la capacité ne peut pas être inférieure à {enrolled}. " +
                "Pour réduire les places, annulez d'abord des inscriptions.";
        if (errors.Count > 0) return new SessionSaveResult(null, warnings, errors);
        var before = session is null ? null : SessionWhereWhen.Of(session);

        if (session is null)
        {
            var certificationId = await db.Certifications.Where(c => details.CertificationId == null || c.Id == details.CertificationId)
                .OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync();
            if (certificationId is null) return new SessionSaveResult(null, warnings, new Dictionary<string, string> { [nameof(SessionDetails.CertificationId)] = "Choisissez la certification." });
            session = new Session { PlaceName = "", Address = "", PostalCode = "", City = "", CertificationId = certificationId.Value };
            db.Sessions.Add(session);
        }
        session.Kind = details.Kind;
        session.StartsAt = DayInParis.At(details.Date, details.Start).ToUniversalTime();
        session.DurationMinutes = details.DurationMinutes;
        (session.PlaceName, session.Address, session.PostalCode, session.City) = (details.PlaceName.Trim(), details.Address.Trim(), details.PostalCode.Trim(), details.City.Trim());
        session.Region = details.Region;
        session.Capacity = details.Capacity;
        session.RegistrationDeadline = details.RegistrationDeadline;

        var people = new List<SessionEnrolment>();
        if (before is not null && session.CancelledAt is null && session.StartsAt > clock.GetUtcNow()
            && (before.StartsAt != session.StartsAt || before.PlaceName != session.PlaceName || before.Address != session.Address
                || before.PostalCode != session.PostalCode || before.City != session.City))
        {
            people = session.Enrolments.Where(e => e.State != EnrolmentState.Cancelled).ToList();
            foreach (var enrolment in people)
            {
                // The reminders count days before the new date; the convocation in the file must show the new one.
                if (before.StartsAt != session.StartsAt) (enrolment.Reminder14SentAt, enrolment.Reminder2SentAt) = (null, null);
                if (enrolment.State == EnrolmentState.Enrolled)
                    db.CandidateDocuments.Add(new CandidateDocument
                    {
                        CandidateId = enrolment.Registration!.CandidateId, RegistrationId = enrolment.RegistrationId, Title = Convocation.Title(session) + " (modifiée)",
                        FileName = $"convocation-{DayInParis.Of(session.StartsAt):yyyy-MM-dd}.pdf", ContentType = "application/pdf",
                        Content = Convocation.Pdf(enrolment.Registration.Candidate!, session, session.Certification!, DayInParis.Today(clock)), CreatedAt = clock.GetUtcNow(),
                    });
            }
        }
        await db.SaveChangesAsync();
        foreach (var enrolment in people)
        {
            var candidate = enrolment.Registration!.Candidate!;
            await mailer.SessionChangedAsync(candidate, session.Certification!.Name, enrolment.State, before!, session);
            // A waiting place is no convocation: the managers of a followed employee hear of seats only.
            if (enrolment.State == EnrolmentState.Enrolled) await companies.ConvocationChangedAsync(enrolment.RegistrationId, before!, session);
        }
        return new SessionSaveResult(session.Id, warnings, errors, people.Count);
    }

    /// <summary>Cancels a coming session with its reason, then tells every candidate enrolled or waiting, in French.</summary>
    public async Task<SessionCancellation> CancelAsync(int id, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return new SessionCancellation(false, 0, "Indiquez le motif de l'annulation : il est communiqué aux candidats.");
        var session = await db.Sessions.Include(s => s.Enrolments).ThenInclude(e => e.Registration).ThenInclude(r => r!.Candidate)
            .Include(s => s.Certification).FirstOrDefaultAsync(s => s.Id == id);
        if (session is null) return new SessionCancellation(false, 0, "Cette session n'existe plus.");
        if (session.CancelledAt is not null) return new SessionCancellation(false, 0, "Cette session est déjà annulée.");
        if (session.StartsAt <= clock.GetUtcNow()) return new SessionCancellation(false, 0, "Une session passée ne peut plus être annulée.");

        session.CancelledAt = clock.GetUtcNow();
        session.CancellationReason = reason.Trim();
        var open = session.Enrolments.Where(e => e.State != EnrolmentState.Cancelled).ToList();
        var people = open.Select(e => e.Registration!.Candidate!).ToList();
        var convened = open.Where(e => e.State == EnrolmentState.Enrolled).Select(e => e.RegistrationId).ToList();
        foreach (var enrolment in open) (enrolment.State, enrolment.CancelledAt) = (EnrolmentState.Cancelled, session.CancelledAt);
        await db.SaveChangesAsync();
        foreach (var candidate in people)
            await mailer.SessionCancelledAsync(candidate, session.Certification!.Name, session);
        foreach (var registrationId in convened)
            await companies.ConvocationCancelledAsync(registrationId, session);
        return new SessionCancellation(true, people.Count, null);
    }
}
