using CqpPortal.Domain.Audit;

namespace CqpPortal.Domain.Tests.Audit;

public class ReadRateAlertTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReadRateAlert Rule = new(60, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));

    private static IEnumerable<DateTimeOffset> Reads(int count, TimeSpan over) =>
        Enumerable.Range(0, count).Select(i => Now - over + over * i / Math.Max(1, count - 1));

    [Fact]
    public void Sixty_reads_in_five_minutes_are_normal_work() =>
        Assert.False(Rule.ShouldAlert(Reads(60, TimeSpan.FromMinutes(4)), null, Now));

    [Fact]
    public void The_sixty_first_read_within_five_minutes_raises_an_alert() =>
        Assert.True(Rule.ShouldAlert(Reads(61, TimeSpan.FromMinutes(4)), null, Now));

    [Fact]
    public void Two_hundred_and_ninety_seven_reads_in_two_seconds_raise_an_alert() =>
        Assert.True(Rule.ShouldAlert(Reads(297, TimeSpan.FromSeconds(2.4)), null, Now));

    [Fact]
    public void Reads_spread_over_a_working_day_never_raise_an_alert()
    {
        var reads = Enumerable.Range(0, 400).Select(i => Now.AddHours(-8).AddSeconds(i * 72)).ToList(); // one every 72 s
        Assert.All(reads, read => Assert.False(Rule.ShouldAlert(reads.Where(r => r <= read), null, read)));
    }

    [Fact]
    public void Reads_older_than_the_window_no_longer_count() =>
        Assert.False(Rule.ShouldAlert(Reads(50, TimeSpan.FromMinutes(3)).Concat(Reads(50, TimeSpan.FromMinutes(30)).Select(r => r.AddMinutes(-10))), null, Now));

    [Fact]
    public void No_second_alert_for_the_same_person_within_the_hour() =>
        Assert.False(Rule.ShouldAlert(Reads(200, TimeSpan.FromMinutes(1)), Now.AddMinutes(-59), Now));

    [Fact]
    public void An_hour_after_the_last_alert_a_high_rate_alerts_again() =>
        Assert.True(Rule.ShouldAlert(Reads(200, TimeSpan.FromMinutes(1)), Now.AddHours(-1), Now));

    [Fact]
    public void The_alert_says_how_many_reads_in_which_window_against_which_threshold() =>
        Assert.Equal("297 lectures de dossiers en 5 minutes (seuil : 60)", Rule.Describe(297));

    [Fact]
    public void A_threshold_of_zero_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadRateAlert(0, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)));
}
