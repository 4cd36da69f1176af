using System.Security.Claims;
using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Training;

/// <summary>One half-day of a training session the trainee is enrolled in, with what was recorded (null: not yet).</summary>
public sealed record AttendanceLine(int SessionId, DateTimeOffset StartsAt, DateOnly Day, HalfDay HalfDay, int? UnitNumber, string? UnitTitle,
    string? Module, decimal PlannedHours, Attendance? Attendance, decimal Hours)
{
    public string Unit => UnitNumber is { } n ? $"Unité {n} – {UnitTitle}" : "—";
}

/// <summary>The current path's version, objectives and evaluation waiver, as the hours pages show them.</summary>
public sealed record PathSummary(int Id, int Version, string? Objectives, string? WaiverReason, DateTimeOffset? WaiverAt);

/// <summary>A trainee's training record: hours per unit (planned / done), the half-days by date, the end of training.</summary>
public sealed record TraineeRecord(int RegistrationId, string TraineeName, string CertificationName, IReadOnlyList<string> CertificationUnits,
    PathSummary? Path, PathHours? Hours, IReadOnlyList<AttendanceLine> Attendance, bool HasComingSession, DateTimeOffset? LastSessionEndsAt)
{
    /// <summary>The months with a half-day, newest first (one statement each).</summary>
    public IReadOnlyList<DateOnly> Months => Attendance.Select(a => new DateOnly(a.Day.Year, a.Day.Month, 1)).Distinct().OrderDescending().ToList();

    public IEnumerable<AttendanceLine> Absences => Attendance.Where(a => a.Attendance is Domain.Vocabulary.Attendance.Absent or Domain.Vocabulary.Attendance.Excused);
}

/// <summary>
/// Reads a trainee's training record: hours done per unit (present hours at training sessions of the unit) against the
/// current path (<see cref="TrainingHours"/>), and every half-day of the training sessions they are enrolled in.
/// Readers go through <see cref="TrainingAccess"/>; the sign-up gate and the timeline read the hours alone.
/// </summary>
public sealed class TrainingRecord(CqpDbContext db, TrainingAccess access, TrainingProgress progress, TimeProvider clock)
{
    /// <summary>The record of <paramref name="registrationId"/> if <paramref name="user"/> may read it; null as for an unknown id.</summary>
    public async Task<TraineeRecord?> ForAsync(ClaimsPrincipal user, int registrationId) =>
        await access.CanReadAsync(user, registrationId) ? await LoadAsync(registrationId) : null;

    /// <summary>The latest training-route registration <paramref name="user"/> may read (the candidate's own).</summary>
    public async Task<TraineeRecord?> OwnAsync(ClaimsPrincipal user) =>
        await access.Readable(user).OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync() is { } id ? await LoadAsync(id) : null;

    public async Task<TraineeRecord?> LoadAsync(int registrationId)
    {
        var who = await db.Registrations.Where(r => r.Id == registrationId)
            .Select(r => new
            {
                Name = r.Candidate!.FirstName + " " + r.Candidate.LastName, r.Certification!.Kind, r.Certification.Title,
                Units = r.Certification.Units.OrderBy(u => u.Number).Select(u => "Unité " + u.Number + " – " + u.Title).ToList(),
            })
            .FirstOrDefaultAsync();
        if (who is null) return null;
        var path = await CurrentPathAsync(registrationId);
        var sessions = await db.SessionEnrolments.AsNoTracking()
            .Where(e => e.RegistrationId == registrationId && e.State != EnrolmentState.Cancelled && e.Session!.Kind == SessionKind.Training && e.Session.CancelledAt == null)
            .Select(e => new
            {
                e.SessionId, e.Session!.StartsAt, e.Session.DurationMinutes, UnitNumber = (int?)e.Session.Unit!.Number, UnitTitle = e.Session.Unit.Title, e.Session.ModuleTitle,
                HalfDays = e.HalfDays.Select(h => new { h.HalfDay, h.Attendance, h.Hours }).ToList(),
            })
            .ToListAsync();
        var now = clock.GetUtcNow();
        var lines = sessions.SelectMany(s => TrainingDay.HalfDays(s.StartsAt, s.DurationMinutes).Select(h =>
            {
                var recorded = s.HalfDays.FirstOrDefault(r => r.HalfDay == h.HalfDay);
                return new AttendanceLine(s.SessionId, s.StartsAt, DayInParis.Of(s.StartsAt), h.HalfDay, s.UnitNumber, s.UnitTitle, s.ModuleTitle, h.Hours,
                    recorded?.Attendance, recorded?.Hours ?? 0);
            }))
            .OrderBy(l => l.StartsAt).ThenBy(l => l.HalfDay).ToList();
        var hours = path is null ? null : await progress.HoursAsync(registrationId);
        var last = sessions.Count == 0 ? (DateTimeOffset?)null : sessions.Max(s => s.StartsAt.AddMinutes(s.DurationMinutes));
        return new TraineeRecord(registrationId, who.Name, $"{who.Kind} {who.Title}", who.Units, path, hours, lines,
            sessions.Any(s => s.StartsAt > now), last);
    }

    private Task<PathSummary?> CurrentPathAsync(int registrationId) => TrainingProgress.CurrentPath(db, registrationId)
        .Select(p => new PathSummary(p.Id, p.Version, p.Objectives, p.EvaluationWaiverReason, p.EvaluationWaiverAt)).FirstOrDefaultAsync();
}
