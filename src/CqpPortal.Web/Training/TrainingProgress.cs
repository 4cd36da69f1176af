using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Training;

/// <summary>
/// A trainee's hours against the current path (<see cref="TrainingHours"/>), with no reader check: for the evaluation
/// sign-up gate, the journey timeline and the record pages (which check <see cref="TrainingAccess"/> first). Needs the
/// database alone, so the worker and the CLI have it too (<c>AddPortalJourneys</c>).
/// </summary>
public sealed class TrainingProgress(CqpDbContext db)
{
    /// <summary>Hours planned and done per unit of the current path; null when the trainee has no path in the portal.</summary>
    public async Task<PathHours?> HoursAsync(int registrationId)
    {
        var pathId = await CurrentPath(db, registrationId).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        if (pathId is null) return null;
        var planned = await db.TrainingPathUnits.Where(u => u.TrainingPathId == pathId)
            .Select(u => new PlannedUnit(u.UnitId, u.Unit!.Number, u.Unit.Title, u.PlannedHours)).ToListAsync();
        var followed = await db.TrainingAttendances
            .Where(a => a.SessionEnrolment!.RegistrationId == registrationId && a.Attendance == Attendance.Present
                && a.SessionEnrolment.Session!.Kind == SessionKind.Training && a.SessionEnrolment.Session.UnitId != null)
            .GroupBy(a => a.SessionEnrolment!.Session!.UnitId!.Value)
            .Select(g => new FollowedHours(g.Key, g.Sum(a => a.Hours))).ToListAsync();
        return TrainingHours.Of(planned, followed);
    }

    /// <summary>What the evaluation sign-up rule needs: hours remaining and the waiver; null without a path in the portal.</summary>
    public async Task<TrainingGate?> GateAsync(int registrationId)
    {
        var waiver = await CurrentPath(db, registrationId).Select(p => new { p.EvaluationWaiverReason }).FirstOrDefaultAsync();
        if (waiver is null || await HoursAsync(registrationId) is not { } hours) return null;
        return new TrainingGate(hours.Remaining, waiver.EvaluationWaiverReason);
    }

    /// <summary>The current version of the registration's path: not superseded, the highest version.</summary>
    public static IQueryable<TrainingPath> CurrentPath(CqpDbContext db, int registrationId) =>
        db.TrainingPaths.Where(p => p.RegistrationId == registrationId && p.SupersededAt == null).OrderByDescending(p => p.Version);
}
