using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Training;

/// <summary>A training session made for one test, in the first unit of the certification.</summary>
public sealed record BuiltTrainingSession(int Id, DateTimeOffset StartsAt, string Module, string PlaceName, string Room, string TrainerName);

/// <summary>
/// Builders of a trainee's path, training sessions, enrolments and half-day attendance, straight into the database
/// (the candidate and company come from <see cref="Companies.CompanyFollowing"/>).
/// </summary>
public static class PlanningBuilders
{
    /// <summary>A current path planning <paramref name="hours"/> in the certification's first unit, with staff's waiver when given.</summary>
    public static Task PathAsync(PortalFactory portal, int registrationId, int hours, string? waiverReason = null) =>
        DbAsync(portal, async db =>
        {
            var path = new TrainingPath
            {
                RegistrationId = registrationId, Version = 1, CreatedByUserId = "staff", CandidateSignedAt = DateTimeOffset.UtcNow, OrganisationSignedAt = DateTimeOffset.UtcNow,
                EvaluationWaiverReason = waiverReason, EvaluationWaiverAt = waiverReason is null ? null : DateTimeOffset.UtcNow,
            };
            path.Units.Add(new TrainingPathUnit { UnitId = await FirstUnitIdAsync(db), PlannedHours = hours, Modules = ["Accueil téléphonique"] });
            db.TrainingPaths.Add(path);
            await db.SaveChangesAsync();
            return path.Id;
        });

    /// <summary>
    /// A full training day (9:00 to 17:00 in Paris, 7 hours taught) <paramref name="inDays"/> days from today, with the
    /// registrations enrolled and a trainer of its own.
    /// </summary>
    public static async Task<BuiltTrainingSession> SessionAsync(PortalFactory portal, int inDays, params int[] enrolled)
    {
        var trainerName = "Formateur " + Guid.NewGuid().ToString("N")[..6];
        var trainerEmail = await TestAccounts.CreateAsync(portal, Roles.Staff, trainerName);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (module, place, room) = ($"Module {tag}", $"Centre {tag}", $"Salle {tag}");
        var startsAt = DayInParis.At(DayInParis.Of(DateTimeOffset.UtcNow).AddDays(inDays), new TimeOnly(9, 0));
        var id = await DbAsync(portal, async db =>
        {
            var unitId = await FirstUnitIdAsync(db);
            var session = new Session
            {
                CertificationId = await db.CertificationUnits.Where(u => u.Id == unitId).Select(u => u.CertificationId).SingleAsync(),
                Kind = SessionKind.Training, UnitId = unitId, ModuleTitle = module, StartsAt = startsAt.ToUniversalTime(), DurationMinutes = 480,
                TrainerUserId = await db.Users.Where(u => u.Email == trainerEmail).Select(u => u.Id).SingleAsync(),
                PlaceName = place, Address = "8 rue de la Formation", PostalCode = "35000", City = "Rennes", Room = room, Region = Region.Ouest, Capacity = 12,
                RegistrationDeadline = DayInParis.Of(startsAt),
            };
            foreach (var registrationId in enrolled)
                session.Enrolments.Add(new SessionEnrolment { RegistrationId = registrationId, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow, EnrolledByUserId = "staff" });
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });
        return new BuiltTrainingSession(id, startsAt, module, place, room, trainerName);
    }

    /// <summary>Records the trainee's attendance at one half-day of a session they are enrolled in.</summary>
    public static Task AttendanceAsync(PortalFactory portal, int sessionId, int registrationId, HalfDay halfDay, Attendance attendance, decimal hours) =>
        DbAsync(portal, async db =>
        {
            var enrolmentId = await db.SessionEnrolments.Where(e => e.SessionId == sessionId && e.RegistrationId == registrationId).Select(e => e.Id).SingleAsync();
            db.TrainingAttendances.Add(new TrainingAttendance
            {
                SessionEnrolmentId = enrolmentId, HalfDay = halfDay, Attendance = attendance, Hours = hours, RecordedAt = DateTimeOffset.UtcNow, RecordedByUserId = "staff",
            });
            return await db.SaveChangesAsync();
        });

    /// <summary>Takes the trainee off the session (the enrolment cancelled), or cancels the whole session.</summary>
    public static Task CancelAsync(PortalFactory portal, int sessionId, int? registrationId = null) =>
        DbAsync(portal, async db =>
        {
            if (registrationId is { } id)
                return await db.SessionEnrolments.Where(e => e.SessionId == sessionId && e.RegistrationId == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.State, EnrolmentState.Cancelled).SetProperty(e => e.CancelledAt, DateTimeOffset.UtcNow));
            return await db.Sessions.Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.CancelledAt, DateTimeOffset.UtcNow).SetProperty(s => s.CancellationReason, "Formateur absent"));
        });

    /// <summary>The first unit of the certification the test candidates register for.</summary>
    private static async Task<int> FirstUnitIdAsync(CqpDbContext db)
    {
        var certificationId = await db.Certifications.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        return await db.CertificationUnits.Where(u => u.CertificationId == certificationId).OrderBy(u => u.Number).Select(u => u.Id).FirstAsync();
    }
}
