using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Privacy;

/// <summary>What an erasure does to one person: whether it may run now, and what is kept and why (shown to staff and the candidate).</summary>
/// <param name="Refusal">Why the erasure cannot run now (in French); null when it may.</param>
/// <param name="KeepsProofOfCertification">A holder: identity, birth date, the jury's decision and the certificate number stay.</param>
public sealed record ErasurePlan(string? Refusal, bool KeepsProofOfCertification, IReadOnlyList<string> Kept, IReadOnlyList<string> Erased)
{
    public bool Allowed => Refusal is null;
}

/// <summary>
/// Decides what erasing a person keeps. The privacy notice keeps the proof of certification (« identité, date de
/// naissance, procès-verbal et décision du jury ») for a holder, and the law and the branch's statistics need a
/// pseudonymous record of every file (age at registration, sex, region, level, route, decisions and their dates).
/// A file in progress (sent, returned incomplete, admissible without the certificate, or convened to a session not yet
/// held) is never erased: the candidate abandons the journey first, or staff wait for the jury.
/// </summary>
public static class ErasurePolicy
{
    public static readonly IReadOnlyList<string> AlwaysErased =
    [
        "l'adresse électronique, le téléphone et le compte de connexion (supprimé)",
        "la date de naissance exacte (seule l'année est gardée), sauf preuve de certification",
        "les justificatifs, pièces et documents déposés ou reçus, les livrets de VAE (texte et pièces)",
        "les textes libres : motifs, commentaires, observations des grilles, nom de l'employeur, entreprise citée dans les enquêtes",
        "les liens d'enquête et les sessions de connexion",
    ];

    public static readonly IReadOnlyList<string> AlwaysKept =
    [
        "un enregistrement pseudonyme pour les statistiques et les contrôles : âge à l'inscription, année de naissance, sexe, région, niveau, voie d'accès, financement, expérience, états du dossier, décisions et leurs dates",
        "les réponses codées aux enquêtes de suivi (situation, contrat, secteur, emploi, niveau et spécialité de formation), qui alimentent les statistiques anonymes",
    ];

    public const string ProofKept =
        "la preuve de la certification : nom, prénom, date de naissance, décision du jury et numéro du certificat, conservés à titre d'archive pour pouvoir attester la délivrance du certificat (notice de confidentialité, « Durées de conservation »)";

    public static ErasurePlan For(PersonFacts person)
    {
        var holder = person.Files.Any(f => f.IsHolder);
        var kept = holder ? [.. AlwaysKept, ProofKept] : AlwaysKept;
        return new ErasurePlan(RefusalFor(person), holder, kept, AlwaysErased);
    }

    /// <summary>Why a file stops an erasure now, in French; null when none does.</summary>
    public static string? RefusalFor(PersonFacts person)
    {
        if (person.Files.Any(f => f.SessionAhead))
            return "Un dossier est convoqué à une session qui n'a pas encore eu lieu (jury ou évaluation) : l'effacement attend la session, ou l'abandon du parcours.";
        var open = person.Files.FirstOrDefault(IsInProgress);
        if (open is not null)
            return $"Un dossier est en cours (« {StateLabel(open.State)} ») : il faut d'abord abandonner le parcours (Mon espace candidat, « Abandonner mon parcours ») ; les données nécessaires à la certification ne peuvent pas être effacées tant qu'elle est en cours.";
        return null;
    }

    /// <summary>Sent, returned incomplete, or admissible without the certificate: the journey goes on.</summary>
    public static bool IsInProgress(FileFacts file) =>
        file.State is RegistrationState.Submitted or RegistrationState.Incomplete
        || (file.State == RegistrationState.Admissible && !file.IsHolder);

    private static string StateLabel(RegistrationState state) => state switch
    {
        RegistrationState.Submitted => "envoyé, en attente de la décision de recevabilité",
        RegistrationState.Incomplete => "incomplet, en attente de pièces",
        _ => "recevable, parcours en cours",
    };
}

/// <summary>Where an erasure request stands.</summary>
public enum ErasureState { Pending = 1, Done = 2, Refused = 3 }

/// <summary>Who asked for an erasure: the person, or the retention job applying the notice's periods.</summary>
public enum ErasureSource { Request = 1, Retention = 2 }
