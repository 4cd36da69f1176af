using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Sessions;

/// <summary>What staff type for a session; the date and start are Paris local time.</summary>
public sealed record SessionDetails(SessionKind Kind, DateOnly Date, TimeOnly Start, int DurationMinutes, string PlaceName, string Address,
    string PostalCode, string City, Region Region, int Capacity, DateOnly RegistrationDeadline);

/// <summary>
/// The outcome of saving: the session's id when saved; otherwise the refusals keyed by the <see cref="SessionDetails"/>
/// member they concern ("" for the whole form). <see cref="Warnings"/> is the date advice, whether saved or not.
/// </summary>
public sealed record SessionSaveResult(int? SessionId, IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, string> Errors);

public sealed record SessionCancellation(bool Cancelled, int Notified, string? Error);

/// <summary>Staff create, change and cancel sessions; a cancellation is e-mailed to everyone enrolled or waiting.</summary>
public sealed class SessionAdministration(CqpDbContext db, IEmailSender email, TimeProvider clock)
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

        var session = id is null ? null : await db.Sessions.FirstOrDefaultAsync(s => s.Id == id);
        if (id is not null && session is null) errors[""] = "Cette session n'existe plus.";
        if (errors.Count > 0) return new SessionSaveResult(null, warnings, errors);

        if (session is null)
        {
            session = new Session { PlaceName = "", Address = "", PostalCode = "", City = "", CertificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync() };
            db.Sessions.Add(session);
        }
        session.Kind = details.Kind;
        session.StartsAt = ParisToUtc(details.Date, details.Start);
        session.DurationMinutes = details.DurationMinutes;
        (session.PlaceName, session.Address, session.PostalCode, session.City) = (details.PlaceName.Trim(), details.Address.Trim(), details.PostalCode.Trim(), details.City.Trim());
        session.Region = details.Region;
        session.Capacity = details.Capacity;
        session.RegistrationDeadline = details.RegistrationDeadline;
        await db.SaveChangesAsync();
        return new SessionSaveResult(session.Id, warnings, errors);
    }

    /// <summary>Paris wall-clock time to UTC; a time skipped by the spring change (02:30) takes the winter offset, an hour later in summer time.</summary>
    public static DateTimeOffset ParisToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, FrenchFormat.Paris.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Cancels a coming session with its reason, then tells every candidate enrolled or waiting, in French.</summary>
    public async Task<SessionCancellation> CancelAsync(int id, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return new SessionCancellation(false, 0, "Indiquez le motif de l'annulation : il est communiqué aux candidats.");
        var session = await db.Sessions.Include(s => s.Enrolments).ThenInclude(e => e.Registration).ThenInclude(r => r!.Candidate)
            .FirstOrDefaultAsync(s => s.Id == id);
        if (session is null) return new SessionCancellation(false, 0, "Cette session n'existe plus.");
        if (session.CancelledAt is not null) return new SessionCancellation(false, 0, "Cette session est déjà annulée.");
        if (session.StartsAt <= clock.GetUtcNow()) return new SessionCancellation(false, 0, "Une session passée ne peut plus être annulée.");

        session.CancelledAt = clock.GetUtcNow();
        session.CancellationReason = reason.Trim();
        var people = session.Enrolments.Where(e => e.State != EnrolmentState.Cancelled).Select(e => e.Registration!.Candidate!).ToList();
        await db.SaveChangesAsync();
        foreach (var candidate in people)
            await email.SendAsync(new EmailMessage(candidate.Email, "Annulation de votre session du CQP Télésecrétaire qualifié(e)",
                $"Bonjour {candidate.FirstName},\n\nLa session « {FrenchLabels.Of(session.Kind)} » du {FrenchFormat.DateTime(session.StartsAt)} à {session.City} est annulée.\n" +
                $"Motif : {session.CancellationReason}\n\n" +
                "Inscrivez-vous à une autre date depuis votre espace candidat, rubrique « Mes sessions » ; nous vous prions de nous excuser pour ce changement.\n\n" +
                "L'organisme de formation"));
        return new SessionCancellation(true, people.Count, null);
    }
}
