using CqpPortal.Domain.Time;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Training;

public class TrainingAttendanceRulesTests
{
    private static readonly DateTimeOffset NineOClock = DayInParis.At(new DateOnly(2027, 3, 10), new TimeOnly(9, 0));
    private static readonly DateTimeOffset Evening = NineOClock.AddHours(9);

    // 9:00–17:00: 3.5 hours in the morning, 3.5 in the afternoon.
    private static TrainingAttendanceDecision Record(Attendance? attendance, decimal? hours, HalfDay halfDay = HalfDay.Morning, bool enrolled = true,
        bool cancelled = false, DateTimeOffset? now = null, int span = 480) =>
        TrainingAttendanceRules.Decide(enrolled, cancelled, NineOClock, span, now ?? Evening, halfDay, attendance, hours);

    [Fact]
    public void Negative_hours_are_refused()
    {
        var decision = Record(Attendance.Present, -1);
        Assert.True(decision.Refused);
        Assert.Contains("négatif", decision.Refusal);
    }

    [Fact]
    public void Hours_above_the_half_day_are_refused()
    {
        var decision = Record(Attendance.Present, 4);
        Assert.True(decision.Refused);
        Assert.Contains("3,5 h", decision.Refusal);
    }

    [Fact]
    public void Exactly_the_half_days_hours_are_accepted()
    {
        Assert.Equal(new TrainingAttendanceDecision(null, 3.5m), Record(Attendance.Present, 3.5m));
    }

    [Fact]
    public void A_trainee_not_enrolled_in_the_session_is_refused()
    {
        Assert.Contains("n'est pas inscrit", Record(Attendance.Present, null, enrolled: false).Refusal);
    }

    [Theory]
    [InlineData(Attendance.Absent)]
    [InlineData(Attendance.Excused)]
    public void An_absence_counts_no_hour_whatever_was_typed(Attendance absence)
    {
        Assert.Equal(new TrainingAttendanceDecision(null, 0), Record(absence, 2));
        Assert.Equal(new TrainingAttendanceDecision(null, 0), Record(absence, null));
    }

    [Fact]
    public void Present_with_no_hours_counts_the_whole_half_day()
    {
        Assert.Equal(3.5m, Record(Attendance.Present, null, HalfDay.Afternoon).Hours);
    }

    [Fact]
    public void A_trainee_who_left_early_gets_the_hours_typed()
    {
        Assert.Equal(2m, Record(Attendance.Present, 2, HalfDay.Afternoon).Hours);
    }

    [Fact]
    public void A_half_day_the_session_does_not_have_is_refused()
    {
        var morningOnly = Record(Attendance.Present, null, HalfDay.Afternoon, span: 180);
        Assert.Contains("Après-midi", morningOnly.Refusal);
    }

    [Fact]
    public void Attendance_is_not_recorded_before_the_session_has_started()
    {
        Assert.Contains("commencée", Record(Attendance.Present, null, now: NineOClock.AddMinutes(-1)).Refusal);
        Assert.False(Record(Attendance.Present, null, now: NineOClock).Refused);
    }

    [Fact]
    public void A_cancelled_session_takes_no_attendance()
    {
        Assert.Contains("annulée", Record(Attendance.Present, null, cancelled: true).Refusal);
    }

    [Fact]
    public void A_status_must_be_chosen()
    {
        Assert.True(Record(null, null).Refused);
    }

    [Theory]
    [InlineData("3,5", 3.5)]
    [InlineData("3.5", 3.5)]
    [InlineData(" 2 ", 2)]
    [InlineData("-1", -1)]
    public void Hours_are_read_with_a_french_comma_or_a_point(string text, double expected)
    {
        Assert.True(TrainingAttendanceRules.TryParseHours(text, out var hours));
        Assert.Equal((decimal)expected, hours);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_hours_are_read_as_none(string? text)
    {
        Assert.True(TrainingAttendanceRules.TryParseHours(text, out var hours));
        Assert.Null(hours);
    }

    [Theory]
    [InlineData("trois")]
    [InlineData("3h30")]
    [InlineData("1,2,3")]
    public void Hours_that_are_not_a_number_are_not_read(string text)
    {
        Assert.False(TrainingAttendanceRules.TryParseHours(text, out _));
    }

    [Fact]
    public void Hours_are_shown_in_the_sheet_with_a_french_comma()
    {
        Assert.Equal("3,5", TrainingAttendanceRules.HoursText(3.5m));
        Assert.Equal("7", TrainingAttendanceRules.HoursText(7m));
    }
}
