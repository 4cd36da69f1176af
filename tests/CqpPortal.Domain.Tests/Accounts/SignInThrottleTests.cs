using CqpPortal.Domain.Accounts;

namespace CqpPortal.Domain.Tests.Accounts;

public class SignInThrottleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly SignInThrottle Throttle = new(5, 30, TimeSpan.FromMinutes(15));

    private static DateTimeOffset[] MinutesAgo(params int[] minutes) => minutes.Select(m => Now.AddMinutes(-m)).ToArray();

    [Fact]
    public void Four_failures_for_an_account_from_one_address_let_the_next_attempt_through() =>
        Assert.Null(Throttle.Wait(MinutesAgo(1, 2, 3, 4), MinutesAgo(1, 2, 3, 4), Now));

    [Fact]
    public void The_fifth_failure_makes_the_next_attempt_wait_until_the_oldest_leaves_the_window() =>
        Assert.Equal(TimeSpan.FromMinutes(5), Throttle.Wait(MinutesAgo(1, 2, 3, 4, 10), MinutesAgo(1, 2, 3, 4, 10), Now));

    [Fact]
    public void Failures_older_than_the_window_no_longer_count() =>
        Assert.Null(Throttle.Wait(MinutesAgo(1, 2, 16, 20, 30), MinutesAgo(1, 2, 16, 20, 30), Now));

    [Fact]
    public void Failures_from_another_address_do_not_hold_back_the_owner_of_the_account() =>
        Assert.Null(Throttle.Wait([], [], Now));

    [Fact]
    public void One_address_trying_many_accounts_waits_after_thirty_failures()
    {
        var thirty = Enumerable.Range(0, 30).Select(i => Now.AddSeconds(-10 * i)).ToArray();
        Assert.NotNull(Throttle.Wait([], thirty, Now));
        Assert.Null(Throttle.Wait([], thirty[..29], Now));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(59, 1)]
    [InlineData(61, 2)]
    [InlineData(840, 14)]
    public void The_wait_is_said_in_whole_minutes_never_zero(int seconds, int minutes) =>
        Assert.Equal(minutes, SignInThrottle.Minutes(TimeSpan.FromSeconds(seconds)));
}
