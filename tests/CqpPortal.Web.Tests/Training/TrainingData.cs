using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using static CqpPortal.Web.Tests.Companies.CompanyFollowing;

namespace CqpPortal.Web.Tests.Training;

/// <summary>A training session of the first unit with its enrolments, as the attendance and hours tests need it.</summary>
public sealed record PlannedTraining(int SessionId, DateOnly Day, IReadOnlyDictionary<int, int> EnrolmentOf);

/// <summary>Builders of training data straight into the database: a signed path, a training session (9:00–17:00, Paris) with enrolments.</summary>
public static class TrainingData
{
    /// <summary>A full day of training <paramref name="inDays"/> from today (negative: in the past), 3.5 h in the morning and 3.5 h in the afternoon.</summary>
    public static Task<PlannedTraining> SessionAsync(PortalFactory portal, int inDays, params int[] registrationIds) =>
        DbAsync(portal, async db =>
        {
            var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(inDays);
            var unit = await db.CertificationUnits.OrderBy(u => u.CertificationId).ThenBy(u => u.Number).FirstAsync();
            var session = new Session
            {
                CertificationId = unit.CertificationId, Kind = SessionKind.Training, StartsAt = DayInParis.At(day, new TimeOnly(9, 0)).ToUniversalTime(), DurationMinutes = 480,
                UnitId = unit.Id, ModuleTitle = "Accueil téléphonique", PlaceName = "Centre Présences", Address = "3 rue des Essais", PostalCode = "35000", City = "Rennes",
                Region = Region.Ouest, Capacity = 12, RegistrationDeadline = day.AddDays(-3),
            };
            foreach (var id in registrationIds) session.Enrolments.Add(new SessionEnrolment { RegistrationId = id, State = EnrolmentState.Enrolled, EnrolledAt = DateTimeOffset.UtcNow });
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            return new PlannedTraining(session.Id, day, session.Enrolments.ToDictionary(e => e.RegistrationId, e => e.Id));
        });

    /// <summary>A path (version 1) planning <paramref name="hours"/> on the first unit, signed by the candidate and the organisation.</summary>
    public static Task PathAsync(PortalFactory portal, int registrationId, int hours = 70) =>
        DbAsync(portal, async db =>
        {
            var path = new TrainingPath
            {
                RegistrationId = registrationId, Version = 1, CreatedByUserId = "staff", CandidateSignedAt = DateTimeOffset.UtcNow, OrganisationSignedAt = DateTimeOffset.UtcNow,
            };
            var unitId = await db.CertificationUnits.OrderBy(u => u.CertificationId).ThenBy(u => u.Number).Select(u => u.Id).FirstAsync();
            path.Units.Add(new TrainingPathUnit { UnitId = unitId, PlannedHours = hours, Modules = ["Accueil téléphonique"] });
            db.TrainingPaths.Add(path);
            await db.SaveChangesAsync();
            return path.Id;
        });

    /// <summary>Records a half-day straight into the database (the sheet's own tests go through the page).</summary>
    public static Task RecordAsync(PortalFactory portal, int enrolmentId, HalfDay halfDay, Attendance attendance, decimal hours) =>
        DbAsync(portal, async db =>
        {
            db.TrainingAttendances.Add(new TrainingAttendance
            {
                SessionEnrolmentId = enrolmentId, HalfDay = halfDay, Attendance = attendance, Hours = hours, RecordedAt = DateTimeOffset.UtcNow, RecordedByUserId = "staff",
            });
            return await db.SaveChangesAsync();
        });

    public static Task<List<TrainingAttendance>> RecordedAsync(PortalFactory portal, int enrolmentId) =>
        DbAsync(portal, db => db.TrainingAttendances.AsNoTracking().Where(a => a.SessionEnrolmentId == enrolmentId).OrderBy(a => a.HalfDay).ToListAsync());
}
