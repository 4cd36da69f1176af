using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;

namespace CqpPortal.Web.Email;

/// <summary>The e-mails jury members receive.</summary>
public sealed class JuryMailer(EmailOutbox outbox)
{
    public Task MemberAssignedAsync(PortalUser member, Session jury, string juryAreaUrl, string invitationUrl) =>
        outbox.SendAsync(new EmailMessage(member.Email!, $"Vous êtes membre du jury du {FrenchFormat.Date(jury.StartsAt)}",
            $"Bonjour {member.DisplayName},\n\nL'organisme de formation vous a désigné(e) membre du jury du CQP le {FrenchFormat.DateTime(jury.StartsAt)}, " +
            $"{jury.PlaceName}, {jury.Address}, {jury.PostalCode} {jury.City}.\n\n" +
            $"Votre courrier d'invitation (PDF) : {invitationUrl}\n\n" +
            $"Les candidats convoqués, leurs dossiers d'évaluation et leurs livrets VAE sont dans votre espace jury : {juryAreaUrl}"));
}
