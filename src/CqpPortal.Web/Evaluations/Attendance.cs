using System.Security.Claims;
using CqpPortal.Domain.Evaluations;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Evaluations;

/// <summary>Records, per candidate, présent / absent / excusé at an evaluation session, through <see cref="AttendanceRules"/>.</summary>
public sealed class AttendanceRegister(CqpDbContext db, EvaluationAccess access, UserManager<PortalUser> users, TimeProvider clock)
{
    /// <summary>Whether the attendance of <paramref name="sitting"/> can be recorded now (for the form to show).</summary>
    public bool Opens(EvaluationSitting sitting) =>
        AttendanceRules.WhyNotRecord(true, sitting.Cancelled, true, sitting.StartsAt, DayInParis.Today(clock)) is null;

    /// <summary>Returns why not in French (nothing saved), or null once recorded.</summary>
    public async Task<string?> RecordAsync(int sessionId, int enrolmentId, Attendance? attendance, ClaimsPrincipal user)
    {
        var session = await access.Sessions(user).FirstOrDefaultAsync(s => s.Id == sessionId);
        if (session is null) return "Cette session n'existe pas.";
        if (attendance is not { } value || !Enum.IsDefined(value)) return "Choisissez présent, absent ou excusé.";
        var byStaffOrEvaluator = Roles.IsStaff(user) || await access.RoleAsync(sessionId, user) is not null;
        var enrolment = await db.SessionEnrolments.FirstOrDefaultAsync(e => e.Id == enrolmentId && e.SessionId == sessionId);
        var refused = AttendanceRules.WhyNotRecord(byStaffOrEvaluator, session.CancelledAt is not null, enrolment?.State == EnrolmentState.Enrolled,
            session.StartsAt, DayInParis.Today(clock));
        if (refused is not null) return refused;
        (enrolment!.Attendance, enrolment.AttendanceRecordedAt, enrolment.AttendanceRecordedByUserId) = (value, clock.GetUtcNow(), users.GetUserId(user));
        await db.SaveChangesAsync();
        return null;
    }
}
