using CqpPortal.Domain.Prerequisites;
using Microsoft.Extensions.Time.Testing;

namespace CqpPortal.Domain.Tests.Prerequisites;

/// <summary>« At least 16 years old », the same for the online registration and the import of records.</summary>
public class MinimumAgeTests
{
    [Fact]
    public void One_is_16_on_the_16th_birthday_itself()
    {
        Assert.True(MinimumAge.IsMet(new DateOnly(2010, 3, 16), new DateOnly(2026, 3, 16)));
        Assert.False(MinimumAge.IsMet(new DateOnly(2010, 3, 16), new DateOnly(2026, 3, 15)));
    }

    [Fact]
    public void Someone_born_on_29_February_is_16_on_29_February_of_a_leap_year_not_the_day_before()
    {
        Assert.False(MinimumAge.IsMet(new DateOnly(2008, 2, 29), new DateOnly(2024, 2, 28)));
        Assert.True(MinimumAge.IsMet(new DateOnly(2008, 2, 29), new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void Someone_born_on_29_February_whose_16th_birthday_falls_in_a_common_year_is_16_on_28_February()
    {
        // 2100 is not a leap year; the statistics count completed years the same way.
        Assert.False(MinimumAge.IsMet(new DateOnly(2084, 2, 29), new DateOnly(2100, 2, 27)));
        Assert.True(MinimumAge.IsMet(new DateOnly(2084, 2, 29), new DateOnly(2100, 2, 28)));
        Assert.Null(MinimumAge.WhyRefused(new DateOnly(2084, 2, 29), new DateOnly(2100, 2, 28)));
        Assert.Null(MinimumAge.WhyRefusedAtRegistration(new DateOnly(2084, 2, 29), new DateOnly(2100, 2, 28)));
    }

    [Fact]
    public void Today_is_the_day_in_Paris_not_in_UTC()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 15, 23, 30, 0, TimeSpan.Zero)); // 00:30 on 16 March in Paris

        Assert.Null(MinimumAge.WhyRefused(new DateOnly(2010, 3, 16), clock));
        Assert.NotNull(MinimumAge.WhyRefused(new DateOnly(2010, 3, 17), clock));
    }

    [Fact]
    public void The_registration_form_refuses_under_16_and_over_80_with_one_message()
    {
        var today = new DateOnly(2026, 6, 15);
        const string message = "Vérifiez la date de naissance : le candidat doit avoir entre 16 et 80 ans.";

        Assert.Equal(message, MinimumAge.WhyRefused(new DateOnly(2010, 6, 16), today));
        Assert.Null(MinimumAge.WhyRefused(new DateOnly(2010, 6, 15), today));
        Assert.Null(MinimumAge.WhyRefused(new DateOnly(1945, 6, 16), today)); // 80 until the 81st birthday
        Assert.Equal(message, MinimumAge.WhyRefused(new DateOnly(1945, 6, 15), today));
    }

    [Fact]
    public void The_import_counts_the_age_on_the_date_of_registration()
    {
        Assert.Equal("Le candidat doit avoir au moins 16 ans à la date d'inscription.",
            MinimumAge.WhyRefusedAtRegistration(new DateOnly(2009, 2, 4), new DateOnly(2025, 2, 3)));
        Assert.Null(MinimumAge.WhyRefusedAtRegistration(new DateOnly(2009, 2, 4), new DateOnly(2025, 2, 4)));
    }
}
