using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;

namespace CqpPortal.Web.Email;

/// <summary>
/// The e-mails of the company side, in French: a manager's access request decided, and the invitations a manager sends
/// (a colleague as co-manager, an employee pre-registered). Invitations to a new account carry the activation link.
/// For employees who agreed to be followed, their approved managers are told of each convocation, the admissibility
/// decision and the jury result — nothing beyond what the manager's pages show (<see cref="EmployeeFollowing"/>).
/// </summary>
public sealed class CompanyMailer(EmailOutbox outbox, AccountMailer accounts, Microsoft.Extensions.Options.IOptions<Hosting.PortalSettings> settings)
{
    /// <summary>An absolute link to a page of the portal, from Portal:PublicUrl.</summary>
    private string Link(string path) => settings.Value.PublicLink(path);

    private string SessionPage(Session session) => Sessions.Convocation.PageLink(settings.Value, session.Id);

    public Task AccessApprovedAsync(PortalUser manager, Company company) =>
        outbox.SendAsync(new EmailMessage(manager.Email!, "Votre accès entreprise est validé",
            $"Bonjour {manager.DisplayName},\n\nVotre accès au portail du CQP pour {company.Name} est validé : vous pouvez suivre l'inscription et le parcours de vos salariés depuis l'espace entreprise : {Link("/Entreprise")}"));

    public Task AccessRefusedAsync(PortalUser manager, Company company, string reason) =>
        outbox.SendAsync(new EmailMessage(manager.Email!, "Votre demande d'accès entreprise n'est pas acceptée",
            $"Bonjour {manager.DisplayName},\n\nVotre demande d'accès pour {company.Name} (SIRET {company.Siret}) n'a pas été acceptée : {reason}\n\nPour toute question, contactez l'organisme de formation : {Link("/Contact")}"));

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

    /// <summary>A followed employee is convened to an evaluation, a VAE situation or a jury.</summary>
    public Task EmployeeConvenedAsync(ManagerToTell manager, ManagerAudience employee, Session session) =>
        outbox.SendAsync(new EmailMessage(manager.Email, $"Convocation de {employee.EmployeeName}",
            $"Bonjour {manager.Name},\n\n{employee.EmployeeName} ({employee.CompanyName}) est convoqué(e) : {FrenchLabels.Of(session.Kind)} " +
            $"le {FrenchFormat.DateTime(session.StartsAt)}, {session.PlaceName}, {session.Address}, {session.PostalCode} {session.City}." +
            $"\nLa page de la session : {SessionPage(session)}" + FollowedFooter));

    /// <summary>A followed employee is convened to a training session (or it moved, or it no longer concerns them).</summary>
    public Task EmployeeTrainingAsync(ManagerToTell manager, ManagerAudience employee, Session session, string unit, string change, string link) =>
        outbox.SendAsync(new EmailMessage(manager.Email, $"Formation de {employee.EmployeeName}",
            $"Bonjour {manager.Name},\n\n{employee.EmployeeName} ({employee.CompanyName}) {change} : " +
            $"le {FrenchFormat.DateTime(session.StartsAt)} jusqu'à {FrenchFormat.Time(session.StartsAt.AddMinutes(session.DurationMinutes))}, " +
            $"{session.PlaceName}, {session.Address}, {session.PostalCode} {session.City} ({unit}, module « {session.ModuleTitle} »)." +
            $"\n\nSon planning, ses présences et ses heures de formation : {link}" +
            FollowedFooter));

    /// <summary>A followed employee's convocation moved (date or place) by the organisation.</summary>
    public Task EmployeeConvocationChangedAsync(ManagerToTell manager, ManagerAudience employee, SessionWhereWhen before, Session session) =>
        outbox.SendAsync(new EmailMessage(manager.Email, $"Convocation modifiée de {employee.EmployeeName}",
            $"Bonjour {manager.Name},\n\nLa convocation de {employee.EmployeeName} ({employee.CompanyName}) change : {FrenchLabels.Of(session.Kind)}.\n" +
            $"Avant : {FrenchFormat.DateTime(before.StartsAt)}, {before.PlaceName}, {before.Address}, {before.PostalCode} {before.City}.\n" +
            $"Désormais : {FrenchFormat.DateTime(session.StartsAt)}, {session.PlaceName}, {session.Address}, {session.PostalCode} {session.City}." +
            $"\nLa page de la session : {SessionPage(session)}" + FollowedFooter));

    /// <summary>A followed employee's convocation cancelled with its session.</summary>
    public Task EmployeeConvocationCancelledAsync(ManagerToTell manager, ManagerAudience employee, Session session) =>
        outbox.SendAsync(new EmailMessage(manager.Email, $"Session annulée : convocation de {employee.EmployeeName}",
            $"Bonjour {manager.Name},\n\nLa session « {FrenchLabels.Of(session.Kind)} » du {FrenchFormat.DateTime(session.StartsAt)} à {session.City}, " +
            $"à laquelle {employee.EmployeeName} ({employee.CompanyName}) était convoqué(e), est annulée. Votre salarié(e) pourra s'inscrire à une autre date." +
            FollowedFooter));

    /// <summary>The admissibility decision on a followed employee's file; the motive only when it is refused.</summary>
    public Task EmployeeAdmissibilityDecidedAsync(ManagerToTell manager, ManagerAudience employee, RegistrationState decision, DateOnly decidedOn, string? motive)
    {
        var what = decision switch
        {
            RegistrationState.Admissible => "est déclarée recevable",
            RegistrationState.NotAdmissible => $"n'est pas recevable. Motif : {motive}",
            _ => "est incomplète : votre salarié(e) doit la compléter depuis son espace candidat",
        };
        return outbox.SendAsync(new EmailMessage(manager.Email, $"Recevabilité de la candidature de {employee.EmployeeName}",
            $"Bonjour {manager.Name},\n\nLe {FrenchFormat.Date(decidedOn)}, la candidature de {employee.EmployeeName} ({employee.CompanyName}) {what}." + FollowedFooter));
    }

    /// <summary>A followed employee's final jury result, with the units it validates.</summary>
    public Task EmployeeJuryDecidedAsync(ManagerToTell manager, ManagerAudience employee, DateOnly decidedOn, JuryResult result, IReadOnlyList<int> validatedUnitNumbers) =>
        outbox.SendAsync(new EmailMessage(manager.Email, $"Résultat du jury pour {employee.EmployeeName}",
            $"Bonjour {manager.Name},\n\nLe jury du {FrenchFormat.Date(decidedOn)} a rendu sa décision pour {employee.EmployeeName} ({employee.CompanyName}) : {FrenchLabels.Of(result)}." +
            (validatedUnitNumbers.Count > 0 ? $"\nUnités validées : {string.Join(", ", validatedUnitNumbers.Select(n => $"unité {n}"))}." : "") +
            FollowedFooter));

    /// <summary>A followed employee's individual training path waits for the company's signature.</summary>
    public Task EmployeeTrainingPathProposedAsync(ManagerToTell manager, ManagerAudience employee, int version, string link) =>
        outbox.SendAsync(new EmailMessage(manager.Email, $"Parcours de formation de {employee.EmployeeName} à signer",
            $"Bonjour {manager.Name},\n\nL'organisme de formation propose le parcours de formation individuel de {employee.EmployeeName} ({employee.CompanyName}), " +
            $"version {version}. Vous pouvez le lire et le signer pour l'entreprise dans l'espace entreprise du portail :\n{link}" + FollowedFooter));

    /// <summary>A followed employee was absent (not excused) at a training session, half-day by half-day.</summary>
    public Task EmployeeAbsentFromTrainingAsync(ManagerToTell manager, ManagerAudience employee, Session session, IReadOnlyList<HalfDay> halfDays, string link) =>
        outbox.SendAsync(new EmailMessage(manager.Email, $"Absence en formation de {employee.EmployeeName}",
            $"Bonjour {manager.Name},\n\n{employee.EmployeeName} ({employee.CompanyName}) a été noté(e) absent(e), sans justification, " +
            $"à la session de formation du {FrenchFormat.Date(session.StartsAt)} ({string.Join(" et ", halfDays.Select(h => FrenchLabels.Of(h).ToLowerInvariant()))})" +
            (session.ModuleTitle is { } module ? $", module « {module} »" : "") + ". " +
            "Si cette absence est justifiée, votre salarié(e) peut transmettre le justificatif à l'organisme de formation." +
            $"\n\nSes présences et ses heures de formation : {link}" +
            FollowedFooter));

    private string FollowedFooter =>
        $"\n\nVous recevez ce message parce que votre salarié(e) a accepté que l'entreprise suive son dossier ; le détail est dans l'espace entreprise du portail : {Link("/Entreprise")}";
}
