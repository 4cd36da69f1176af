using CqpPortal.Domain.Journey;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Sessions;

public enum SignUpOutcome { Enrolled, WaitingList, Refused }

public sealed record SignUpDecision(SignUpOutcome Outcome, string Reason);

/// <summary>What is known when a candidate asks for a seat.</summary>
/// <param name="HoldsAnotherComingSeat">A seat (not a waiting place) in another coming evaluation or VAE situation.</param>
/// <param name="HoldsAWaitingPlaceElsewhere">A place on the waiting list of another coming evaluation or VAE situation.</param>
/// <param name="AdmissibilityBookletAccepted">VAE only: booklet 1 (the VAE admissibility file) declared admissible.</param>
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
    bool HoldsAnotherComingSeat = false,
    bool HoldsAWaitingPlaceElsewhere = false,
    bool AdmissibilityBookletAccepted = false,
    TrainingGate? Training = null)
{
    public SignUpCandidate Candidate => new(RegistrationState, Route, Deadline, Certified, HoldsAnotherComingSeat, HoldsAWaitingPlaceElsewhere, AdmissibilityBookletAccepted, Training);
}

/// <summary>
/// Training route: the candidate's current path in the portal — hours still to follow, and the reason staff gave to let
/// them be evaluated before (null: no waiver). Null when the candidate has no path in the portal.
/// </summary>
public sealed record TrainingGate(decimal HoursRemaining, string? WaiverReason = null)
{
    /// <summary>The path's hours are all followed.</summary>
    public bool HoursDone => HoursRemaining <= 0;

    /// <summary>Hours remain but staff recorded why the trainee may be evaluated now: the waiver is what lets them through.</summary>
    public bool Waived => !HoursDone && WaiverReason is { Length: > 0 };
}

/// <summary>What is known of the candidate alone, whatever the session: enough to say whether they may sign up at all.</summary>
public sealed record SignUpCandidate(
    RegistrationState RegistrationState,
    CertificationRoute Route,
    JourneyDeadline? Deadline,
    bool Certified,
    bool HoldsAComingSeat,
    bool HoldsAWaitingPlace,
    bool AdmissibilityBookletAccepted,
    TrainingGate? Training = null);

/// <summary>A coming session of the candidate's kind, as the outlook weighs it.</summary>
public sealed record SignUpSession(SessionKind Kind, bool Cancelled, DateTimeOffset StartsAt, DateOnly RegistrationDeadline, int Capacity, int Enrolled, bool AlreadySignedUp);

/// <summary>Whether the candidate may sign up for an evaluation now, and why (shown to staff on the candidate's file).</summary>
public sealed record SignUpOutlook(bool Possible, string Reason);

/// <summary>
/// Who may take a seat in an evaluation session: admissible candidates only, in the kind of session of their route
/// (trainees and free candidates: evaluation; VAE: simulated situation, once booklet 1 is admissible), before the
/// registration deadline, within capacity — beyond it, on the waiting list. Training sessions take no sign-up: staff enrol
/// trainees (<c>TrainingScheduleRules</c>). One coming seat or one waiting place at a
/// time. Juries are convened by the training organisation. The journey lasts two years from admissibility (« Le
/// candidat a deux ans pour réaliser son parcours »): after a partial validation the candidate comes back for the
/// missing units only, and only within that deadline; a holder has nothing left to pass; a closed journey (abandon,
/// deadline passed) is over: the candidate starts again with a new registration.
/// </summary>
public static class SessionSignUpRules
{
    public const string TrainingByOrganisation = "Les stagiaires sont inscrits aux sessions de formation par l'organisme de formation.";

    public static SessionKind KindFor(CertificationRoute route) => route == CertificationRoute.Vae ? SessionKind.VaeSituation : SessionKind.Evaluation;

    public static SignUpDecision Decide(SignUpRequest r, DateOnly today, DateTimeOffset now)
    {
        if (Closed(r.RegistrationState) is { } closed) return Refused(closed);
        if (r.RegistrationState != RegistrationState.Admissible)
            return Refused("Votre candidature doit d'abord être déclarée recevable.");
        if (r.SessionKind == SessionKind.Jury)
            return Refused("Les candidats sont convoqués au jury par l'organisme de formation.");
        if (r.SessionKind == SessionKind.Training)
            return Refused(TrainingByOrganisation);
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
        if (Expired(r.Deadline, today) is { } expired) return Refused(expired);
        if (r.Deadline is { } deadline && DayInParis.Of(r.SessionStartsAt) > deadline.Deadline)
            return Refused($"Cette session a lieu après la fin de votre parcours (le {deadline.Deadline:dd/MM/yyyy}) : choisissez une session plus proche ou contactez l'organisme.");
        if (NoBooklet1(r.Route, r.AdmissibilityBookletAccepted) is { } booklet) return Refused(booklet);
        if (TrainingNotDone(r.Route, r.Training) is { } training) return Refused(training);
        if (r.AlreadySignedUp)
            return Refused("Vous êtes déjà inscrit(e) à cette session.");
        if (r.HoldsAnotherComingSeat)
            return Refused("Vous êtes déjà inscrit(e) à une autre évaluation à venir : annulez-la d'abord si vous voulez changer de date.");
        if (r.HoldsAWaitingPlaceElsewhere)
            return Refused("Vous êtes déjà sur la liste d'attente d'une autre session à venir : retirez-vous de cette liste d'attente avant de demander une autre date.");
        return r.Enrolled < r.Capacity
            ? new SignUpDecision(SignUpOutcome.Enrolled, "Vous êtes inscrit(e) : votre convocation est dans vos documents.")
            : new SignUpDecision(SignUpOutcome.WaitingList, "La session est complète : vous êtes sur la liste d'attente et serez prévenu(e) si une place se libère.");
    }

    /// <summary>
    /// Why the candidate cannot sign up for any session, whatever its date (null when nothing about the candidate
    /// blocks it): the same conditions as <see cref="Decide"/>, in the same words.
    /// </summary>
    public static string? WhyNotForAnySession(SignUpCandidate c, DateOnly today)
    {
        if (Closed(c.RegistrationState) is { } closed) return closed;
        if (c.RegistrationState != RegistrationState.Admissible) return "Votre candidature doit d'abord être déclarée recevable.";
        if (c.Certified) return "Vous avez déjà obtenu la certification : il ne vous reste aucune évaluation à passer.";
        if (Expired(c.Deadline, today) is { } expired) return expired;
        if (NoBooklet1(c.Route, c.AdmissibilityBookletAccepted) is { } booklet) return booklet;
        if (TrainingNotDone(c.Route, c.Training) is { } training) return training;
        if (c.HoldsAComingSeat) return "Vous êtes déjà inscrit(e) à une autre évaluation à venir : annulez-la d'abord si vous voulez changer de date.";
        if (c.HoldsAWaitingPlace) return "Vous êtes déjà sur la liste d'attente d'une autre session à venir : retirez-vous de cette liste d'attente avant de demander une autre date.";
        return null;
    }

    /// <summary>
    /// The candidate's outlook over the coming sessions of their kind: impossible with the candidate's blocking
    /// condition, or with the reason every session gives; otherwise possible, naming the first session that would take them.
    /// </summary>
    public static SignUpOutlook Outlook(SignUpCandidate c, IReadOnlyList<SignUpSession> sessions, DateOnly today, DateTimeOffset now)
    {
        if (WhyNotForAnySession(c, today) is { } blocked) return new SignUpOutlook(false, blocked);
        var decisions = sessions.Where(s => s.Kind == KindFor(c.Route)).OrderBy(s => s.StartsAt)
            .Select(s => (Session: s, Decision: Decide(new SignUpRequest(c.RegistrationState, c.Route, s.Kind, s.Cancelled, s.StartsAt, s.RegistrationDeadline,
                s.Capacity, s.Enrolled, s.AlreadySignedUp, c.Deadline, c.Certified, c.HoldsAComingSeat, c.HoldsAWaitingPlace, c.AdmissibilityBookletAccepted, c.Training), today, now)))
            .ToList();
        var open = decisions.FirstOrDefault(d => d.Decision.Outcome != SignUpOutcome.Refused);
        if (open.Session is not null)
            return new SignUpOutlook(true, $"session du {DayInParis.Of(open.Session.StartsAt):dd/MM/yyyy} ouverte"
                + (open.Decision.Outcome == SignUpOutcome.WaitingList ? " (complète : liste d'attente)" : "") + TrainingNote(c));
        return decisions.Count == 0
            ? new SignUpOutlook(false, "aucune session à venir n'est ouverte aux inscriptions pour l'instant")
            : new SignUpOutlook(false, decisions.Select(d => d.Decision.Reason).GroupBy(r => r).OrderByDescending(g => g.Count()).First().Key);
    }

    /// <summary>Why a closed journey (abandon, deadline passed) takes no sign-up, and what to do; null when it is not closed.</summary>
    public static string? Closed(RegistrationState state) => state switch
    {
        RegistrationState.Withdrawn => "Votre parcours est clos (abandon) : pour reprendre, déposez une nouvelle inscription depuis votre espace candidat.",
        RegistrationState.Expired => "Votre parcours est clos : son délai est dépassé. Vos unités acquises restent enregistrées ; pour reprendre, déposez une nouvelle inscription depuis votre espace candidat.",
        _ => null,
    };

    private static string? Expired(JourneyDeadline? deadline, DateOnly today) => deadline is { } d && d.IsExpired(today)
        ? $"Votre parcours devait être terminé le {d.Deadline:dd/MM/yyyy} : son délai est dépassé, vous ne pouvez plus vous inscrire à une évaluation."
        : null;

    private static string? NoBooklet1(CertificationRoute route, bool accepted) => route == CertificationRoute.Vae && !accepted
        ? "Votre livret 1 (demande de recevabilité VAE) doit d'abord être déclaré recevable : envoyez-le depuis votre espace candidat, rubrique « Mon livret 1 VAE »."
        : null;

    /// <summary>
    /// A trainee whose current path is in the portal is evaluated once its hours are done, unless staff recorded why not
    /// (waiver). A trainee without any path in the portal (paths kept on paper before the portal) is not blocked: the
    /// portal cannot count hours it never saw.
    /// </summary>
    private static string? TrainingNotDone(CertificationRoute route, TrainingGate? training) =>
        route == CertificationRoute.Training && training is { HoursDone: false, Waived: false } t
            ? $"Votre parcours de formation n'est pas terminé : il vous reste {TrainingHours.Format(t.HoursRemaining)} de formation à suivre avant de vous inscrire à une évaluation."
            : null;

    /// <summary>What staff should know beside an open outlook of a trainee: no path in the portal, or a waiver.</summary>
    private static string TrainingNote(SignUpCandidate c) => c.Route != CertificationRoute.Training ? ""
        : c.Training is null ? " — aucun parcours de formation dans le portail (parcours sur papier) : les heures ne sont pas vérifiées"
        : c.Training is { Waived: true, WaiverReason: { } reason } ? $" — dérogation aux heures de formation : {reason}"
        : "";

    private static SignUpDecision Refused(string reason) => new(SignUpOutcome.Refused, reason);
}
