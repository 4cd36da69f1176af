using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Journey;

/// <summary>
/// « Abandon »: a candidate may stop their journey at any time once the registration is sent, and staff may record an
/// abandon they were told of. The candidate's own reason is optional (nobody has to justify leaving, and a reason often
/// holds health or family matters the file need not keep); staff's is required: it documents an act on someone
/// else's file, and is written to the candidate. A closed, refused or completed journey has nothing to abandon.
/// </summary>
public static class JourneyWithdrawal
{
    public const int ReasonMaxLength = 1000;

    /// <summary>Null when the journey can be abandoned; otherwise why not, in French.</summary>
    public static string? WhyNot(RegistrationState state, bool certified, bool byStaff, string? reason)
    {
        var closed = state switch
        {
            RegistrationState.Withdrawn => "Ce parcours est déjà clos (abandon).",
            RegistrationState.Expired => "Ce parcours est déjà clos : son délai est dépassé.",
            RegistrationState.NotAdmissible => "Cette candidature n'est pas recevable : il n'y a pas de parcours à abandonner.",
            RegistrationState.Draft => "Ce bulletin d'inscription n'est pas encore envoyé : il n'y a pas de parcours à abandonner.",
            _ => null,
        };
        if (closed is not null) return closed;
        if (certified) return "La certification est obtenue : le parcours est terminé, il n'y a rien à abandonner.";
        if (byStaff && string.IsNullOrWhiteSpace(reason))
            return "Indiquez le motif de l'abandon : il est enregistré dans l'historique du dossier et communiqué au candidat.";
        if (reason is { } r && r.Trim().Length > ReasonMaxLength)
            return $"Le motif ne doit pas dépasser {ReasonMaxLength} caractères.";
        return null;
    }
}
