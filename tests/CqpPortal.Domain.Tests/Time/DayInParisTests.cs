using CqpPortal.Domain.Time;
using Microsoft.Extensions.Time.Testing;

namespace CqpPortal.Domain.Tests.Time;

public class DayInParisTests
{
    [Fact]
    public void Half_past_midnight_in_Paris_is_already_the_next_day_although_UTC_is_still_on_the_previous_one()
    {
        var instant = new DateTimeOffset(2026, 3, 15, 23, 30, 0, TimeSpan.Zero); // 00:30 on 16 March in Paris (UTC+1)
        Assert.Equal(new DateOnly(2026, 3, 16), DayInParis.Of(instant));
    }

    [Fact]
    public void Summer_time_is_two_hours_ahead_of_UTC()
    {
        var instant = new DateTimeOffset(2026, 7, 14, 22, 15, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 7, 15), DayInParis.Of(instant));
        Assert.Equal(TimeSpan.FromHours(2), DayInParis.Local(instant).Offset);
    }

    [Fact]
    public void Today_is_read_from_the_clock_given()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 5, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 1, 1), DayInParis.Today(clock));
    }

    [Fact]
    public void A_day_starts_at_midnight_Paris_time()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 23, 0, 0, TimeSpan.Zero), DayInParis.Start(new DateOnly(2026, 1, 15)).ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 6, 14, 22, 0, 0, TimeSpan.Zero), DayInParis.Start(new DateOnly(2026, 6, 15)).ToUniversalTime());
    }

    [Fact]
    public void A_wall_clock_time_skipped_by_the_spring_change_moves_an_hour_later()
    {
        var at = DayInParis.At(new DateOnly(2026, 3, 29), new TimeOnly(2, 30));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), at.ToUniversalTime());
    }
}
