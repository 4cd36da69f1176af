using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;

namespace CqpPortal.Web.Email;

/// <summary>
/// The e-mails of the company side, in French: a manager's access request decided, and the invitations a manager sends
/// (a colleague as co-manager, an employee pre-registered). Invitations to a new account carry the activation link.
/// </summary>
public sealed class CompanyMailer(EmailOutbox outbox, AccountMailer accounts)
{
    public Task AccessApprovedAsync(PortalUser manager, Company company) =>
        outbox.SendAsync(new EmailMessage(manager.Email!, "Votre accès entreprise est validé",
            $"Bonjour {manager.DisplayName},\n\nVotre accès au portail du CQP pour {company.Name} est validé : vous pouvez suivre l'inscription et le parcours de vos salariés depuis l'espace entreprise."));

    public Task AccessRefusedAsync(PortalUser manager, Company company, string reason) =>
        outbox.SendAsync(new EmailMessage(manager.Email!, "Votre demande d'accès entreprise n'est pas acceptée",
            $"Bonjour {manager.DisplayName},\n\nVotre demande d'accès pour {company.Name} (SIRET {company.Siret}) n'a pas été acceptée : {reason}\n\nPour toute question, contactez l'organisme de formation."));

    public Task ManagerInvitedAsync(PortalUser user, PortalUser inviter, Company company, string certification, Func<string, string, string> activationLink) =>
        accounts.SendActivationAsync(user, activationLink, $"Invitation à l'espace entreprise du {certification}",
            $"{inviter.DisplayName} vous a ouvert un accès gestionnaire pour {company.Name} (SIRET {company.Siret}) sur le portail du {certification} : " +
            "vous pourrez y suivre l'inscription et le parcours des salariés de l'entreprise et le calendrier des sessions.");

    public Task EmployeePreRegisteredAsync(PortalUser user, PortalUser manager, Company company, string certification, Func<string, string, string> activationLink) =>
        accounts.SendActivationAsync(user, activationLink, $"Votre pré-inscription au {certification}",
            $"{manager.DisplayName}, de {company.Name}, vous a pré-inscrit(e) au {certification}. " +
            "Pour confirmer, activez votre compte en choisissant un mot de passe, puis complétez votre bulletin d'inscription : " +
            "c'est vous qui le transmettez à l'organisme de formation, après avoir pris connaissance de la notice sur vos données personnelles. " +
            "Si vous ne souhaitez pas vous inscrire, ignorez ce message.");

    /// <summary>Someone who already has an account is told what awaits them, without a new link.</summary>
    public Task ExistingAccountInvitedAsync(PortalUser user, string certification, string what, string howTo) =>
        outbox.SendAsync(new EmailMessage(user.Email!, $"Une invitation vous attend sur le portail du {certification}",
            $"Bonjour {user.DisplayName},\n\n{what}\n\n{howTo}\n\nSi vous ne connaissez pas cette personne, ignorez ce message."));
}
