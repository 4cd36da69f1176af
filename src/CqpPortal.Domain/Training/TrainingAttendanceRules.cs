using System.Globalization;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Training;

/// <summary>What recording one trainee's half-day gives: a refusal in French, or the hours to keep.</summary>
public sealed record TrainingAttendanceDecision(string? Refusal, decimal Hours)
{
    public bool Refused => Refusal is not null;
}

/// <summary>
/// The half-day attendance sheet of a training session: only for a trainee enrolled (not cancelled) in the session,
/// for a half-day the session has (<see cref="TrainingDay.HalfDays"/>), once the session has started. Hours are never
/// negative nor above the half-day's planned hours (so never above a day); an absence, excused or not, counts no hour;
/// « présent » with no hours given counts the half-day's hours (a trainee who left early gets fewer, typed by staff).
/// </summary>
public static class TrainingAttendanceRules
{
    public static TrainingAttendanceDecision Decide(bool enrolled, bool sessionCancelled, DateTimeOffset startsAt, int spanMinutes,
        DateTimeOffset now, HalfDay halfDay, Attendance? attendance, decimal? hours)
    {
        if (sessionCancelled) return No("Cette session est annulée.");
        if (!enrolled) return No("Ce stagiaire n'est pas inscrit à cette session de formation.");
        if (now < startsAt) return No("La présence se note une fois la session commencée.");
        var slot = TrainingDay.HalfDays(startsAt, spanMinutes).FirstOrDefault(h => h.HalfDay == halfDay);
        if (slot is null) return No($"Cette session n'a pas de demi-journée « {FrenchLabels.Of(halfDay)} ».");
        if (attendance is not { } value || !Enum.IsDefined(value)) return No("Choisissez présent, absent ou absent justifié.");
        if (hours < 0) return No("Le nombre d'heures ne peut pas être négatif.");
        if (hours > slot.Hours) return No($"Le nombre d'heures ne peut pas dépasser celui de la demi-journée ({TrainingHours.Format(slot.Hours)}).");
        // An absence counts no hour, whatever was typed beside it.
        return new(null, value == Attendance.Present ? hours ?? slot.Hours : 0);
    }

    public const string UnreadableHours = "Indiquez un nombre d'heures, par exemple 3,5 (ou laissez vide pour la demi-journée entière).";

    /// <summary>
    /// Reads hours typed on the sheet: empty is null (the half-day's hours when present), « 3,5 » and « 3.5 » alike;
    /// false when the text is not a number (the sheet says <see cref="UnreadableHours"/>).
    /// </summary>
    public static bool TryParseHours(string? text, out decimal? hours)
    {
        hours = null;
        var trimmed = text?.Trim().Replace('\u00a0', ' ').Replace(" ", "").Replace(',', '.');
        if (string.IsNullOrEmpty(trimmed)) return true;
        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return false;
        hours = value;
        return true;
    }

    /// <summary>Hours as the sheet shows them in its fields: « 3,5 », « 7 ».</summary>
    public static string HoursText(decimal hours) => hours.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"));

    private static TrainingAttendanceDecision No(string reason) => new(reason, 0);
}
