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
    bool AlreadySignedUp);

/// <summary>
/// Who may take a seat in an evaluation session: admissible candidates only, in the kind of session of their route
/// (trainees and free candidates: evaluation; VAE: simulated situation), before the registration deadline, within
/// capacity — beyond it, on the waiting list. Juries are convened by the training organisation.
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
        if (r.AlreadySignedUp)
            return Refused("Vous êtes déjà inscrit(e) à cette session.");
        return r.Enrolled < r.Capacity
            ? new SignUpDecision(SignUpOutcome.Enrolled, "Vous êtes inscrit(e) : votre convocation est dans vos documents.")
            : new SignUpDecision(SignUpOutcome.WaitingList, "La session est complète : vous êtes sur la liste d'attente et serez prévenu(e) si une place se libère.");
    }

    private static SignUpDecision Refused(string reason) => new(SignUpOutcome.Refused, reason);
}
