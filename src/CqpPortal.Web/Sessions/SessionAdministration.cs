using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Sessions;

/// <summary>What staff type for a session; times are Paris local times.</summary>
public sealed record SessionDetails(SessionKind Kind, DateOnly Date, TimeOnly Start, int DurationMinutes, string PlaceName, string Address,
    string PostalCode, string City, Region Region, int Capacity, DateOnly RegistrationDeadline);

/// <summary>Staff create, change and cancel sessions; a cancellation is e-mailed to everyone enrolled or waiting.</summary>
public sealed class SessionAdministration(CqpDbContext db, IEmailSender email, TimeProvider clock)
{
    public async Task<int> SaveAsync(int? id, SessionDetails d)
    {
        var session = id is null ? null : await db.Sessions.FirstOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            session = new Session { PlaceName = "", Address = "", PostalCode = "", City = "", CertificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync() };
            db.Sessions.Add(session);
        }
        var local = d.Date.ToDateTime(d.Start);
        session.Kind = d.Kind;
        session.StartsAt = new DateTimeOffset(local, FrenchFormat.Paris.GetUtcOffset(local)).ToUniversalTime();
        session.DurationMinutes = d.DurationMinutes;
        (session.PlaceName, session.Address, session.PostalCode, session.City) = (d.PlaceName.Trim(), d.Address.Trim(), d.PostalCode.Trim(), d.City.Trim());
        session.Region = d.Region;
        session.Capacity = d.Capacity;
        session.RegistrationDeadline = d.RegistrationDeadline;
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async Task<int> CancelAsync(int id, string reason)
    {
        var session = await db.Sessions.Include(s => s.Enrolments).ThenInclude(e => e.Registration).ThenInclude(r => r!.Candidate)
            .FirstOrDefaultAsync(s => s.Id == id && s.CancelledAt == null);
        if (session is null) return 0;
        session.CancelledAt = clock.GetUtcNow();
        session.CancellationReason = reason.Trim();
        var people = session.Enrolments.Where(e => e.State != EnrolmentState.Cancelled).Select(e => e.Registration!.Candidate!).ToList();
        await db.SaveChangesAsync();
        foreach (var candidate in people)
            await email.SendAsync(new EmailMessage(candidate.Email, "Annulation de votre session du CQP Télésecrétaire qualifié(e)",
                $"Bonjour {candidate.FirstName},\n\nLa session « {FrenchLabels.Of(session.Kind)} » du {FrenchFormat.DateTime(session.StartsAt)} à {session.City} est annulée : {session.CancellationReason}\n\n" +
                "Inscrivez-vous à une autre date depuis votre espace candidat ; nous vous prions de nous excuser pour ce changement."));
        return people.Count;
    }
}
