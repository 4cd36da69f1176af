using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace CqpPortal.Web.Email;

/// <summary>The e-mails the organisation's administrators receive: what needs their eye on the portal's use.</summary>
public sealed class AdministratorMailer(EmailOutbox outbox, UserManager<PortalUser> users, Microsoft.Extensions.Options.IOptions<Hosting.PortalSettings> settings)
{
    /// <summary>Someone reads others' files far faster than normal work (<see cref="Domain.Audit.ReadRateAlert"/>).</summary>
    public async Task ReadRateAlertAsync(string readerEmail, string roles, string detail, DateTimeOffset at)
    {
        var journal = settings.Value.PublicLink("/Staff/Journal?q=" + Uri.EscapeDataString(readerEmail));
        var body = $"Bonjour,\n\nLe compte {readerEmail} ({string.Join(", ", roles.Split(',').Select(Roles.Label))}) a consulté des dossiers "
            + $"à un rythme anormal : {detail}, le {Formatting.FrenchFormat.DateTime(at)}.\n\n"
            + $"Vérifiez dans le journal des accès ce qu'il a lu et, si ce n'est pas un travail prévu, suspendez le compte : {journal}\n\n"
            + "Cette alerte n'est pas répétée pour ce compte pendant une heure.";
        foreach (var administrator in await users.GetUsersInRoleAsync(Roles.Administrator))
            if (administrator.Email is not null)
                await outbox.SendAsync(new EmailMessage(administrator.Email, $"Alerte : lectures de dossiers en grand nombre par {readerEmail}", body));
    }
}
