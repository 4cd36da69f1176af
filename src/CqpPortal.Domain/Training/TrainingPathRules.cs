using System.Globalization;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Training;

/// <summary>Who signs an individual training path.</summary>
public enum PathSigner { Candidate = 1, Company = 2, Organisation = 3 }

/// <summary>One unit of a proposed path as the rules see it: the hours typed, the unit's maximum and whether the centre marked all its competences mastered.</summary>
public sealed record PathUnitPlan(int Number, string? HoursText, int? MaximumHours, bool AllMastered);

/// <summary>The signatures on one version of a path.</summary>
public sealed record PathSignatures(DateTimeOffset? Candidate, DateTimeOffset? Company, DateTimeOffset? Organisation)
{
    public bool Any => Candidate is not null || Company is not null || Organisation is not null;

    public DateTimeOffset? Of(PathSigner signer) => signer switch
    {
        PathSigner.Candidate => Candidate,
        PathSigner.Company => Company,
        _ => Organisation,
    };
}

/// <summary>
/// The individual training path drawn from the centre's positioning (seed 001: « proposer un parcours pédagogique
/// individuel en fonction de ce positionnement »): hours per unit up to the organisation's maximum, at least the
/// branch's minimum in total (« la durée minimale des actions de formation a été évaluée à 70 heures ») unless every
/// competence is already mastered and staff say why; signed by the candidate, the organisation and — when the employee
/// agreed to be followed — the company. A signed version is never edited: a change is a new version.
/// </summary>
public static class TrainingPathRules
{
    public const int MaximumObjectivesLength = 2000;
    public const int MaximumReasonLength = 1000;

    public const string NothingToSign = "Il n'y a pas de parcours à signer.";

    public const string PositioningFirst = "Enregistrez d'abord le positionnement du centre : le parcours en découle.";

    /// <summary>Null when the registration has a path (training route, admissible); otherwise why not.</summary>
    public static string? WhyNoPath(CertificationRoute route, RegistrationState state) =>
        route != CertificationRoute.Training ? "Seuls les candidats de la voie formation ont un parcours de formation individuel."
        : state != RegistrationState.Admissible ? "Le parcours de formation s'établit une fois la candidature déclarée recevable."
        : null;

    /// <summary>The hours a new path proposes for a unit: none when every competence is mastered, otherwise the unit's maximum.</summary>
    public static int DefaultHours(int? maximumHours, bool allMastered) => allMastered ? 0 : maximumHours ?? 0;

    /// <summary>Reads hours typed in a form: a whole number of hours, or null.</summary>
    public static int? ParseHours(string? text)
    {
        var trimmed = text?.Trim().Replace('\u00a0', ' ').Replace(" ", "");
        if (string.IsNullOrEmpty(trimmed)) return null;
        return int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hours) ? hours : null;
    }

    /// <summary>Null when the hours of one unit can be planned; otherwise why not (whole hours, 0 to the unit's maximum, some when there is something to train).</summary>
    public static string? WhyNotUnitHours(PathUnitPlan unit)
    {
        var hours = ParseHours(unit.HoursText);
        if (hours is null) return $"Unité {unit.Number} : indiquez un nombre d'heures entier (par exemple 21).";
        if (hours < 0) return $"Unité {unit.Number} : le nombre d'heures ne peut pas être négatif.";
        if (unit.MaximumHours is { } max && hours > max)
            return $"Unité {unit.Number} : {hours} h dépassent la durée maximale de l'unité ({max} h).";
        if (hours == 0 && !unit.AllMastered)
            return $"Unité {unit.Number} : des compétences restent à travailler d'après le positionnement du centre ; prévoyez des heures (0 h seulement quand toutes sont maîtrisées).";
        return null;
    }

    /// <summary>
    /// Null when the total is acceptable: at least <paramref name="minimumHours"/>, or below it only when the centre
    /// marked every competence mastered and staff confirm the reduction with a reason.
    /// </summary>
    public static string? WhyNotTotal(int totalHours, int? minimumHours, bool allMastered, bool reductionConfirmed, string? reason)
    {
        if (minimumHours is not { } minimum || totalHours >= minimum) return null;
        if (!allMastered)
            return $"Le parcours compte {totalHours} h, sous le minimum de {minimum} h. Un parcours plus court n'est possible que si le positionnement du centre montre toutes les compétences maîtrisées.";
        if (!reductionConfirmed || string.IsNullOrWhiteSpace(reason))
            return $"Le parcours compte {totalHours} h, sous le minimum de {minimum} h : cochez la confirmation et indiquez la raison de cette durée réduite.";
        return null;
    }

    /// <summary>Every reason a proposed path cannot be saved, in the order a reader fixes them; empty when it can.</summary>
    public static IReadOnlyList<string> WhyNotSave(bool centrePositioningRecorded, IReadOnlyList<PathUnitPlan> units, int? minimumHours,
        bool allMastered, bool reductionConfirmed, string? reason, string? objectives)
    {
        if (!centrePositioningRecorded) return [PositioningFirst];
        var reasons = units.Select(WhyNotUnitHours).OfType<string>().ToList();
        if (reasons.Count == 0 && WhyNotTotal(units.Sum(u => ParseHours(u.HoursText) ?? 0), minimumHours, allMastered, reductionConfirmed, reason) is { } total)
            reasons.Add(total);
        if ((objectives?.Trim().Length ?? 0) > MaximumObjectivesLength)
            reasons.Add($"Les objectifs dépassent {MaximumObjectivesLength} caractères.");
        if ((reason?.Trim().Length ?? 0) > MaximumReasonLength)
            reasons.Add($"La raison de la durée réduite dépasse {MaximumReasonLength} caractères.");
        return reasons;
    }

    /// <summary>The reason kept with the path: only when the total is below the minimum (otherwise there is nothing to justify).</summary>
    public static string? KeptReason(int totalHours, int? minimumHours, string? reason) =>
        minimumHours is { } minimum && totalHours < minimum && !string.IsNullOrWhiteSpace(reason) ? reason.Trim() : null;

    /// <summary>Who must sign: the candidate and the organisation; the company only when the employee, linked to it, agreed to be followed.</summary>
    public static IReadOnlyList<PathSigner> RequiredSigners(bool linkedToCompany, bool? companyMayFollow) =>
        linkedToCompany && companyMayFollow == true
            ? [PathSigner.Candidate, PathSigner.Company, PathSigner.Organisation]
            : [PathSigner.Candidate, PathSigner.Organisation];

    /// <summary>A version is signed when every required signature is on it.</summary>
    public static bool IsSigned(IReadOnlyList<PathSigner> required, PathSignatures signatures) =>
        required.All(s => signatures.Of(s) is not null);

    /// <summary>Null when the version may be changed in place: nobody has signed it and it is the current one.</summary>
    public static string? WhyNotEdit(int version, bool superseded, PathSignatures signatures) =>
        superseded ? $"La version {version} a été remplacée par une version plus récente : elle ne peut plus être modifiée."
        : signatures.Any ? $"La version {version} porte déjà une signature : elle ne peut plus être modifiée. Créez une nouvelle version pour changer le parcours."
        : null;

    /// <summary>Null when <paramref name="signer"/> may sign this version; otherwise why not.</summary>
    public static string? WhyNotSign(PathSigner signer, IReadOnlyList<PathSigner> required, bool superseded, PathSignatures signatures) =>
        superseded ? "Cette version du parcours a été remplacée : signez la version en cours."
        : !required.Contains(signer) ? "Votre signature n'est pas demandée sur ce parcours."
        : signatures.Of(signer) is not null ? "Vous avez déjà signé cette version du parcours."
        : null;

    /// <summary>Null when a new version may be opened: only from a version that carries a signature (an unsigned one is simply edited).</summary>
    public static string? WhyNotNewVersion(bool hasCurrent, PathSignatures current) =>
        !hasCurrent ? "Il n'y a pas encore de parcours : enregistrez d'abord une première version."
        : !current.Any ? "La version en cours n'est signée par personne : modifiez-la directement."
        : null;
}
