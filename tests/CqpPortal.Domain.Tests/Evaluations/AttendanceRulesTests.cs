using CqpPortal.Domain.Evaluations;

namespace CqpPortal.Domain.Tests.Evaluations;

public class AttendanceRulesTests
{
    // 09:00 in Paris on 15 June 2026.
    private static readonly DateTimeOffset Session = new(2026, 6, 15, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly SessionDay = new(2026, 6, 15);

    [Fact]
    public void Attendance_is_recorded_for_an_enrolled_candidate_from_the_session_day()
    {
        Assert.Null(AttendanceRules.WhyNotRecord(true, false, true, Session, SessionDay));
        Assert.Null(AttendanceRules.WhyNotRecord(true, false, true, Session, SessionDay.AddDays(3)));
    }

    [Fact]
    public void Attendance_is_not_recorded_before_the_session_day() =>
        Assert.Contains("à partir du jour de la session (15/06/2026)", AttendanceRules.WhyNotRecord(true, false, true, Session, SessionDay.AddDays(-1)));

    [Fact]
    public void Attendance_is_recorded_only_for_a_candidate_enrolled_in_the_session() =>
        Assert.Contains("pas inscrit", AttendanceRules.WhyNotRecord(true, false, false, Session, SessionDay));

    [Fact]
    public void Only_staff_or_the_sessions_evaluators_record_attendance() =>
        Assert.Contains("Seuls l'organisme de formation et les évaluateurs", AttendanceRules.WhyNotRecord(false, false, true, Session, SessionDay));

    [Fact]
    public void Attendance_is_not_recorded_at_a_cancelled_session() =>
        Assert.Contains("annulée", AttendanceRules.WhyNotRecord(true, true, true, Session, SessionDay));

    [Fact]
    public void The_session_day_is_the_day_in_Paris()
    {
        // 23:30 UTC on 14 June is 01:30 on 15 June in Paris: not yet recordable on 14 June.
        var justAfterMidnight = new DateTimeOffset(2026, 6, 14, 23, 30, 0, TimeSpan.Zero);
        Assert.NotNull(AttendanceRules.WhyNotRecord(true, false, true, justAfterMidnight, new DateOnly(2026, 6, 14)));
        Assert.Null(AttendanceRules.WhyNotRecord(true, false, true, justAfterMidnight, new DateOnly(2026, 6, 15)));
    }
}
