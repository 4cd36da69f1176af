using System.Globalization;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Formatting;

/// <summary>Dates as French readers expect them, times in Europe/Paris whatever the server's zone.</summary>
public static class FrenchFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    public static DateTimeOffset InParis(DateTimeOffset instant) => DayInParis.Local(instant);

    /// <summary>"mardi 3 mars 2026".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", French);

    /// <summary>"3 mars 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", French);

    /// <summary>"mars 2026".</summary>
    public static string Month(DateOnly date) => date.ToString("MMMM yyyy", French);

    public static string Date(DateTimeOffset instant) => InParis(instant).ToString("d MMMM yyyy", French);

    /// <summary>"mardi 3 mars 2026 à 09 h 30" (Paris time).</summary>
    public static string DateTime(DateTimeOffset instant) =>
        InParis(instant).ToString("dddd d MMMM yyyy 'à' HH' h 'mm", French);

    public static string Time(DateTimeOffset instant) => InParis(instant).ToString("HH' h 'mm", French);

    /// <summary>"de 9 h 00 à 17 h 00" (Paris time), for a session starting at <paramref name="startsAt"/>.</summary>
    public static string Hours(DateTimeOffset startsAt, int durationMinutes) =>
        $"de {InParis(startsAt).ToString("H' h 'mm", French)} à {InParis(startsAt.AddMinutes(durationMinutes)).ToString("H' h 'mm", French)}";

    /// <summary>"3 h 40", "2 h", "45 min".</summary>
    public static string Duration(int minutes) =>
        minutes < 60 ? $"{minutes} min" : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60:00}";

    /// <summary>A share of 1 as "42,5 %"; "–" without data.</summary>
    public static string Share(double? share) => share is { } s ? (s * 100).ToString("0.#", French) + " %" : "–";
}
