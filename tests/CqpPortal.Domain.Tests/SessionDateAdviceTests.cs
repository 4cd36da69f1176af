using CqpPortal.Domain.Sessions;

namespace CqpPortal.Domain.Tests;

public class SessionDateAdviceTests
{
    [Theory]
    [InlineData(2026, 3, 26, false)] // 31-day month: 27 to 31 are the last five days
    [InlineData(2026, 3, 27, true)]
    [InlineData(2026, 3, 31, true)]
    [InlineData(2028, 2, 24, false)] // leap February: 25 to 29
    [InlineData(2028, 2, 25, true)]
    [InlineData(2026, 4, 25, false)] // 30-day month: 26 to 30
    [InlineData(2026, 4, 26, true)]
    public void The_last_five_days_of_a_month_are_advised_against(int year, int month, int day, bool warned) =>
        Assert.Equal(warned, SessionDateAdvice.Warnings(new DateOnly(year, month, day)).Any(w => w.Contains("fins de mois")));

    [Theory]
    [InlineData(10, 0)]
    [InlineData(11, 1)]
    [InlineData(26, 1)]
    [InlineData(27, 2)]
    [InlineData(31, 2)]
    public void The_last_three_weeks_of_december_are_advised_against_and_its_month_end_too(int day, int warnings) =>
        Assert.Equal(warnings, SessionDateAdvice.Warnings(new DateOnly(2026, 12, day)).Count);

    [Fact]
    public void A_mid_month_date_gets_no_warning() => Assert.Empty(SessionDateAdvice.Warnings(new DateOnly(2026, 6, 15)));
}
