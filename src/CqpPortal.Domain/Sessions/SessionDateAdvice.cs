namespace CqpPortal.Domain.Sessions;

/// <summary>
/// Advice on session dates. Cahier des charges: « il est recommandé d'éviter les dates placées en fin de mois, et les
/// trois dernières semaines du mois de décembre ». Staff are warned, with the reason, and may still confirm.
/// </summary>
public static class SessionDateAdvice
{
    // « éviter les dates placées en fin de mois »: read as the last five calendar days of any month.
    public const int MonthEndDays = 5;

    // « éviter les trois dernières semaines du mois de décembre »: 31 − 21 + 1, so from 11 December on.
    public const int DecemberAdviceFrom = 11;

    /// <summary>The warnings for <paramref name="date"/>, each a French sentence giving its reason; empty when the date is fine.</summary>
    public static IReadOnlyList<string> Warnings(DateOnly date)
    {
        var warnings = new List<string>();
        if (IsMonthEnd(date))
            warnings.Add($"Le {date.Day} tombe dans les {MonthEndDays} derniers jours du mois : le cahier des charges recommande d'éviter les fins de mois.");
        if (IsLateDecember(date))
            warnings.Add($"Le {date.Day} décembre tombe dans les trois dernières semaines de décembre (à partir du {DecemberAdviceFrom}) : le cahier des charges recommande d'éviter les trois dernières semaines de décembre.");
        return warnings;
    }

    public static bool IsMonthEnd(DateOnly date) => date.Day > DateTime.DaysInMonth(date.Year, date.Month) - MonthEndDays;

    public static bool IsLateDecember(DateOnly date) => date.Month == 12 && date.Day >= DecemberAdviceFrom;
}
