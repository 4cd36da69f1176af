using CqpPortal.Domain.Sessions;

namespace CqpPortal.Domain.Tests.Sessions;

public class SessionDateAdviceTests
{
    private static bool MonthEndWarned(DateOnly date) => SessionDateAdvice.Warnings(date).Any(w => w.Contains("éviter les fins de mois"));

    private static bool DecemberWarned(DateOnly date) => SessionDateAdvice.Warnings(date).Any(w => w.Contains("éviter les trois dernières semaines de décembre"));

    [Theory]
    [InlineData(2026, 3, 26, false)] // 31-day month: 27 to 31 are the last five days
    [InlineData(2026, 3, 27, true)]
    [InlineData(2026, 3, 31, true)]
    [InlineData(2026, 4, 25, false)] // 30-day month: 26 to 30
    [InlineData(2026, 4, 26, true)]
    [InlineData(2028, 2, 24, false)] // leap February: 25 to 29
    [InlineData(2028, 2, 25, true)]
    [InlineData(2028, 2, 29, true)]
    [InlineData(2027, 2, 23, false)] // common February: 24 to 28
    [InlineData(2027, 2, 24, true)]
    public void The_last_five_days_of_a_month_are_advised_against(int year, int month, int day, bool warned) =>
        Assert.Equal(warned, MonthEndWarned(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(1, false)]
    [InlineData(10, false)]
    [InlineData(11, true)]
    [InlineData(24, true)]
    [InlineData(31, true)]
    public void The_last_three_weeks_of_december_start_on_the_eleventh(int day, bool warned) =>
        Assert.Equal(warned, DecemberWarned(new DateOnly(2026, 12, day)));

    [Theory]
    [InlineData(10, 0)]
    [InlineData(11, 1)]
    [InlineData(26, 1)]
    [InlineData(27, 2)]
    [InlineData(31, 2)]
    public void A_late_december_month_end_gets_both_warnings(int day, int warnings) =>
        Assert.Equal(warnings, SessionDateAdvice.Warnings(new DateOnly(2026, 12, day)).Count);

    [Fact]
    public void Each_warning_names_the_day_and_the_reason()
    {
        var warnings = SessionDateAdvice.Warnings(new DateOnly(2026, 12, 31));
        Assert.Equal("Le 31 tombe dans les 5 derniers jours du mois : le cahier des charges recommande d'éviter les fins de mois.", warnings[0]);
        Assert.Equal("Le 31 décembre tombe dans les trois dernières semaines de décembre (à partir du 11) : le cahier des charges recommande d'éviter les trois dernières semaines de décembre.", warnings[1]);
    }

    [Fact]
    public void A_mid_month_date_gets_no_warning() => Assert.Empty(SessionDateAdvice.Warnings(new DateOnly(2026, 6, 15)));
}
