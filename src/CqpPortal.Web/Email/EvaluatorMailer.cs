using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;

namespace CqpPortal.Web.Email;

/// <summary>The e-mails evaluators receive: their account opened by SIST, an assignment to a session.</summary>
public sealed class EvaluatorMailer(EmailOutbox outbox, AccountMailer accounts)
{
    public Task AccountOpenedAsync(PortalUser user, string certification, Func<string, string, string> activationLink) =>
        accounts.SendActivationAsync(user, activationLink, $"Votre compte évaluateur du {certification}",
            $"Le SIST vous a ouvert un compte évaluateur sur le portail du {certification} : vous y trouverez les sessions d'évaluation " +
            "auxquelles l'organisme de formation vous affecte, leurs candidats et la feuille d'émargement.");

    public Task AssignedAsync(PortalUser evaluator, Session session, string certification, EvaluatorRole role, bool remote, string areaUrl) =>
        outbox.SendAsync(new EmailMessage(evaluator.Email!, $"{FrenchLabels.Of(role)} de la session du {FrenchFormat.Date(session.StartsAt)}",
            $"Bonjour {evaluator.DisplayName},\n\nL'organisme de formation vous a affecté(e) comme {FrenchLabels.Of(role).ToLowerInvariant()}" +
            (remote ? " (à distance)" : "") + $" de la session « {FrenchLabels.Of(session.Kind)} » du {certification}, " +
            $"le {FrenchFormat.DateTime(session.StartsAt)}, {session.PlaceName}, {session.Address}, {session.PostalCode} {session.City}.\n\n" +
            $"Les candidats inscrits et la feuille d'émargement sont dans votre espace évaluateur : {areaUrl}"));
}
