using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Training;

/// <summary>One half-day of a training session and the hours taught in it.</summary>
public sealed record TrainingHalfDay(HalfDay HalfDay, decimal Hours);

/// <summary>
/// How a training session (one day or half-day, Paris time) splits into the half-days attendance is recorded for.
/// A session ending by 13:00 is a morning, one starting at 12:00 or later an afternoon; a session spanning both is a
/// full day with a one-hour lunch break, its taught hours shared equally between the morning and the afternoon
/// (9:00–17:00 is 7 hours: 3.5 and 3.5). A session lasts at most one day: <see cref="MaximumSpanMinutes"/>.
/// </summary>
public static class TrainingDay
{
    public static readonly TimeOnly Noon = new(12, 0);
    public static readonly TimeOnly MorningEndsBy = new(13, 0);
    public const int LunchMinutes = 60;

    /// <summary>From the first hour to the last, a training day lasts at most 10 hours (so 9 hours taught).</summary>
    public const int MaximumSpanMinutes = 600;

    /// <summary>The half-days of a session starting at <paramref name="startsAt"/> and lasting <paramref name="spanMinutes"/> (start to end).</summary>
    public static IReadOnlyList<TrainingHalfDay> HalfDays(DateTimeOffset startsAt, int spanMinutes)
    {
        if (spanMinutes <= 0) return [];
        var start = TimeOnly.FromDateTime(DayInParis.Local(startsAt).DateTime);
        var end = start.AddMinutes(spanMinutes);
        var hours = spanMinutes / 60m;
        if (end <= MorningEndsBy && end > start) return [new(HalfDay.Morning, hours)];
        if (start >= Noon) return [new(HalfDay.Afternoon, hours)];
        var taught = Math.Max(0, spanMinutes - LunchMinutes) / 60m;
        return [new(HalfDay.Morning, taught / 2), new(HalfDay.Afternoon, taught / 2)];
    }

    /// <summary>The hours taught in the session, all half-days together.</summary>
    public static decimal Hours(DateTimeOffset startsAt, int spanMinutes) => HalfDays(startsAt, spanMinutes).Sum(h => h.Hours);

    /// <summary>Days away from the company the session costs: 1 for a full day, 0.5 for a half-day (the seed's « 2-3 jours d'absence dans un mois »).</summary>
    public static decimal DaysAway(DateTimeOffset startsAt, int spanMinutes) => HalfDays(startsAt, spanMinutes).Count / 2m;
}
