namespace CqpPortal.Domain.Statistics;

/// <summary>Years of experience declared at registration, in the bands of the yearly profile portrait (completed years).</summary>
public enum ExperienceBand { UnderOneYear = 1, OneToTwoYears = 2, ThreeToFiveYears = 3, SixToTenYears = 4, OverTenYears = 5 }

public static class ExperienceBands
{
    /// <summary>The band of a duration in months (full-time equivalent): 11 months is under a year, 12 is one year.</summary>
    public static ExperienceBand Of(int months) => (Math.Max(0, months) / 12) switch
    {
        0 => ExperienceBand.UnderOneYear,
        <= 2 => ExperienceBand.OneToTwoYears,
        <= 5 => ExperienceBand.ThreeToFiveYears,
        <= 10 => ExperienceBand.SixToTenYears,
        _ => ExperienceBand.OverTenYears,
    };

    public static string Label(ExperienceBand band) => band switch
    {
        ExperienceBand.UnderOneYear => "Moins d'un an",
        ExperienceBand.OneToTwoYears => "1 à 2 ans",
        ExperienceBand.ThreeToFiveYears => "3 à 5 ans",
        ExperienceBand.SixToTenYears => "6 à 10 ans",
        _ => "Plus de 10 ans",
    };
}
