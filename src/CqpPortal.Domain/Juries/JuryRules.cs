using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Juries;

/// <summary>What staff know about a candidate when they consider convening them to a jury session.</summary>
public sealed record ConveneRequest(
    RegistrationState State,
    JourneyDeadline? Deadline,
    DateTimeOffset? LastEvaluationAt,
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
        if (r.LastEvaluationAt is not { } evaluated || evaluated >= r.JuryStartsAt)
            return "Le candidat doit avoir passé son évaluation (ou ses mises en situation VAE) avant la date du jury.";
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
    /// The result follows from the units: all of them validated (now or by an earlier jury) is a total validation,
    /// some is a partial validation, none is "non validé".
    /// </summary>
    public static JuryResult Result(IEnumerable<int> validatedNow, IEnumerable<int> validatedBefore, IReadOnlyCollection<int> allUnits)
    {
        if (allUnits.Count == 0) throw new ArgumentException("A certification has units.", nameof(allUnits));
        var validated = validatedNow.Concat(validatedBefore).Intersect(allUnits).ToHashSet();
        return validated.Count == allUnits.Count ? JuryResult.TotalValidation
            : validated.Count > 0 ? JuryResult.PartialValidation
            : JuryResult.NotValidated;
    }
}
