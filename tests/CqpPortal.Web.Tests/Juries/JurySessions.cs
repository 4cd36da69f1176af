using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Juries;

/// <summary>Builders of jury sessions with their convened candidates and assigned members, straight into the database.</summary>
public static class JurySessions
{
    /// <summary>A session (a jury unless told) starting in <paramref name="inDays"/> days, the registrations convened, the accounts assigned as members.</summary>
    public static async Task<int> CreateAsync(DemoPortal portal, int inDays, IEnumerable<int> convened, IEnumerable<string> memberEmails,
        bool cancelled = false, SessionKind kind = SessionKind.Jury, EnrolmentState enrolment = EnrolmentState.Enrolled)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var startsAt = DateTimeOffset.UtcNow.AddDays(inDays);
        var session = new Session
        {
            CertificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(), Kind = kind, StartsAt = startsAt,
            DurationMinutes = 180, PlaceName = "Salle des jurys", Address = "7 rue du Jury", PostalCode = "44000", City = "Nantes", Region = Region.Ouest,
            Capacity = 10, RegistrationDeadline = DateOnly.FromDateTime(startsAt.UtcDateTime.AddDays(-7)),
            CancelledAt = cancelled ? DateTimeOffset.UtcNow.AddDays(-1) : null, CancellationReason = cancelled ? "Salle indisponible" : null,
        };
        foreach (var registrationId in convened)
            session.Enrolments.Add(new SessionEnrolment { RegistrationId = registrationId, State = enrolment, EnrolledAt = DateTimeOffset.UtcNow.AddDays(-10),
                CancelledAt = enrolment == EnrolmentState.Enrolled ? null : DateTimeOffset.UtcNow.AddDays(-2) });
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        foreach (var email in memberEmails)
            db.JurySessionMembers.Add(new JurySessionMember { SessionId = session.Id, UserId = await UserIdAsync(db, email), AssignedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return session.Id;
    }

    public static Task<string> UserIdAsync(CqpDbContext db, string email) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

    public static async Task<List<string>> MemberEmailsAsync(DemoPortal portal, int sessionId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        return await db.JurySessionMembers.Where(m => m.SessionId == sessionId).Join(db.Users, m => m.UserId, u => u.Id, (_, u) => u.Email!).ToListAsync();
    }
}
