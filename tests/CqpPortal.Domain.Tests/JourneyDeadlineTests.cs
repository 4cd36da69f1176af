using CqpPortal.Domain.Journey;

namespace CqpPortal.Domain.Tests;

public class JourneyDeadlineTests
{
    [Fact]
    public void The_journey_ends_two_years_after_admissibility()
    {
        var deadline = JourneyDeadline.From(new DateOnly(2025, 3, 14));
        Assert.Equal(new DateOnly(2027, 3, 14), deadline.Deadline);
    }

    [Fact]
    public void Admissibility_on_29_february_ends_on_28_february_two_years_later()
    {
        Assert.Equal(new DateOnly(2026, 2, 28), JourneyDeadline.From(new DateOnly(2024, 2, 29)).Deadline);
    }

    [Fact]
    public void Days_left_count_down_to_zero_on_the_deadline_and_go_negative_after()
    {
        var deadline = JourneyDeadline.From(new DateOnly(2025, 1, 10));
        Assert.Equal(10, deadline.DaysLeft(new DateOnly(2026, 12, 31)));
        Assert.Equal(0, deadline.DaysLeft(new DateOnly(2027, 1, 10)));
        Assert.False(deadline.IsExpired(new DateOnly(2027, 1, 10)));
        Assert.Equal(-1, deadline.DaysLeft(new DateOnly(2027, 1, 11)));
        Assert.True(deadline.IsExpired(new DateOnly(2027, 1, 11)));
    }

    [Fact]
    public void Another_certification_can_set_its_own_limit()
    {
        Assert.Equal(new DateOnly(2026, 1, 1), JourneyDeadline.From(new DateOnly(2025, 1, 1), limitMonths: 12).Deadline);
        Assert.Throws<ArgumentOutOfRangeException>(() => JourneyDeadline.From(new DateOnly(2025, 1, 1), limitMonths: 0));
    }
}
