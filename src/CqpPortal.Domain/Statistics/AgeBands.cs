namespace CqpPortal.Domain.Statistics;

/// <summary>Age at registration in the five bands of the yearly profile portrait (completed years).</summary>
public enum AgeBand { Under26 = 1, From26To35 = 2, From36To45 = 3, From46To55 = 4, From56 = 5 }

public static class AgeBands
{
    public static AgeBand Of(int completedYears) => completedYears switch
    {
        <= 25 => AgeBand.Under26,
        <= 35 => AgeBand.From26To35,
        <= 45 => AgeBand.From36To45,
        <= 55 => AgeBand.From46To55,
        _ => AgeBand.From56,
    };

    public static string Label(AgeBand band) => band switch
    {
        AgeBand.Under26 => "<26",
        AgeBand.From26To35 => "26-35",
        AgeBand.From36To45 => "36-45",
        AgeBand.From46To55 => "46-55",
        _ => "56+",
    };

    /// <summary>
    /// Completed years on <paramref name="on"/>. Someone born on 29 February gets a year older on 28 February of a
    /// common year (DateOnly.AddYears clamps to the month's end).
    /// </summary>
    public static int CompletedYears(DateOnly birthDate, DateOnly on)
    {
        var years = on.Year - birthDate.Year;
        return on < birthDate.AddYears(years) ? years - 1 : years;
    }
}
