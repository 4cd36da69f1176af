using CqpPortal.Domain.Training;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Journey;

public enum StepStatus { Done, Current, Upcoming, Stopped }

public sealed record TimelineStep(string Title, StepStatus Status, DateOnly? On, string? Detail = null);

/// <summary>What is known of one registration's journey, as dates and states.</summary>
/// <param name="WasAdmissible">A closed journey (abandon, deadline passed): whether it had been declared admissible before.</param>
/// <param name="ClosedOn">A closed journey: the day it closed.</param>
/// <param name="Training">Training route: the hours of the current path in the portal (null: no path in the portal).</param>
public sealed record JourneyFacts(
    CertificationRoute Route,
    RegistrationState State,
    DateOnly? SubmittedOn,
    DateOnly? DecidedOn,
    DateOnly? EvaluationOn,
    DateOnly? JuryOn,
    JuryResult? JuryResult,
    bool WasAdmissible = false,
    DateOnly? ClosedOn = null,
    PathHours? Training = null)
{
    public bool IsClosed => State is RegistrationState.Withdrawn or RegistrationState.Expired;
}

/// <summary>
/// The candidate's journey as the steps of the "dispositif global": registration → admissibility → training, VAE
/// booklet 2 or preparation → evaluation → jury → certification, each done, current or to come, and the next action.
/// </summary>
public static class JourneyTimeline
{
    /// <summary>
    /// A coming evaluation or jury: the candidate is convened (the enrolment issues the convocation, a PDF in « Mes
    /// documents »), so it is sent, not « prévue ».
    /// </summary>
    public const string ConvocationSent = "Convocation envoyée, dans « Mes documents »";

    public static (IReadOnlyList<TimelineStep> Steps, string NextAction) Build(JourneyFacts f, DateOnly today)
    {
        var evaluated = f.EvaluationOn is { } e && e < today;
        var evaluationReached = f.EvaluationOn is { } r && r <= today;
        var preparation = f.Route switch
        {
            CertificationRoute.Vae => "Livret 2 de VAE",
            CertificationRoute.Free => "Préparation",
            _ => "Formation",
        };
        // Each step is done, stopped, or not yet: the first one not done is the current one; the others are to come.
        var facts = new (string Title, bool Done, bool Stopped, DateOnly? On, string? Detail)[]
        {
            ("Inscription", f.State != RegistrationState.Draft, false, f.SubmittedOn, null),
            ("Recevabilité", f.State == RegistrationState.Admissible || (f.IsClosed && f.WasAdmissible), f.State == RegistrationState.NotAdmissible, f.DecidedOn,
                f.State switch
                {
                    RegistrationState.Admissible => "Candidature recevable",
                    _ when f.IsClosed && f.WasAdmissible => "Candidature recevable",
                    RegistrationState.NotAdmissible => "Candidature non recevable",
                    RegistrationState.Incomplete => "Dossier à compléter",
                    RegistrationState.Submitted => "Dossier en cours d'examen",
                    _ => null,
                }),
            // Training: « en cours (x h sur y h) » until the path's hours are done, then « terminée ».
            (preparation, evaluationReached || f.Training is { IsDone: true }, false, null, f.Route == CertificationRoute.Training ? f.Training?.TimelineDetail : null),
            (f.Route == CertificationRoute.Vae ? "Mise en situation professionnelle" : "Évaluation", evaluated, false, f.EvaluationOn,
                f.EvaluationOn is { } planned && planned >= today ? ConvocationSent : null),
            // An absence is no decision: the jury step stays to do (the candidate may be convened again within the two years).
            ("Jury", f.JuryResult is { } decided && decided != JuryResult.Absent, false, f.JuryOn,
                f.JuryResult == JuryResult.Absent ? "Absent(e) au jury" : f.JuryResult is { } result ? FrenchLabels.Of(result) : f.JuryOn is { } juryDay && juryDay >= today ? ConvocationSent : null),
            ("Certification", f.JuryResult == JuryResult.TotalValidation, f.JuryResult == JuryResult.NotValidated, null,
                f.JuryResult switch
                {
                    JuryResult.TotalValidation => "Titulaire du CQP",
                    JuryResult.PartialValidation => "Unités restant à valider",
                    JuryResult.NotValidated => "CQP non validé",
                    _ => null,
                }),
        };
        var steps = new List<TimelineStep>();
        var blocked = false;
        foreach (var fact in facts)
        {
            var (title, done, stopped, on, detail) = fact;
            var status = done ? StepStatus.Done
                : stopped ? StepStatus.Stopped
                : blocked ? StepStatus.Upcoming
                : StepStatus.Current;
            // A closed journey stops at the step it had reached, with the day and the reason it closed.
            if (status == StepStatus.Current && f.IsClosed)
                (status, on, detail) = (StepStatus.Stopped, f.ClosedOn, f.State == RegistrationState.Expired ? "Délai dépassé" : "Parcours abandonné");
            if (status is StepStatus.Current or StepStatus.Stopped) blocked = true;
            steps.Add(new TimelineStep(title, status, on, detail));
        }
        return (steps, NextAction(f, today, evaluated));
    }

    private static string NextAction(JourneyFacts f, DateOnly today, bool evaluated) => f.State switch
    {
        RegistrationState.Draft => "Terminez et envoyez votre bulletin d'inscription.",
        RegistrationState.Submitted => "Votre dossier est en cours d'examen : vous recevrez une réponse écrite sur sa recevabilité.",
        RegistrationState.Incomplete => "Complétez votre dossier avec les éléments demandés, puis renvoyez-le.",
        RegistrationState.NotAdmissible => "Vous pourrez déposer une nouvelle candidature lorsque votre situation remplira les conditions d'accès.",
        RegistrationState.Withdrawn => "Votre parcours est clos (abandon). Pour le reprendre, déposez une nouvelle inscription.",
        RegistrationState.Expired => "Votre parcours est clos : son délai est dépassé. Vos unités acquises restent enregistrées ; pour le reprendre, déposez une nouvelle inscription.",
        _ when f.JuryResult == JuryResult.TotalValidation => "Félicitations : votre certificat, signé par le SIST, arrive dans « Mes documents » et par courrier. Vous recevrez un questionnaire de suivi 6 mois et 2 ans après le jury.",
        _ when f.JuryResult == JuryResult.PartialValidation => "Préparez les unités restant à valider et inscrivez-vous à une nouvelle évaluation.",
        _ when f.JuryResult == JuryResult.NotValidated => "Rapprochez-vous de l'organisme de formation pour envisager la suite de votre parcours.",
        _ when f.JuryOn is { } jury && jury >= today => "Présentez-vous au jury à la date de votre convocation.",
        _ when f.JuryResult == JuryResult.Absent => "Vous étiez absent(e) au jury : rapprochez-vous de l'organisme de formation pour être convoqué(e) à un prochain jury, dans le délai de votre parcours.",
        _ when evaluated => "Votre évaluation est passée : l'organisme de formation vous convoquera au jury.",
        _ when f.EvaluationOn is not null => "Présentez-vous à l'évaluation à la date de votre convocation.",
        _ when f.Route == CertificationRoute.Vae => "Rédigez votre livret 2, puis inscrivez-vous à une mise en situation professionnelle.",
        _ when f.Route == CertificationRoute.Free => "Inscrivez-vous à une session d'évaluation dans le calendrier.",
        _ => "Suivez votre parcours de formation, puis inscrivez-vous à une session d'évaluation.",
    };
}
