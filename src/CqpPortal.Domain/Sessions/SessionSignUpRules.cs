using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Sessions;

public enum SignUpOutcome { Enrolled, WaitingList, Refused }

public sealed record SignUpDecision(SignUpOutcome Outcome, string Reason);

/// <summary>What is known when a candidate asks for a seat.</summary>
public sealed record SignUpRequest(
    RegistrationState RegistrationState,
    CertificationRoute Route,
    SessionKind SessionKind,
    bool SessionCancelled,
    DateTimeOffset SessionStartsAt,
    DateOnly RegistrationDeadline,
    int Capacity,
    int Enrolled,
    bool AlreadySignedUp,
    JourneyDeadline? Deadline = null,
    bool Certified = false,
    bool HoldsAnotherComingSeat = false);

/// <summary>
/// Who may take a seat in an evaluation session: admissible candidates only, in the kind of session of their route
/// (trainees and free candidates: evaluation; VAE: simulated situation), before the registration deadline, within
/// capacity — beyond it, on the waiting list. Juries are convened by the training organisation. The journey lasts two
/// years from admissibility (« Le candidat a deux ans pour réaliser son parcours »): after a partial validation the
/// candidate comes back for the missing units only, and only within that deadline; a holder has nothing left to pass.
/// </summary>
public static class SessionSignUpRules
{
    public static SessionKind KindFor(CertificationRoute route) => route == CertificationRoute.Vae ? SessionKind.VaeSituation : SessionKind.Evaluation;

    public static SignUpDecision Decide(SignUpRequest r, DateOnly today, DateTimeOffset now)
    {
        if (r.RegistrationState != RegistrationState.Admissible)
            return Refused("Votre candidature doit d'abord être déclarée recevable.");
        if (r.SessionKind == SessionKind.Jury)
            return Refused("Les candidats sont convoqués au jury par l'organisme de formation.");
        if (r.SessionKind != KindFor(r.Route))
            return Refused(r.Route == CertificationRoute.Vae
                ? "Par la voie de la VAE, inscrivez-vous à une mise en situation professionnelle VAE."
                : "Inscrivez-vous à une session d'évaluation (mise en situation professionnelle simulée).");
        if (r.SessionCancelled)
            return Refused("Cette session est annulée.");
        if (r.SessionStartsAt <= now)
            return Refused("Cette session a déjà commencé.");
        if (today > r.RegistrationDeadline)
            return Refused("La date limite d'inscription à cette session est passée.");
        if (r.Certified)
            return Refused("Vous avez déjà obtenu la certification : il ne vous reste aucune évaluation à passer.");
        if (r.Deadline is { } deadline && DayInParis.Of(r.SessionStartsAt) > deadline.Deadline)
            return Refused($"Cette session a lieu après la fin de votre parcours de deux ans (le {deadline.Deadline:dd/MM/yyyy}) : choisissez une session plus proche ou contactez l'organisme.");
        if (r.AlreadySignedUp)
            return Refused("Vous êtes déjà inscrit(e) à cette session.");
        if (r.HoldsAnotherComingSeat)
            return Refused("Vous êtes déjà inscrit(e) à une autre évaluation à venir : annulez-la d'abord si vous voulez changer de date.");
        return r.Enrolled < r.Capacity
            ? new SignUpDecision(SignUpOutcome.Enrolled, "Vous êtes inscrit(e) : votre convocation est dans vos documents.")
            : new SignUpDecision(SignUpOutcome.WaitingList, "La session est complète : vous êtes sur la liste d'attente et serez prévenu(e) si une place se libère.");
    }

    private static SignUpDecision Refused(string reason) => new(SignUpOutcome.Refused, reason);
}
