using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Journey;

/// <summary>What the deadline job does for one open journey today.</summary>
public enum DeadlineStep { Nothing, Warn90, Warn30, Close }

/// <summary>What remains to do on an admissible journey, as the data shows it.</summary>
/// <param name="ExperienceBookletAccepted">VAE only: booklet 2 accepted.</param>
/// <param name="EvaluatedOn">The day of the last evaluation (VAE: situation) the candidate was enrolled in and that has taken place.</param>
/// <param name="ComingEvaluationOn">The day of a coming evaluation (VAE: situation) the candidate holds a seat in.</param>
/// <param name="ComingJuryOn">The day of a coming jury the candidate is convened to.</param>
/// <param name="LastJuryResult">The last final jury decision (an absence included).</param>
/// <param name="LastJuryOn">The day of that decision.</param>
/// <param name="UnitsRemaining">The numbers of the units not yet validated by a jury.</param>
public sealed record RemainingFacts(
    CertificationRoute Route,
    bool ExperienceBookletAccepted,
    DateOnly? EvaluatedOn,
    DateOnly? ComingEvaluationOn,
    DateOnly? ComingJuryOn,
    JuryResult? LastJuryResult,
    DateOnly? LastJuryOn,
    IReadOnlyList<int> UnitsRemaining);

/// <summary>
/// The journey's deadline followed day by day (« Le candidat a deux ans pour réaliser son parcours »): the candidate is
/// warned 90 and 30 days before, once each — a job that missed a day warns on its next run, but only with the
/// latest warning due (with 30 days or fewer left, the 30-day one only) — and the journey closes the day after the deadline.
/// </summary>
public static class JourneyDeadlineNotices
{
    public const int FirstWarningDays = 90, LastWarningDays = 30;

    public static DeadlineStep StepOn(JourneyDeadline deadline, DateOnly today) => deadline.DaysLeft(today) switch
    {
        < 0 => DeadlineStep.Close,
        <= LastWarningDays => DeadlineStep.Warn30,
        <= FirstWarningDays => DeadlineStep.Warn90,
        _ => DeadlineStep.Nothing,
    };

    /// <summary>Whether the file belongs in staff's weekly digest: within 90 days of its deadline, not yet past it.</summary>
    public static bool IsNear(JourneyDeadline deadline, DateOnly today) => deadline.DaysLeft(today) is >= 0 and <= FirstWarningDays;

    /// <summary>What remains to do, in short French lines, in the order of the journey.</summary>
    public static IReadOnlyList<string> Remaining(RemainingFacts f)
    {
        var lines = new List<string>();
        var evaluation = f.Route == CertificationRoute.Vae ? "mise en situation professionnelle" : "évaluation";
        // After a partial validation (or none), only an evaluation held after that jury counts: the missing units are passed again.
        var judged = f.LastJuryResult is JuryResult.PartialValidation or JuryResult.NotValidated;
        if (judged && f.UnitsRemaining.Count > 0)
            lines.Add("unités restant à valider : " + string.Join(", ", f.UnitsRemaining.Order().Select(n => $"unité {n}")));
        if (f.Route == CertificationRoute.Vae && !f.ExperienceBookletAccepted)
            lines.Add("livret 2 à envoyer et à faire accepter");
        var evaluated = f.EvaluatedOn is { } on && !(judged && f.LastJuryOn is { } juryOn && on <= juryOn);
        if (f.ComingEvaluationOn is { } coming)
            lines.Add($"{evaluation} prévue le {coming:dd/MM/yyyy}");
        else if (!evaluated)
            lines.Add($"{evaluation} à passer : inscription dans « Mes sessions »");
        lines.Add(f.ComingJuryOn is { } jury
            ? $"jury prévu le {jury:dd/MM/yyyy}"
            : "jury à passer (convocation par l'organisme après l'évaluation)");
        return lines;
    }
}
