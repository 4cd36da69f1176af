using System.Globalization;
using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Training;

/// <summary>What staff type for a training session (Paris local date and times), with what is known of the unit and trainer.</summary>
/// <param name="UnitOfCertification">The unit chosen belongs to the session's certification.</param>
/// <param name="TrainerIsStaff">The trainer chosen is a staff account.</param>
public sealed record TrainingSessionPlan(DateOnly Date, TimeOnly Start, TimeOnly End, int? UnitId, bool UnitOfCertification,
    string? TrainerUserId, bool TrainerIsStaff, string PlaceName, string? Room, int Capacity);

/// <summary>Another non-cancelled session (any kind) that may clash with the one planned.</summary>
/// <param name="Label">What names it to staff: the module title of a training session, the kind of any other.</param>
public sealed record BookedSession(DateTimeOffset StartsAt, int SpanMinutes, string? TrainerUserId, string PlaceName, string? Room, string Label)
{
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(SpanMinutes);
}

/// <summary>A training session of a trainee, as the absence-per-month advice counts it.</summary>
public sealed record TraineeSession(DateTimeOffset StartsAt, int SpanMinutes);

/// <summary>A trainee enrolled (or being enrolled) and all their non-cancelled training sessions, the one planned included.</summary>
public sealed record TraineeCalendar(string Name, IReadOnlyList<TraineeSession> Sessions);

/// <summary>What the eligibility of a trainee to a training session depends on.</summary>
/// <param name="PlannedHoursInUnit">Hours the trainee's current path plans in the session's unit (null: no current path).</param>
public sealed record TrainingEnrolmentRequest(CertificationRoute Route, RegistrationState State, int? PlannedHoursInUnit,
    bool SessionCancelled, bool SessionPast, int Capacity, int Enrolled, bool AlreadyEnrolled);

/// <summary>Refusals keyed by the field they concern ("" for the whole form), and advice staff may confirm.</summary>
public sealed record TrainingScheduleCheck(IReadOnlyDictionary<string, string> Errors, IReadOnlyList<string> Warnings)
{
    public bool Refused => Errors.Count > 0;
}

/// <summary>
/// How training sessions are planned. A session is one day or half-day (it starts and ends the same day, within
/// <see cref="TrainingDay.MaximumSpanMinutes"/>), teaches a unit of the certification, with a staff trainer, a place and
/// at least one seat. Nobody is in two places at once: a trainer or a room (place + room) already taken at that time is
/// refused. Advice staff may confirm: the dates the cahier des charges advises against (<see cref="SessionDateAdvice"/>),
/// and the trainee's absence from the company — seed: « la durée de chaque session de formation ne devrait pas dépasser
/// 2-3 jours d'absence dans un mois », read as: more than 3 days away in a calendar month is warned about.
/// </summary>
public static class TrainingScheduleRules
{
    public const decimal MaximumDaysAwayPerMonth = 3m;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Checks <paramref name="plan"/> against the other non-cancelled sessions (the session itself excluded) and its trainees' months.</summary>
    public static TrainingScheduleCheck Check(TrainingSessionPlan plan, IEnumerable<BookedSession> others, IEnumerable<TraineeCalendar> trainees)
    {
        var errors = new Dictionary<string, string>();
        var span = (int)(plan.End - plan.Start).TotalMinutes;
        if (plan.End <= plan.Start)
            errors[nameof(plan.End)] = "L'heure de fin doit être après l'heure de début, le même jour.";
        else if (span > TrainingDay.MaximumSpanMinutes)
            errors[nameof(plan.End)] = $"Une session de formation dure au plus {TrainingDay.MaximumSpanMinutes / 60} heures, pause déjeuner comprise.";
        if (plan.UnitId is null || !plan.UnitOfCertification)
            errors[nameof(plan.UnitId)] = "Choisissez une unité de la certification.";
        if (string.IsNullOrWhiteSpace(plan.TrainerUserId) || !plan.TrainerIsStaff)
            errors[nameof(plan.TrainerUserId)] = "Choisissez le formateur parmi les comptes de l'organisme.";
        if (string.IsNullOrWhiteSpace(plan.PlaceName))
            errors[nameof(plan.PlaceName)] = "Saisissez le nom du lieu.";
        if (plan.Capacity < 1)
            errors[nameof(plan.Capacity)] = "Une session de formation a au moins une place.";

        if (!errors.ContainsKey(nameof(plan.End)))
        {
            var startsAt = DayInParis.At(plan.Date, plan.Start);
            var endsAt = startsAt.AddMinutes(span);
            var clashing = others.Where(o => o.StartsAt < endsAt && startsAt < o.EndsAt).OrderBy(o => o.StartsAt).ToList();
            if (!string.IsNullOrWhiteSpace(plan.TrainerUserId) && clashing.FirstOrDefault(o => o.TrainerUserId == plan.TrainerUserId) is { } trainerBusy)
                errors[nameof(plan.TrainerUserId)] = $"Le formateur a déjà une session à ce moment-là : {Describe(trainerBusy)}.";
            if (!string.IsNullOrWhiteSpace(plan.PlaceName) && clashing.FirstOrDefault(o => SameRoom(o, plan)) is { } roomTaken)
                errors[nameof(plan.Room)] = $"Cette salle est déjà occupée à ce moment-là : {Describe(roomTaken)}.";
        }

        var warnings = new List<string>(SessionDateAdvice.Warnings(plan.Date));
        warnings.AddRange(AbsenceWarnings(trainees));
        return new TrainingScheduleCheck(errors, warnings);
    }

    /// <summary>
    /// For each trainee and calendar month (Paris) where their training sessions add up to more than
    /// <see cref="MaximumDaysAwayPerMonth"/> days away from the company, a French warning naming them and the days.
    /// </summary>
    public static IReadOnlyList<string> AbsenceWarnings(IEnumerable<TraineeCalendar> trainees) =>
        trainees.SelectMany(t => t.Sessions
                .GroupBy(s => { var day = DayInParis.Of(s.StartsAt); return new DateOnly(day.Year, day.Month, 1); })
                .Select(month => (Month: month.Key, Days: month.Sum(s => TrainingDay.DaysAway(s.StartsAt, s.SpanMinutes))))
                .Where(m => m.Days > MaximumDaysAwayPerMonth)
                .OrderBy(m => m.Month)
                .Select(m => $"{t.Name} : {Days(m.Days)} en {m.Month.ToString("MMMM yyyy", French)}, au-delà des 2 à 3 jours d'absence de l'entreprise par mois conseillés."))
            .ToList();

    /// <summary>Why the trainee may not be enrolled in the session, in French; null when they may.</summary>
    public static string? EnrolmentRefusal(TrainingEnrolmentRequest r)
    {
        if (r.SessionCancelled) return "Cette session de formation est annulée.";
        if (r.SessionPast) return "Cette session de formation a déjà commencé.";
        if (r.Route != CertificationRoute.Training) return "Seuls les candidats inscrits par la voie de la formation suivent les sessions de formation.";
        if (r.State != RegistrationState.Admissible) return "La candidature de ce stagiaire doit d'abord être déclarée recevable (et son parcours en cours).";
        if (r.PlannedHoursInUnit is null) return "Ce stagiaire n'a pas encore de parcours individuel de formation.";
        if (r.PlannedHoursInUnit <= 0) return "Le parcours de ce stagiaire ne prévoit pas d'heures dans l'unité de cette session.";
        if (r.AlreadyEnrolled) return "Ce stagiaire est déjà inscrit à cette session.";
        if (r.Enrolled >= r.Capacity) return "La session est complète : augmentez le nombre de places ou choisissez une autre session.";
        return null;
    }

    /// <summary>The same place and room, ignoring case and surrounding spaces (no room at a place is one room).</summary>
    public static bool SameRoom(BookedSession other, TrainingSessionPlan plan) =>
        string.Equals(other.PlaceName.Trim(), plan.PlaceName.Trim(), StringComparison.OrdinalIgnoreCase)
        && string.Equals((other.Room ?? "").Trim(), (plan.Room ?? "").Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>"3,5 jours", "1 jour", "0,5 jour".</summary>
    public static string Days(decimal days) => days.ToString("0.#", French) + (days >= 2 ? " jours" : " jour");

    private static string Describe(BookedSession s)
    {
        var start = DayInParis.Local(s.StartsAt);
        var end = DayInParis.Local(s.EndsAt);
        return $"le {start.ToString("dd/MM/yyyy", French)} de {start.ToString("HH' h 'mm", French)} à {end.ToString("HH' h 'mm", French)} ({s.Label})";
    }
}
