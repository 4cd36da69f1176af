using CqpPortal.Domain.Vae;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace CqpPortal.Web.Email;

/// <summary>The e-mails the training organisation's staff receive: work waiting for them.</summary>
public sealed class StaffMailer(EmailOutbox outbox, UserManager<PortalUser> users)
{
    public async Task BookletToReviewAsync(Candidate candidate, BookletKind kind, int version)
    {
        var what = BookletLabels.Of(kind);
        foreach (var staff in await users.GetUsersInRoleAsync(Roles.Staff))
            if (staff.Email is not null)
                await outbox.SendAsync(new EmailMessage(staff.Email, $"VAE : {what} envoyé par {candidate.FirstName} {candidate.LastName}",
                    $"Bonjour,\n\n{candidate.FirstName} {candidate.LastName} a envoyé son {what.ToLowerInvariant()} (version {version}). "
                    + "Il attend votre examen dans l'espace de l'organisme, rubrique « Livrets VAE »."));
    }
}
