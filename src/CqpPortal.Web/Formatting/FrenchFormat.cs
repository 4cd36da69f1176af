using System.Globalization;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Formatting;

/// <summary>
/// Dates as French writes them, times in Europe/Paris whatever the server's zone: « 1er décembre 2026 » (the first of
/// the month is an ordinal), hours « 9 h », « 9 h 30 », « 14 h » (no leading zero, no « h 00 »).
/// </summary>
public static class FrenchFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    public static DateTimeOffset InParis(DateTimeOffset instant) => DayInParis.Local(instant);

    /// <summary>"mardi 1er décembre 2026", "mardi 3 mars 2026".</summary>
    public static string LongDate(DateOnly date) => $"{date.ToString("dddd", French)} {Date(date)}";

    /// <summary>"1er décembre 2026", "3 mars 2026".</summary>
    public static string Date(DateOnly date) => $"{Day(date.Day)} {Month(date.Year, date.Month)}";

    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(InParis(instant).DateTime));

    /// <summary>"mardi 3 mars 2026 à 9 h 30", "mardi 1er décembre 2026 à 14 h" (Paris time).</summary>
    public static string DateTime(DateTimeOffset instant) =>
        $"{LongDate(DateOnly.FromDateTime(InParis(instant).DateTime))} à {Time(instant)}";

    /// <summary>"9 h", "9 h 30", "14 h 05" (Paris time).</summary>
    public static string Time(DateTimeOffset instant) => Clock(InParis(instant));

    /// <summary>"de 9 h à 17 h", "de 9 h 30 à 12 h" (Paris time), for a session starting at <paramref name="startsAt"/>.</summary>
    public static string Hours(DateTimeOffset startsAt, int durationMinutes) =>
        $"de {Time(startsAt)} à {Time(startsAt.AddMinutes(durationMinutes))}";

    /// <summary>"décembre 2026": a month with its year (monthly statements, month lists).</summary>
    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", French);

    public static string Month(DateOnly anyDayOfTheMonth) => Month(anyDayOfTheMonth.Year, anyDayOfTheMonth.Month);

    /// <summary>"3 h 40", "2 h", "45 min".</summary>
    public static string Duration(int minutes) =>
        minutes < 60 ? $"{minutes} min" : minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60:00}";

    /// <summary>A share of 1 as "42,5 %"; "–" without data.</summary>
    public static string Share(double? share) => share is { } s ? (s * 100).ToString("0.#", French) + " %" : "–";

    // « le 1er décembre », but « le 2 décembre »: only the first of the month is written as an ordinal.
    private static string Day(int day) => day == 1 ? "1er" : day.ToString(CultureInfo.InvariantCulture);

    private static string Clock(DateTimeOffset local) =>
        local.Minute == 0 ? $"{local.Hour} h" : $"{local.Hour} h {local.Minute:00}";
}
