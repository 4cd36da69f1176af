using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;

namespace CqpPortal.Web.Email;

/// <summary>
/// Every e-mail a candidate receives about their journey, in French, in one place: registration, admissibility,
/// sessions, VAE booklets, juries. Sent through the <see cref="EmailOutbox"/>, so after what they announce is committed.
/// Every message links to the page it speaks of, made from Portal:PublicUrl (<see cref="Link"/>), never a request's host.
/// </summary>
public sealed class CandidateMailer(EmailOutbox outbox, Identity.AccountMailer accounts, Microsoft.Extensions.Options.IOptions<Hosting.PortalSettings> settings)
{
    /// <summary>The candidate's « Mes documents » (their home page's section), where every letter and convocation is.</summary>
    public const string DocumentsPath = "/Candidat#documents";

    /// <summary>An absolute link to a page of the portal, from Portal:PublicUrl.</summary>
    public string Link(string path) => settings.Value.PublicLink(path);

    private string Documents => $"dans votre espace candidat, rubrique « Mes documents » : {Link(DocumentsPath)}";
    private string SessionPage(Session session) => Sessions.Convocation.PageLink(settings.Value, session.Id);

    /// <summary>A paper registration form entered by staff, for a candidate who gave an address: the link activates their account.</summary>
    public Task PaperRegistrationRecordedAsync(Identity.PortalUser user, string certification, DateOnly paperFormDate, Func<string, string, string> activationLink) =>
        accounts.SendActivationAsync(user, activationLink, $"Votre inscription au {certification} est enregistrée",
            $"L'organisme de formation a enregistré votre bulletin d'inscription papier du {FrenchFormat.Date(paperFormDate)} au {certification}. " +
            "Un compte a été ouvert à votre nom sur le portail : activez-le en choisissant un mot de passe, puis suivez votre dossier en ligne " +
            "(décision sur la recevabilité, justificatifs, sessions). Si vous n'avez pas rempli ce bulletin, ignorez ce message et prévenez l'organisme.");

    public Task RegistrationReceivedAsync(Candidate candidate, string certification, DateOnly registeredOn) =>
        SendAsync(candidate, $"Votre inscription au {certification} est enregistrée",
            $"Votre bulletin d'inscription a bien été transmis le {FrenchFormat.Date(registeredOn)}. " +
            "L'organisme de formation vérifie votre dossier et vous répondra par écrit sur sa recevabilité.\n\n" +
            $"Le récapitulatif de ce que vous avez envoyé (PDF) est {Documents}");

    /// <param name="requested">The documents staff ask for with an incomplete file, named in the e-mail.</param>
    public Task AdmissibilityDecidedAsync(Candidate candidate, RegistrationState decision, string? motive, IReadOnlyList<string>? requested = null)
    {
        var (subject, summary) = decision switch
        {
            RegistrationState.Admissible => ("Votre candidature au CQP est recevable", "Votre candidature est déclarée recevable."),
            RegistrationState.NotAdmissible => ("Votre candidature au CQP n'est pas recevable", $"Votre candidature n'est pas recevable. Motif : {motive}"),
            _ => ("Votre dossier d'inscription au CQP est incomplet", $"Votre dossier est incomplet : {motive}\n"
                + (requested is { Count: > 0 } ? "Documents demandés :\n" + string.Join("\n", requested.Select(r => $"- {r}")) + "\nAjoutez-les à l'étape « Justificatifs » de votre bulletin d'inscription.\n" : "")
                + $"Complétez-le dans votre espace candidat, puis renvoyez-le : {Link("/Candidat/Inscription/Justificatifs")}"),
        };
        return SendAsync(candidate, subject, $"{summary}\n\nLa lettre de décision est {Documents}");
    }

    /// <summary>A seat (convocation) or a place on the waiting list of a session the candidate signed up for.</summary>
    public Task SignedUpAsync(Candidate candidate, Session session, string certification, EnrolmentState state, bool promotedFromWaitingList = false)
    {
        var when = $"{FrenchLabels.Of(session.Kind)} du {FrenchFormat.DateTime(session.StartsAt)}, {session.PlaceName}, {session.City}";
        return state == EnrolmentState.Enrolled
            ? SendAsync(candidate, $"Votre convocation au {certification}",
                $"{(promotedFromWaitingList ? "Une place s'est libérée : " : "")}vous êtes inscrit(e) : {when}.\n" +
                $"Votre convocation (PDF) est {Documents}\n" +
                $"L'événement pour votre agenda est dans « Mes sessions » : {Link("/Candidat/Sessions")}\n" +
                $"La page de la session : {SessionPage(session)}")
            : SendAsync(candidate, "Vous êtes sur la liste d'attente",
                $"La session {when} est complète : vous êtes sur la liste d'attente. Nous vous écrirons si une place se libère.\n" +
                $"La page de la session : {SessionPage(session)}");
    }

    public Task SessionChangedAsync(Candidate candidate, string certification, EnrolmentState state, SessionWhereWhen before, Session now) =>
        SendAsync(candidate, $"Changement de votre session du {certification}",
            $"La session « {FrenchLabels.Of(now.Kind)} » à laquelle vous êtes " +
            (state == EnrolmentState.Enrolled ? "inscrit(e)" : "sur liste d'attente") + " change.\n" +
            $"Avant : {FrenchFormat.DateTime(before.StartsAt)}, {before.PlaceName}, {before.Address}, {before.PostalCode} {before.City}.\n" +
            $"Désormais : {FrenchFormat.DateTime(now.StartsAt)}, {now.PlaceName}, {now.Address}, {now.PostalCode} {now.City}.\n\n" +
            (state == EnrolmentState.Enrolled ? $"Votre nouvelle convocation est {Documents}\n" : "") +
            $"La page de la session : {SessionPage(now)}\n" +
            $"Si vous ne pouvez pas venir à cette nouvelle date, annulez votre inscription depuis « Mes sessions » pour libérer la place : {Link("/Candidat/Sessions")}\n\n" +
            "L'organisme de formation");

    public Task SessionCancelledAsync(Candidate candidate, string certification, Session session) =>
        SendAsync(candidate, $"Annulation de votre session du {certification}",
            $"La session « {FrenchLabels.Of(session.Kind)} » du {FrenchFormat.DateTime(session.StartsAt)} à {session.City} est annulée.\n" +
            $"Motif : {session.CancellationReason}\n\n" +
            $"Inscrivez-vous à une autre date depuis votre espace candidat, rubrique « Mes sessions » : {Link("/Candidat/Sessions")}\n" +
            "Nous vous prions de nous excuser pour ce changement.\n\n" +
            "L'organisme de formation");

    public Task BookletSentAsync(Candidate candidate, BookletKind kind, DateTimeOffset sentAt)
    {
        var what = BookletLabels.Of(kind).ToLowerInvariant();
        return SendAsync(candidate, $"Votre {what} est envoyé",
            $"Votre {what} a bien été envoyé à l'organisme le {FrenchFormat.DateTime(sentAt)}. "
            + "Il ne peut plus être modifié pendant son examen ; vous recevrez un e-mail à la décision.\n"
            + $"Votre {what} : {Link(BookletPage(kind))}");
    }

    public Task BookletDecidedAsync(Candidate candidate, BookletKind kind, BookletState decision, string? motive, IReadOnlyList<string> missingItems)
    {
        var what = BookletLabels.Of(kind).ToLowerInvariant();
        var (subject, body) = decision switch
        {
            BookletState.Admissible when kind == BookletKind.Admissibility =>
                ("Votre demande de VAE est recevable", "Votre livret 1 est déclaré recevable. Vous pouvez maintenant rédiger votre livret 2 dans votre espace candidat."),
            BookletState.Admissible => ("Votre livret 2 est accepté", "Votre livret 2 est complet : il est transmis au jury."),
            BookletState.NotAdmissible => ("Votre demande de VAE n'est pas recevable", $"Votre livret 1 n'est pas recevable. Motif : {motive?.Trim()}"),
            _ => ($"Votre {what} est à compléter",
                $"Votre {what} vous est renvoyé pour être complété :\n"
                + string.Concat(missingItems.Select(i => $"- {i}\n")) + (string.IsNullOrWhiteSpace(motive) ? "" : $"{motive.Trim()}\n")
                + "Complétez-le dans votre espace candidat, puis envoyez-le de nouveau."),
        };
        return SendAsync(candidate, subject, $"{body}\n\n{Link(decision == BookletState.Admissible && kind == BookletKind.Admissibility ? BookletPage(BookletKind.Experience) : BookletPage(kind))}");
    }

    private static string BookletPage(BookletKind kind) => kind == BookletKind.Admissibility ? "/Candidat/Vae/Livret1" : "/Candidat/Vae/Livret2";

    public Task JuryConvenedAsync(Candidate candidate, Session jury, string certification) =>
        SendAsync(candidate, "Votre convocation au jury du CQP",
            $"Vous êtes convoqué(e) au jury du {certification} le {FrenchFormat.DateTime(jury.StartsAt)}, " +
            $"{jury.PlaceName}, {jury.Address}, {jury.PostalCode} {jury.City}.\nVotre convocation (PDF) est {Documents}\nLa page de la session : {SessionPage(jury)}");

    public Task JuryDecidedAsync(Candidate candidate, DateOnly decidedOn, JuryResult result, IReadOnlyList<int> validatedUnitNumbers, string? comment) =>
        SendAsync(candidate, "Décision du jury du CQP",
            $"Le jury du {FrenchFormat.Date(decidedOn)} a rendu sa décision : {FrenchLabels.Of(result)}." +
            (validatedUnitNumbers.Count > 0 ? $"\nUnités validées : {string.Join(", ", validatedUnitNumbers.Select(n => $"unité {n}"))}." : "") +
            (comment is null ? "" : $"\n\nObservations du jury : {comment}") +
            result switch
            {
                JuryResult.TotalValidation => "\n\nLe certificat est délivré par la CPNEFP de la branche. Dans six mois, nous vous demanderons votre situation professionnelle.",
                JuryResult.Absent => "\n\nVous n'étiez pas présent(e) au jury : l'organisme de formation peut vous convoquer à un prochain jury, dans le délai de votre parcours.",
                _ => "\n\nLes unités validées vous restent acquises. L'organisme de formation vous indiquera comment présenter les autres.",
            } +
            $"\n\nLe courrier de décision est {Documents}");

    /// <summary>The paper certificate is signed by the CPNEFP, SIST and the holder: a copy is in their documents.</summary>
    public Task CertificateSignedAsync(Candidate candidate, string certification, string number, DateOnly obtainedOn) =>
        SendAsync(candidate, $"Votre certificat du {certification} est signé",
            $"Votre certificat du {certification}, obtenu le {FrenchFormat.Date(obtainedOn)}, est signé (n° {number}).\n" +
            $"Sa copie (PDF) est {Documents}\nL'original papier vous est envoyé par le SIST.\n" +
            $"Toute personne peut vérifier ce certificat avec son numéro sur le portail, page « Vérifier un certificat » : {Link("/Verifier-un-certificat")}");

    public Task SessionReminderAsync(Candidate candidate, Session session, int daysBefore) =>
        SendAsync(candidate, $"Rappel : votre session dans {daysBefore} jours",
            $"Nous vous rappelons votre {FrenchLabels.Of(session.Kind).ToLowerInvariant()} du {FrenchFormat.DateTime(session.StartsAt)}, " +
            $"{session.PlaceName}, {session.Address}, {session.PostalCode} {session.City}.\n" +
            (session.Kind == SessionKind.Training ? "Votre convocation à la formation vous a été envoyée par e-mail lors de votre inscription.\n" : $"Votre convocation (PDF) est {Documents}\n") +
            $"La page de la session : {SessionPage(session)}");

    /// <summary>
    /// The 6- or 24-month follow-up survey of a holder, with their personal link (no sign-in), the opt-out link and the
    /// last day to answer. No personal data beyond the first name: the link shows the rest, to its holder only.
    /// </summary>
    public Task SurveyInvitationAsync(string email, string firstName, string certification, SurveyWave wave, DateOnly lastDay, string answerLink, string optOutLink, string? ownSpaceLink = null) =>
        outbox.SendAsync(new EmailMessage(email, $"Votre situation {FrenchLabels.Of(wave)} après le {certification}",
            $"Bonjour {firstName},\n\nPour suivre le devenir des titulaires du {certification}, la branche vous pose quelques questions " +
            $"sur votre situation {FrenchLabels.Of(wave)} après son obtention : deux minutes suffisent, sans vous connecter.\n\n{answerLink}\n\n" +
            (ownSpaceLink is null ? "" : $"Vous pouvez aussi répondre depuis votre espace candidat : {ownSpaceLink}\n\n") +
            SurveyFooter(lastDay, optOutLink)));

    /// <summary>A reminder (7 or 21 days after the invitation) of a survey not answered yet, with a link of its own.</summary>
    public Task SurveyReminderAsync(string email, string firstName, string certification, SurveyWave wave, SurveyLinkPurpose purpose, DateOnly lastDay, string answerLink, string optOutLink) =>
        outbox.SendAsync(new EmailMessage(email,
            (purpose == SurveyLinkPurpose.SecondReminder ? "Dernier rappel : " : "Rappel : ") + $"votre situation {FrenchLabels.Of(wave)} après le {certification}",
            $"Bonjour {firstName},\n\nNous n'avons pas encore reçu votre réponse à l'enquête de suivi des titulaires du {certification} " +
            $"({FrenchLabels.Of(wave)} après son obtention). Vos réponses, même brèves, aident la branche à faire évoluer la certification : " +
            $"deux minutes suffisent, sans vous connecter.\n\n{answerLink}\n\n" + SurveyFooter(lastDay, optOutLink)));

    private static string SurveyFooter(DateOnly lastDay, string optOutLink) =>
        $"Vous pouvez répondre jusqu'au {FrenchFormat.Date(lastDay)} inclus. Ce lien vous est personnel : ne le transférez pas.\n" +
        "Vos réponses servent à des statistiques anonymes, transmises à l'observatoire de la branche (SIST).\n\n" +
        $"Pour ne plus recevoir cette enquête : {optOutLink}\n\nL'organisme de formation";

    /// <summary>The journey's deadline is near (90 or 30 days): what remains to do before it.</summary>
    public Task JourneyDeadlineWarningAsync(Candidate candidate, string certification, DateOnly deadline, int daysLeft, IReadOnlyList<string> remaining) =>
        SendAsync(candidate, $"Votre parcours au {certification} se termine " + (daysLeft == 0 ? "aujourd'hui" : daysLeft == 1 ? "demain" : $"dans {daysLeft} jours"),
            $"Votre parcours au {certification} doit être terminé le {FrenchFormat.Date(deadline)}.\n" +
            "Il vous reste :\n" + string.Concat(remaining.Select(r => $"- {r}\n")) +
            "\nPassé cette date, votre parcours sera clos ; les unités déjà validées resteront acquises. " +
            $"Votre espace candidat : {Link("/Candidat")}\nPour toute question, contactez l'organisme de formation.\n\nL'organisme de formation");

    /// <summary>The deadline has passed: the journey is closed, acquired units stay, and how to start again.</summary>
    public Task JourneyExpiredAsync(Candidate candidate, string certification, DateOnly deadline, IReadOnlyList<string> acquiredUnits) =>
        SendAsync(candidate, $"Votre parcours au {certification} est clos : délai dépassé",
            $"Le délai de votre parcours au {certification} a pris fin le {FrenchFormat.Date(deadline)} : votre parcours est clos (« Délai dépassé ») " +
            "et vos inscriptions aux sessions à venir sont annulées.\n" +
            (acquiredUnits.Count > 0
                ? "Les unités que vous avez validées restent enregistrées :\n" + string.Concat(acquiredUnits.Select(u => $"- {u}\n"))
                : "") +
            $"\nPour reprendre, déposez une nouvelle inscription depuis votre espace candidat (« Déposer une nouvelle inscription ») : {Link("/Candidat")} ; " +
            "l'organisme de formation examinera sa recevabilité et vous indiquera la suite.\n\nL'organisme de formation");

    /// <summary>Staff recorded the candidate's abandon, with its reason.</summary>
    public Task WithdrawalRecordedAsync(Candidate candidate, string certification, string reason) =>
        SendAsync(candidate, $"Abandon de votre parcours au {certification}",
            $"L'organisme de formation a enregistré l'abandon de votre parcours au {certification}.\nMotif : {reason}\n" +
            "Vos inscriptions aux sessions à venir sont annulées ; les unités que vous avez validées restent enregistrées.\n\n" +
            $"Si c'est une erreur, répondez à l'organisme de formation. Pour reprendre plus tard, déposez une nouvelle inscription depuis votre espace candidat : {Link("/Candidat")}\n\n" +
            "L'organisme de formation");

    /// <summary>Staff enrolled the trainee in a training session (or moved it): the convocation PDF and the .ics come attached.</summary>
    public Task TrainingConvenedAsync(Training.TrainingConvocationFacts f, IReadOnlyList<EmailAttachment> attachments, bool changed = false) =>
        string.IsNullOrWhiteSpace(f.Candidate.Email) ? Task.CompletedTask
            : outbox.SendAsync(new EmailMessage(f.Candidate.Email, changed ? "Changement de votre session de formation" : $"Convocation à la formation – {f.CertificationName}",
                $"Bonjour {f.Candidate.FirstName},\n\n" +
                (changed ? "L'organisme de formation a modifié votre session de formation. La voici désormais :\n" : "L'organisme de formation vous a inscrit(e) à une session de formation :\n") +
                $"- le {FrenchFormat.LongDate(Domain.Time.DayInParis.Of(f.Session.StartsAt))}, {Training.TrainingConvocation.Hours(f.Session)} ;\n" +
                $"- lieu : {Training.TrainingConvocation.Place(f.Session)} ;\n" +
                $"- {Training.TrainingConvocation.UnitLabel(f.Unit)}, module « {f.Session.ModuleTitle} » ;\n" +
                $"- formateur : {f.TrainerName}.\n\n" +
                "Votre convocation (PDF) et l'événement pour votre agenda (.ics) sont joints à ce message.\n" +
                $"Votre planning de formation : {Link("/Candidat/Formation")}\nLa page de la session : {Sessions.Convocation.PageLink(settings.Value, f.Session.Id)}\n\n" +
                "L'organisme de formation", Attachments: attachments));

    /// <summary>Staff took the trainee off a training session, or cancelled the session.</summary>
    public Task TrainingWithdrawnAsync(Candidate candidate, Session session, string? reason) =>
        SendAsync(candidate, "Session de formation annulée",
            $"La session de formation « {session.ModuleTitle} » du {FrenchFormat.DateTime(session.StartsAt)} à {session.City} " +
            (reason is null ? "ne figure plus dans votre planning : l'organisme de formation a retiré votre inscription.\n" : $"est annulée.\nMotif : {reason}\n") +
            $"L'organisme de formation vous inscrira à une autre date ; votre planning de formation : {Link("/Candidat/Formation")}\n\nL'organisme de formation");

    /// <summary>A candidate of a paper form who gave no address gets no e-mail: staff write to them by post.</summary>
    /// <summary>Staff proposed (or changed) the candidate's individual training path: it waits for their signature.</summary>
    public Task TrainingPathProposedAsync(Candidate candidate, string certification, int version, string link) =>
        SendAsync(candidate, "Votre parcours de formation est à signer",
            $"L'organisme de formation vous propose votre parcours de formation individuel au {certification} (version {version}), " +
            $"établi d'après votre positionnement. Lisez-le et signez-le depuis votre espace candidat :\n{link}");

    private Task SendAsync(Candidate candidate, string subject, string body) =>
        string.IsNullOrWhiteSpace(candidate.Email) ? Task.CompletedTask
            : outbox.SendAsync(new EmailMessage(candidate.Email, subject, $"Bonjour {candidate.FirstName},\n\n{body}"));
}

/// <summary>When and where a session takes place, kept before staff change it.</summary>
public sealed record SessionWhereWhen(DateTimeOffset StartsAt, string PlaceName, string Address, string PostalCode, string City)
{
    public static SessionWhereWhen Of(Session s) => new(s.StartsAt, s.PlaceName, s.Address, s.PostalCode, s.City);
}
