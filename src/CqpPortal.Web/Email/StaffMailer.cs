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

    /// <summary>The weekly digest of the files within 90 days of their journey's deadline, soonest first.</summary>
    public async Task DeadlineDigestAsync(string week, IReadOnlyList<DeadlineDigestRow> files)
    {
        var body = $"Bonjour,\n\n{files.Count} dossier(s) arrivent à moins de 90 jours de la fin de leur parcours :\n\n" +
            string.Concat(files.Select(f => $"- {f.Name} : fin le {Formatting.FrenchFormat.Date(f.Deadline)} ({f.DaysLeft} jours) ; reste : {string.Join(" ; ", f.Remaining)}\n")) +
            "\nChaque dossier est consultable dans l'espace de l'organisme, rubrique « Recevabilité ». Les candidats sont prévenus par e-mail à 90 et 30 jours.";
        foreach (var staff in await users.GetUsersInRoleAsync(Roles.Staff))
            if (staff.Email is not null)
                await outbox.SendAsync(new EmailMessage(staff.Email, $"Parcours proches de leur délai – semaine {week}", body));
    }
}

/// <summary>One file of the weekly deadline digest.</summary>
public sealed record DeadlineDigestRow(int RegistrationId, string Name, DateOnly Deadline, int DaysLeft, IReadOnlyList<string> Remaining);
