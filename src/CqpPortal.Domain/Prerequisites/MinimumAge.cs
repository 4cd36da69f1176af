using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Time;

namespace CqpPortal.Domain.Prerequisites;

/// <summary>
/// « At least 16 years old »: the one age rule of every way in (the online registration's identity step, the import of
/// historical records, and any form that asks for a birth date). The seeds set no age: the cahier des charges only asks
/// the bulletin d'inscription for « Âge, sexe »; 16 is the organisation's choice, the age from which one may work in France.
/// Age is counted in completed years with the statistics' own computation (<see cref="AgeBands.CompletedYears"/>):
/// one is 16 from the 16th birthday on, that day included; someone born on 29 February gets a year older on
/// 28 February of a common year. "Today" is the day in Paris.
/// </summary>
public static class MinimumAge
{
    public const int Years = 16;

    /// <summary>The identity step's plausibility bound: an older birth date is taken for a typing mistake.</summary>
    public const int MaximumYears = 80;

    public static bool IsMet(DateOnly birthDate, DateOnly on) => AgeBands.CompletedYears(birthDate, on) >= Years;

    /// <summary>Why a birth date typed today (in Paris) is refused, in French, or null when it is accepted.</summary>
    public static string? WhyRefused(DateOnly birthDate, TimeProvider clock) => WhyRefused(birthDate, DayInParis.Today(clock));

    /// <summary>Why a birth date typed on <paramref name="today"/> is refused: under 16, or over 80 (a typing mistake).</summary>
    public static string? WhyRefused(DateOnly birthDate, DateOnly today) =>
        IsMet(birthDate, today) && AgeBands.CompletedYears(birthDate, today) <= MaximumYears
            ? null
            : $"Vérifiez la date de naissance : le candidat doit avoir entre {Years} et {MaximumYears} ans.";

    /// <summary>The import's check, on the registration date of the record rather than today.</summary>
    public static string? WhyRefusedAtRegistration(DateOnly birthDate, DateOnly registeredOn) =>
        IsMet(birthDate, registeredOn) ? null : $"Le candidat doit avoir au moins {Years} ans à la date d'inscription.";
}
