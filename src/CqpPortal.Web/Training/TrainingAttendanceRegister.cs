using System.Data;
using System.Security.Claims;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Training;

/// <summary>One cell of the half-day sheet: a trainee's enrolment, a half-day, the status chosen (null: left « à noter ») and the hours typed.</summary>
public sealed record SheetCell(int EnrolmentId, HalfDay HalfDay, Attendance? Attendance, decimal? Hours);

/// <summary>A training session's half-day sheet as staff fill it: a row per enrolled trainee, a cell per half-day.</summary>
public sealed record TrainingSheet(int SessionId, DateTimeOffset StartsAt, int DurationMinutes, string CertificationName, int? UnitNumber, string? UnitTitle,
    string? Module, string PlaceName, string? Room, bool Cancelled, bool Opens, IReadOnlyList<TrainingHalfDay> HalfDays, IReadOnlyList<SheetRow> Rows);

public sealed record SheetRow(int EnrolmentId, int RegistrationId, string TraineeName, IReadOnlyDictionary<HalfDay, (Attendance Attendance, decimal Hours)> Recorded);

/// <summary>
/// Records the attendance of a training session per half-day through <see cref="TrainingAttendanceRules"/>: staff only
/// (trainers are staff), the whole sheet or nothing. The managers of a followed employee marked absent (not excused)
/// are e-mailed once per absence (<see cref="TrainingAttendance.ManagerToldAt"/>), after the commit.
/// </summary>
public sealed class TrainingAttendanceRegister(CqpDbContext db, EmployeeNotifications companies, UserManager<PortalUser> users, TimeProvider clock)
{
    public async Task<TrainingSheet?> SheetAsync(int sessionId)
    {
        var s = await db.Sessions.AsNoTracking().Where(x => x.Id == sessionId && x.Kind == SessionKind.Training)
            .Select(x => new
            {
                x.Id, x.StartsAt, x.DurationMinutes, x.Certification!.Kind, x.Certification.Title, UnitNumber = (int?)x.Unit!.Number, UnitTitle = x.Unit.Title,
                x.ModuleTitle, x.PlaceName, x.Room, Cancelled = x.CancelledAt != null,
                Rows = x.Enrolments.Where(e => e.State == EnrolmentState.Enrolled)
                    .OrderBy(e => e.Registration!.Candidate!.LastName).ThenBy(e => e.Registration!.Candidate!.FirstName)
                    .Select(e => new
                    {
                        e.Id, e.RegistrationId, Name = e.Registration!.Candidate!.LastName + " " + e.Registration.Candidate.FirstName,
                        HalfDays = e.HalfDays.Select(h => new { h.HalfDay, h.Attendance, h.Hours }).ToList(),
                    }).ToList(),
            })
            .FirstOrDefaultAsync();
        if (s is null) return null;
        var opens = !s.Cancelled && clock.GetUtcNow() >= s.StartsAt;
        return new TrainingSheet(s.Id, s.StartsAt, s.DurationMinutes, $"{s.Kind} {s.Title}", s.UnitNumber, s.UnitTitle, s.ModuleTitle, s.PlaceName, s.Room,
            s.Cancelled, opens, TrainingDay.HalfDays(s.StartsAt, s.DurationMinutes),
            s.Rows.Select(r => new SheetRow(r.Id, r.RegistrationId, r.Name, r.HalfDays.ToDictionary(h => h.HalfDay, h => (h.Attendance, h.Hours)))).ToList());
    }

    /// <summary>Records the sheet; returns the refusals in French (nothing saved) or an empty list once saved.</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(int sessionId, IReadOnlyList<SheetCell> cells, ClaimsPrincipal user)
    {
        if (!Roles.IsStaff(user)) return ["Seul l'organisme de formation note la présence aux sessions de formation."];
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.Kind == SessionKind.Training);
        if (session is null) return ["Cette session de formation n'existe pas."];
        var ids = cells.Select(c => c.EnrolmentId).Distinct().ToList();
        var enrolments = await db.SessionEnrolments.Include(e => e.HalfDays).Include(e => e.Registration).ThenInclude(r => r!.Candidate)
            .Where(e => ids.Contains(e.Id) && e.SessionId == sessionId).ToDictionaryAsync(e => e.Id);
        var now = clock.GetUtcNow();
        var recordedBy = users.GetUserId(user)!;
        var errors = new List<string>();
        var absences = new List<(SessionEnrolment Enrolment, TrainingAttendance HalfDay)>();
        // Cells left « à noter » with no hours change nothing.
        foreach (var cell in cells.Where(c => c.Attendance is not null || c.Hours is not null))
        {
            var enrolment = enrolments.GetValueOrDefault(cell.EnrolmentId);
            var decision = TrainingAttendanceRules.Decide(enrolment?.State == EnrolmentState.Enrolled, session.CancelledAt is not null,
                session.StartsAt, session.DurationMinutes, now, cell.HalfDay, cell.Attendance, cell.Hours);
            if (decision.Refusal is { } refusal)
            {
                errors.Add(enrolment?.Registration?.Candidate is { } c ? $"{c.FullName}, {FrenchLabels.Of(cell.HalfDay).ToLowerInvariant()} : {refusal}" : refusal);
                continue;
            }
            var row = enrolment!.HalfDays.FirstOrDefault(h => h.HalfDay == cell.HalfDay);
            if (row is null) enrolment.HalfDays.Add(row = new TrainingAttendance { HalfDay = cell.HalfDay, RecordedByUserId = recordedBy });
            (row.Attendance, row.Hours, row.RecordedAt, row.RecordedByUserId) = (cell.Attendance!.Value, decision.Hours, now, recordedBy);
            if (row.Attendance == Attendance.Absent && row.ManagerToldAt is null) absences.Add((enrolment, row));
        }
        if (errors.Count > 0) return errors;
        foreach (var group in absences.GroupBy(a => a.Enrolment))
        {
            foreach (var (_, halfDay) in group) halfDay.ManagerToldAt = now;
            await companies.AbsentFromTrainingAsync(group.Key.RegistrationId, session, group.Select(a => a.HalfDay.HalfDay).Order().ToList());
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return [];
    }
}
