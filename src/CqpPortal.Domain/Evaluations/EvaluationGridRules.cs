using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Evaluations;

/// <summary>One competence of a grid as the rules see it: its code, its unit, the evaluator's mark and the co-evaluator's response.</summary>
public sealed record GridEntryState(int CompetenceId, string Code, int UnitId, bool? Acquired, bool? CoEvaluatorAgrees);

/// <summary>What a saved change does to the rest of the grid.</summary>
public sealed record GridEditEffect(bool ClearsCoEvaluatorResponse, bool ClearsSignatures);

/// <summary>A unit's result on a grid: « en cours » until both evaluators signed, then acquired or not.</summary>
public enum UnitOutcome { InProgress = 1, Acquired = 2, NotAcquired = 3 }

/// <summary>
/// The evaluation grid (cahier des charges, « évaluations »): the evaluator marks each competence of the units to
/// evaluate acquired or not, the co-evaluator confirms or disagrees competence by competence, both sign, and the grid is
/// locked; a correction is a new, signed version. A candidate partially validated by a jury is evaluated again on the
/// missing units only (seed 004, « réévaluation de la partie manquante »). A unit is acquired when all its competences are.
/// </summary>
public static class EvaluationGridRules
{
    public const string Locked = "La grille est signée par l'évaluateur et le co-évaluateur : elle ne peut plus être modifiée. "
        + "Pour la corriger, créez une nouvelle version.";

    /// <summary>The units to evaluate: the certification's units less those validated by earlier jury decisions.</summary>
    public static IReadOnlyList<int> UnitsToEvaluate(IEnumerable<int> certificationUnits, IEnumerable<int> validatedBefore)
    {
        var validated = validatedBefore.ToHashSet();
        return certificationUnits.Where(u => !validated.Contains(u)).Distinct().ToList();
    }

    /// <summary>The competences a new grid holds: those of the units to evaluate.</summary>
    public static IReadOnlyList<int> CompetencesOf(IEnumerable<(int CompetenceId, int UnitId)> competences, IReadOnlyCollection<int> unitsToEvaluate) =>
        competences.Where(c => unitsToEvaluate.Contains(c.UnitId)).Select(c => c.CompetenceId).Distinct().ToList();

    /// <summary>Null when a grid can be opened for the candidate; otherwise why not.</summary>
    public static string? WhyNotOpen(bool present, DateOnly sessionDay, DateOnly today, int unitsToEvaluate)
    {
        if (today < sessionDay) return "La grille s'ouvre le jour de la session d'évaluation.";
        if (!present) return "La grille ne s'ouvre que pour un candidat noté présent sur la feuille d'émargement.";
        if (unitsToEvaluate == 0) return "Toutes les unités de ce candidat sont déjà validées par un jury : il n'y a rien à évaluer.";
        return null;
    }

    /// <summary>Null when the evaluator may record this mark; otherwise why not (« non acquise » needs an observation).</summary>
    public static string? WhyNotMark(EvaluatorRole? role, bool locked, GridEntryState? entry, bool? acquired, string? observation)
    {
        if (role != EvaluatorRole.Evaluator) return "Seul l'évaluateur de la session note les compétences : rien n'a été enregistré.";
        if (locked) return Locked;
        if (entry is null) return "Cette compétence ne fait pas partie des unités évaluées pour ce candidat : rien n'a été enregistré.";
        if (acquired == false && string.IsNullOrWhiteSpace(observation))
            return $"{entry.Code} : une observation est obligatoire quand la compétence est « non acquise ».";
        return null;
    }

    /// <summary>Null when the co-evaluator may record this response; otherwise why not (a disagreement needs an observation).</summary>
    public static string? WhyNotRespond(EvaluatorRole? role, bool locked, GridEntryState? entry, bool? agrees, string? observation)
    {
        if (role != EvaluatorRole.CoEvaluator) return "Seul le co-évaluateur de la session confirme ou conteste les notes : rien n'a été enregistré.";
        if (locked) return Locked;
        if (entry is null) return "Cette compétence ne fait pas partie des unités évaluées pour ce candidat : rien n'a été enregistré.";
        if (agrees is not null && entry.Acquired is null) return $"{entry.Code} : l'évaluateur n'a pas encore noté cette compétence.";
        if (agrees == false && string.IsNullOrWhiteSpace(observation))
            return $"{entry.Code} : expliquez votre désaccord dans une observation.";
        return null;
    }

    /// <summary>
    /// A new mark on a competence the co-evaluator already answered clears that answer (they confirmed another mark);
    /// any change after a signature clears both signatures (each signs what the other last saw).
    /// </summary>
    public static GridEditEffect AfterMark(bool? acquiredBefore, string? observationBefore, bool? acquired, string? observation)
    {
        var markChanged = acquiredBefore != acquired;
        var changed = markChanged || Clean(observationBefore) != Clean(observation);
        return new GridEditEffect(markChanged, changed);
    }

    /// <summary>A changed response of the co-evaluator clears the signatures, as a changed mark does.</summary>
    public static GridEditEffect AfterResponse(bool? agreesBefore, string? observationBefore, bool? agrees, string? observation) =>
        new(false, agreesBefore != agrees || Clean(observationBefore) != Clean(observation));

    /// <summary>
    /// Null when <paramref name="role"/> may sign: every competence marked and confirmed by the co-evaluator; otherwise
    /// why not, naming the competences still to settle.
    /// </summary>
    public static string? WhyNotSign(EvaluatorRole? role, bool locked, bool alreadySigned, IEnumerable<GridEntryState> entries)
    {
        if (role is null) return "Seuls l'évaluateur et le co-évaluateur de la session signent la grille.";
        if (locked) return "La grille est déjà signée par l'évaluateur et le co-évaluateur.";
        if (alreadySigned) return "Vous avez déjà signé cette grille.";
        var unsettled = entries.Where(e => e.Acquired is null || e.CoEvaluatorAgrees != true)
            .Select(e => $"{e.Code} ({(e.Acquired is null ? "non notée" : e.CoEvaluatorAgrees is null ? "à confirmer par le co-évaluateur" : "désaccord à régler")})")
            .ToList();
        return unsettled.Count == 0 ? null
            : "La grille ne peut pas encore être signée : chaque compétence doit être notée et confirmée par le co-évaluateur. "
              + "Compétences à régler : " + string.Join(", ", unsettled) + ".";
    }

    /// <summary>A unit's result: « en cours » until the grid is locked, then acquired when all its competences are.</summary>
    public static UnitOutcome UnitResult(bool locked, IEnumerable<bool?> acquired) =>
        !locked ? UnitOutcome.InProgress
        : acquired.All(a => a == true) ? UnitOutcome.Acquired
        : UnitOutcome.NotAcquired;

    public static string Label(UnitOutcome outcome) => outcome switch
    {
        UnitOutcome.Acquired => "unité acquise",
        UnitOutcome.NotAcquired => "unité non acquise",
        _ => "en cours (grille non signée)",
    };

    /// <summary>Null when a correction may start from this grid: locked, the latest version, with a reason; otherwise why not.</summary>
    public static string? WhyNotCorrect(EvaluatorRole? role, bool locked, int? pendingCorrectionVersion, string? reason)
    {
        if (role is null) return "Seuls l'évaluateur et le co-évaluateur de la session corrigent la grille.";
        if (pendingCorrectionVersion is { } version) return $"Une correction est déjà en cours (version {version}) : complétez-la et signez-la.";
        if (!locked) return "Seule une grille signée se corrige par une nouvelle version : celle-ci peut encore être modifiée.";
        if (string.IsNullOrWhiteSpace(reason)) return "Indiquez le motif de la correction.";
        return null;
    }

    private static string Clean(string? text) => text?.Trim() ?? "";
}
