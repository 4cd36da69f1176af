using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Juries;

/// <summary>What the jury's president submits for one candidate, and what the portal knows around it.</summary>
/// <param name="UnitsNow">The units ticked (those validated before may be among them: they count as before).</param>
/// <param name="UnitsBefore">The units validated by an earlier jury: they stay validated.</param>
public sealed record Deliberation(
    bool ByPresident,
    bool Convened,
    bool MinutesLocked,
    JuryResult? Result,
    IReadOnlyCollection<int> UnitsNow,
    IReadOnlyCollection<int> UnitsBefore,
    IReadOnlyCollection<int> AllUnits,
    string? Observations);

/// <summary>
/// The jury's deliberation (seed 001, « dispositif global »: the jury validates totally or partially): the president
/// chooses the result and the units must agree with it; the candidate must know what is left to acquire, so anything
/// but a total validation is motivated. Once every member has signed the minutes, only a motivated correction may
/// change a decision.
/// </summary>
public static class JuryDeliberationRules
{
    /// <summary>Null when the deliberation may be recorded before the minutes are locked; otherwise why not, in French.</summary>
    public static string? WhyNotRecord(Deliberation d)
    {
        if (d.MinutesLocked)
            return "Le procès-verbal est signé par tous les membres et verrouillé : une modification passe par une correction motivée du président.";
        return WhyNotValid(d);
    }

    /// <summary>Null when a decision may be corrected after the minutes were locked (president or staff, with a reason); otherwise why not.</summary>
    public static string? WhyNotCorrect(Deliberation d, string? reason)
    {
        if (!d.MinutesLocked) return "Le procès-verbal n'est pas encore verrouillé : modifiez directement la délibération.";
        if (string.IsNullOrWhiteSpace(reason)) return "Indiquez le motif de la correction : il figure au procès-verbal.";
        return WhyNotValid(d);
    }

    /// <summary>The units validated now, those validated before left out.</summary>
    public static IReadOnlySet<int> NewUnits(Deliberation d) => d.UnitsNow.Except(d.UnitsBefore).ToHashSet();

    private static string? WhyNotValid(Deliberation d)
    {
        if (!d.ByPresident) return "Seul le président du jury enregistre la délibération.";
        if (!d.Convened) return "Ce candidat n'est pas convoqué à ce jury.";
        if (d.Result is not { } result) return "Choisissez le résultat : validation totale, validation partielle, non validé ou absent.";
        if (d.UnitsNow.Except(d.AllUnits).Any()) return "Une unité cochée n'appartient pas à cette certification.";
        var now = NewUnits(d);
        var all = now.Concat(d.UnitsBefore).Intersect(d.AllUnits).ToHashSet();
        var observed = !string.IsNullOrWhiteSpace(d.Observations);
        switch (result)
        {
            case JuryResult.TotalValidation when all.Count != d.AllUnits.Count:
                return "Une validation totale demande toutes les unités : cochez les unités manquantes ou choisissez une validation partielle.";
            case JuryResult.PartialValidation when now.Count == 0:
                return "Une validation partielle demande au moins une unité validée par ce jury : cochez-la, ou choisissez « non validé ».";
            case JuryResult.PartialValidation when all.Count == d.AllUnits.Count:
                return "Toutes les unités sont cochées : c'est une validation totale.";
            case JuryResult.NotValidated when now.Count > 0:
                return "« Non validé » ne valide aucune unité : décochez les unités ou choisissez une validation partielle.";
            case JuryResult.Absent when now.Count > 0:
                return "Un candidat absent ne valide aucune unité : décochez les unités.";
        }
        if (result != JuryResult.TotalValidation && !observed)
            return "Motivez la décision dans les observations : le candidat doit savoir ce qu'il lui reste à acquérir.";
        return null;
    }
}

/// <summary>
/// The minutes (« procès-verbal ») of a jury: every member signs them in the portal once every convened candidate has a
/// decision; when the last member signs they are locked. One president per session, chosen among its members.
/// </summary>
public static class JuryMinutesRules
{
    /// <summary>Null when <paramref name="isMember"/> may sign now; otherwise why not, in French.</summary>
    public static string? WhyNotSign(bool isMember, bool alreadySigned, bool locked, bool sat, int convenedWithoutDecision)
    {
        if (!isMember) return "Seuls les membres du jury signent son procès-verbal.";
        if (locked) return "Le procès-verbal est déjà signé par tous les membres.";
        if (alreadySigned) return "Vous avez déjà signé ce procès-verbal.";
        if (!sat) return "Le procès-verbal se signe une fois le jury tenu.";
        if (convenedWithoutDecision > 0)
            return $"Le procès-verbal se signe une fois la décision enregistrée pour chaque candidat convoqué ({convenedWithoutDecision} sans décision).";
        return null;
    }

    /// <summary>Locked when every member of the session has signed (and there is at least one member).</summary>
    public static bool IsComplete(IReadOnlyCollection<string> memberIds, IReadOnlyCollection<string> signerIds) =>
        memberIds.Count > 0 && memberIds.All(signerIds.Contains);

    /// <summary>Null when <paramref name="isMember"/> may be made the session's president; otherwise why not.</summary>
    public static string? WhyNotDesignatePresident(bool isMember, bool locked) =>
        locked ? "Le procès-verbal est verrouillé : la composition du jury ne change plus."
        : !isMember ? "Le président est choisi parmi les membres du jury."
        : null;

    /// <summary>Where a jury stands for one of its members, in French: what they have to do next.</summary>
    public static string State(bool cancelled, bool sat, bool locked, int convenedWithoutDecision, bool signedByMe) =>
        cancelled ? "annulé"
        : locked ? "signé"
        : !sat ? "à venir"
        : convenedWithoutDecision > 0 ? "à délibérer"
        : signedByMe ? "signé par vous, en attente des autres membres"
        : "à signer";

    /// <summary>Null when members may be added or removed; once the minutes are locked the jury that signed them stays.</summary>
    public static string? WhyNotChangeMembers(bool locked) =>
        locked ? "Le procès-verbal est verrouillé : la composition du jury ne change plus." : null;
}
