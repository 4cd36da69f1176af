using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Evaluations;

/// <summary>An evaluator's habilitation for the session's certification, as the rule needs it.</summary>
public sealed record HabilitationFacts(HabilitationState State, DateOnly ValidFrom, DateOnly ValidTo);

/// <summary>A candidate enrolled in the session: who, and the company they work for.</summary>
public sealed record EnrolledCandidate(int CandidateId, string Name, int? CompanyId);

/// <summary>What staff know when they assign an evaluator to a session in a role.</summary>
public sealed record AssignmentRequest(
    string EvaluatorName,
    bool HasAccount,
    SessionKind SessionKind,
    bool SessionCancelled,
    DateTimeOffset SessionStartsAt,
    string CertificationName,
    HabilitationFacts? Habilitation,
    bool HoldsTheOtherRole,
    IReadOnlyCollection<EnrolledCandidate> Candidates,
    IReadOnlyCollection<int> TrainedCandidateIds,
    IReadOnlyCollection<int> CompanyIds);

/// <summary>
/// Who may evaluate at a session (seed 001: « l'évaluateur n'évalue jamais un candidat qu'il a formé »; seed 004: only
/// evaluators habilitated by SIST): an account, a habilitation valid on the session's day in Paris, two different
/// people for the two roles, and no declared link with any candidate enrolled.
/// </summary>
public static class EvaluatorAssignmentRules
{
    /// <summary>Null when the evaluator can be assigned; otherwise why not, in French (naming the candidate of a declared link).</summary>
    public static string? WhyNotAssign(AssignmentRequest r)
    {
        if (r.SessionKind == SessionKind.Jury) return "Un évaluateur s'affecte à une session d'évaluation ou de mise en situation VAE, pas à un jury.";
        if (r.SessionKind == SessionKind.Training) return "Un évaluateur s'affecte à une session d'évaluation ou de mise en situation VAE, pas à une session de formation.";
        if (r.SessionCancelled) return "Cette session est annulée : on ne peut plus y affecter d'évaluateur.";
        if (!r.HasAccount) return $"{r.EvaluatorName} n'a pas encore de compte évaluateur sur le portail : le SIST doit le lui ouvrir avant toute affectation.";
        if (r.Habilitation is not { } h) return $"{r.EvaluatorName} n'est pas habilité(e) pour le {r.CertificationName}.";
        var day = DayInParis.Of(r.SessionStartsAt);
        if (HabilitationRules.WhyNotValidOn(h.State, h.ValidFrom, h.ValidTo, day) is { } why)
            return $"L'habilitation de {r.EvaluatorName} pour le {r.CertificationName} {why} (session du {day:dd/MM/yyyy}).";
        if (r.HoldsTheOtherRole)
            return $"{r.EvaluatorName} est déjà affecté(e) à cette session dans l'autre rôle : l'évaluateur et le co-évaluateur doivent être deux personnes différentes.";
        foreach (var candidate in r.Candidates)
        {
            if (r.TrainedCandidateIds.Contains(candidate.CandidateId))
                return $"{r.EvaluatorName} a déclaré avoir formé {candidate.Name}, inscrit(e) à cette session : un évaluateur n'évalue jamais un candidat qu'il a formé.";
            if (candidate.CompanyId is { } company && r.CompanyIds.Contains(company))
                return $"{r.EvaluatorName} appartient à l'entreprise de {candidate.Name}, inscrit(e) à cette session : choisissez un autre évaluateur.";
        }
        return null;
    }
}
