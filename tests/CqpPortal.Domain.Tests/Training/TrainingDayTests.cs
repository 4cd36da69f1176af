using CqpPortal.Domain.Time;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Training;

public class TrainingDayTests
{
    private static DateTimeOffset At(int hour, int minute = 0) => DayInParis.At(new DateOnly(2027, 3, 10), new TimeOnly(hour, minute));

    [Fact]
    public void A_day_from_nine_to_five_is_seven_hours_taught_shared_between_morning_and_afternoon()
    {
        var halfDays = TrainingDay.HalfDays(At(9), 8 * 60);
        Assert.Equal([new TrainingHalfDay(HalfDay.Morning, 3.5m), new TrainingHalfDay(HalfDay.Afternoon, 3.5m)], halfDays);
        Assert.Equal(7m, TrainingDay.Hours(At(9), 8 * 60));
        Assert.Equal(1m, TrainingDay.DaysAway(At(9), 8 * 60));
    }

    [Fact]
    public void A_session_ending_by_one_oclock_is_a_morning_with_all_its_hours()
    {
        Assert.Equal([new TrainingHalfDay(HalfDay.Morning, 3.5m)], TrainingDay.HalfDays(At(9), 210));
        Assert.Equal(0.5m, TrainingDay.DaysAway(At(9), 210));
    }

    [Fact]
    public void A_session_starting_after_noon_is_an_afternoon()
    {
        Assert.Equal([new TrainingHalfDay(HalfDay.Afternoon, 3m)], TrainingDay.HalfDays(At(14), 180));
    }

    [Fact]
    public void Paris_time_decides_the_half_day_whatever_the_offset_of_the_instant()
    {
        var nineInParisAsUtc = At(9).ToUniversalTime();
        Assert.Equal(HalfDay.Morning, TrainingDay.HalfDays(nineInParisAsUtc, 180).Single().HalfDay);
    }

    [Fact]
    public void A_session_of_no_length_has_no_half_day()
    {
        Assert.Empty(TrainingDay.HalfDays(At(9), 0));
    }
}
