using CqpPortal.Web.Formatting;

namespace CqpPortal.Web.Tests.Formatting;

public class FrenchFormatTests
{
    [Fact]
    public void Instants_are_shown_in_paris_time_with_french_words()
    {
        // 08:30 UTC in winter is 09:30 in Paris; in summer 08:30 UTC is 10:30.
        Assert.Equal("mardi 3 mars 2026 à 09 h 30", FrenchFormat.DateTime(new DateTimeOffset(2026, 3, 3, 8, 30, 0, TimeSpan.Zero)));
        Assert.Equal("10 h 30", FrenchFormat.Time(new DateTimeOffset(2026, 7, 3, 8, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Late_evening_utc_is_already_the_next_day_in_paris()
    {
        Assert.Equal("1 janvier 2027", FrenchFormat.Date(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Dates_use_french_month_and_day_names()
    {
        Assert.Equal("14 juillet 2026", FrenchFormat.Date(new DateOnly(2026, 7, 14)));
        Assert.Equal("mardi 14 juillet 2026", FrenchFormat.LongDate(new DateOnly(2026, 7, 14)));
    }
}
