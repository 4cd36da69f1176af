namespace CqpPortal.Domain.Sessions;

/// <summary>
/// Advice on session dates. Cahier des charges: « il est recommandé d'éviter les dates placées en fin de mois, et les
/// trois dernières semaines du mois de décembre ». Staff are warned and may still confirm.
/// </summary>
public static class SessionDateAdvice
{
    /// <summary>"Fin de mois" is read as the last five calendar days of the month.</summary>
    public const int MonthEndDays = 5;

    /// <summary>The last three weeks of December start on the 11th.</summary>
    public const int DecemberAdviceFrom = 11;

    public static IReadOnlyList<string> Warnings(DateOnly date)
    {
        var warnings = new List<string>();
        var daysInMonth = DateTime.DaysInMonth(date.Year, date.Month);
        if (date.Day > daysInMonth - MonthEndDays)
            warnings.Add($"Le {date.Day} tombe dans les {MonthEndDays} derniers jours du mois : le cahier des charges recommande d'éviter les fins de mois, période chargée pour les entreprises de télésecrétariat.");
        if (date.Month == 12 && date.Day >= DecemberAdviceFrom)
            warnings.Add("Cette date tombe dans les trois dernières semaines de décembre, que le cahier des charges recommande d'éviter.");
        return warnings;
    }
}
