using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace CqpPortal.Web.Email;

/// <summary>The e-mails SIST's analysts receive: what waits for their « avis conforme ».</summary>
public sealed class SistMailer(EmailOutbox outbox, UserManager<PortalUser> users)
{
    /// <summary>A content page change or a library PDF proposed by the organisation, to approve or refuse before it is public.</summary>
    public async Task ProposalToReviewAsync(string what, string proposedBy, string link)
    {
        foreach (var analyst in await users.GetUsersInRoleAsync(Roles.SistAnalyst))
            if (analyst.Email is not null && !string.Equals(analyst.UserName, proposedBy, StringComparison.OrdinalIgnoreCase))
                await outbox.SendAsync(new EmailMessage(analyst.Email, $"Avis conforme demandé : {what}",
                    $"Bonjour,\n\nL'organisme de formation ({proposedBy}) propose {what}. Rien n'est publié avant votre avis conforme, "
                    + $"donné au nom de la CPNEFP.\n\nExaminez la proposition et donnez votre avis : {link}"));
    }

    /// <summary>
    /// The weekly notice that the holders' answers file changed: a link to the page, never the file, and nothing personal
    /// (the file names holders; it stays behind SIST's sign-in).
    /// </summary>
    public Task SurveyAnswersFileUpdatedAsync(string email, int answers, DateTimeOffset madeAt, string link) =>
        outbox.SendAsync(new EmailMessage(email, "Fichier des réponses aux enquêtes des titulaires mis à jour",
            $"Bonjour,\n\nLe fichier des réponses aux enquêtes de suivi des titulaires (6 et 24 mois) a été mis à jour le "
            + $"{Formatting.FrenchFormat.DateTime(madeAt)} : il compte désormais {answers} réponse{(answers > 1 ? "s" : "")}.\n\n"
            + $"Téléchargez-le depuis votre espace (connexion requise) : {link}"));
}
