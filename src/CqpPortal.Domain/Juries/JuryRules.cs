using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Juries;

/// <summary>What staff know about a candidate when they consider convening them to a jury session.</summary>
/// <param name="LastSignedEvaluationAt">
/// The start of the latest session where the candidate has a current evaluation grid signed by both evaluators: an
/// evaluation session (trainees, free candidates) or a VAE situation session (VAE); null when none.
/// </param>
/// <param name="LastJuryOn">The day of the candidate's last jury decision (an absence is not one); null when none.</param>
/// <param name="ExperienceBookletAccepted">VAE only: booklet 2 declared admissible.</param>
public sealed record ConveneRequest(
    RegistrationState State,
    CertificationRoute Route,
    JourneyDeadline? Deadline,
    DateTimeOffset? LastSignedEvaluationAt,
    DateOnly? LastJuryOn,
    bool ExperienceBookletAccepted,
    bool AlreadyCertified,
    bool AlreadyConvened,
    bool SessionCancelled,
    DateTimeOffset JuryStartsAt,
    int Convened,
    int Capacity);

/// <summary>
/// The jury ends the journey (cahier des charges, « dispositif global »): it validates the certification totally or
/// partially after reading the file and talking with the candidate. Candidates are convened by the training
/// organisation once they have passed their evaluation (trainees, free candidates) or the VAE simulated situations,
/// within the two years of the journey. Units validated by an earlier jury stay validated.
/// </summary>
public static class JuryRules
{
    /// <summary>Null when the candidate can be convened; otherwise why not, in French.</summary>
    public static string? WhyNotConvene(ConveneRequest r, DateTimeOffset now)
    {
        if (r.SessionCancelled) return "Ce jury est annulé.";
        if (r.JuryStartsAt <= now) return "Ce jury a déjà eu lieu : convoquez le candidat à un jury à venir.";
        if (r.State != RegistrationState.Admissible) return "La candidature doit être recevable.";
        if (r.AlreadyCertified) return "Le candidat a déjà obtenu la certification.";
        if (r.AlreadyConvened) return "Le candidat est déjà convoqué à ce jury.";
        if (r.Route == CertificationRoute.Vae && !r.ExperienceBookletAccepted)
            return "Le livret 2 du candidat doit avoir été accepté avant sa convocation au jury.";
        // The jury reads a signed evaluation: one held after the candidate's last jury, or the jury would judge nothing new.
        var grid = r.Route == CertificationRoute.Vae ? "grille de mise en situation professionnelle" : "grille d'évaluation";
        if (r.LastSignedEvaluationAt is not { } evaluated || evaluated >= r.JuryStartsAt)
            return $"Le candidat doit avoir une {grid} signée par les deux évaluateurs avant la date du jury.";
        if (r.LastJuryOn is { } lastJury && DayInParis.Of(evaluated) <= lastJury)
            return $"Aucune {grid} signée depuis le dernier jury du candidat ({lastJury:dd/MM/yyyy}) : il doit d'abord repasser les unités manquantes.";
        if (r.Deadline is { } deadline && DayInParis.Of(r.JuryStartsAt) > deadline.Deadline)
            return $"Le jury aurait lieu après la fin du délai de deux ans du parcours ({deadline.Deadline:dd/MM/yyyy}).";
        if (r.Convened >= r.Capacity) return "Ce jury est complet.";
        return null;
    }

    /// <summary>Null when a decision can be recorded for this session; otherwise why not.</summary>
    public static string? WhyNotDecide(DateTimeOffset juryStartsAt, bool cancelled, DateTimeOffset now) =>
        cancelled ? "Ce jury est annulé."
        : juryStartsAt > now ? "La décision s'enregistre une fois le jury tenu."
        : null;

    /// <summary>
    /// What the units say, for records typed elsewhere (imports, demo data): all of them validated (now or by an
    /// earlier jury) is a total validation, some is a partial validation, none is "non validé". At a jury the
    /// president chooses the result, checked by <see cref="JuryDeliberationRules"/>.
    /// </summary>
    public static JuryResult Result(IEnumerable<int> validatedNow, IEnumerable<int> validatedBefore, IReadOnlyCollection<int> allUnits)
    {
        if (allUnits.Count == 0) throw new ArgumentException("A certification has units.", nameof(allUnits));
        var validated = validatedNow.Concat(validatedBefore).Intersect(allUnits).ToHashSet();
        return validated.Count == allUnits.Count ? JuryResult.TotalValidation
            : validated.Count > 0 ? JuryResult.PartialValidation
            : JuryResult.NotValidated;
    }

    /// <summary>An absence is no decision on the candidate's units: it does not end a journey nor count as their last jury.</summary>
    public static bool IsDecisionOnUnits(JuryResult result) => result != JuryResult.Absent;
}
