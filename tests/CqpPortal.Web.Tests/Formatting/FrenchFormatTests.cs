using CqpPortal.Web.Formatting;

namespace CqpPortal.Web.Tests.Formatting;

public class FrenchFormatTests
{
    [Fact]
    public void Instants_are_shown_in_paris_time_with_french_words()
    {
        // 08:30 UTC in winter is 09:30 in Paris; in summer 08:30 UTC is 10:30.
        Assert.Equal("mardi 3 mars 2026 à 9 h 30", FrenchFormat.DateTime(new DateTimeOffset(2026, 3, 3, 8, 30, 0, TimeSpan.Zero)));
        Assert.Equal("10 h 30", FrenchFormat.Time(new DateTimeOffset(2026, 7, 3, 8, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Late_evening_utc_is_already_the_next_day_in_paris()
    {
        Assert.Equal("1er janvier 2027", FrenchFormat.Date(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Dates_use_french_month_and_day_names()
    {
        Assert.Equal("14 juillet 2026", FrenchFormat.Date(new DateOnly(2026, 7, 14)));
        Assert.Equal("mardi 14 juillet 2026", FrenchFormat.LongDate(new DateOnly(2026, 7, 14)));
    }

    [Theory]
    [InlineData(1, "1er décembre 2026")]
    [InlineData(2, "2 décembre 2026")]
    [InlineData(11, "11 décembre 2026")]
    [InlineData(21, "21 décembre 2026")]
    [InlineData(31, "31 décembre 2026")]
    public void Only_the_first_of_the_month_is_written_as_an_ordinal(int day, string expected)
    {
        Assert.Equal(expected, FrenchFormat.Date(new DateOnly(2026, 12, day)));
    }

    [Fact]
    public void A_long_date_on_the_first_keeps_its_weekday_and_its_ordinal()
    {
        Assert.Equal("mardi 1er décembre 2026", FrenchFormat.LongDate(new DateOnly(2026, 12, 1)));
        Assert.Equal("mardi 1er décembre 2026 à 14 h", FrenchFormat.DateTime(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(8, 0, "9 h")]
    [InlineData(8, 30, "9 h 30")]
    [InlineData(8, 5, "9 h 05")]
    [InlineData(13, 0, "14 h")]
    [InlineData(23, 0, "0 h")]
    public void Hours_have_no_leading_zero_and_no_zero_minutes(int utcHour, int minute, string expected)
    {
        // Winter: Paris is UTC + 1.
        Assert.Equal(expected, FrenchFormat.Time(new DateTimeOffset(2026, 12, 1, utcHour, minute, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_session_runs_from_its_start_to_its_end_in_paris_hours()
    {
        Assert.Equal("de 9 h à 17 h", FrenchFormat.Hours(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), 480));
        Assert.Equal("de 9 h 30 à 12 h", FrenchFormat.Hours(new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero), 150));
    }

    [Fact]
    public void A_month_is_its_french_name_and_its_year()
    {
        Assert.Equal("décembre 2026", FrenchFormat.Month(2026, 12));
        Assert.Equal("août 2027", FrenchFormat.Month(new DateOnly(2027, 8, 31)));
    }
}
