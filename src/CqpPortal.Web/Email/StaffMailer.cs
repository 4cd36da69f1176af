using CqpPortal.Domain.Contacts;
using CqpPortal.Domain.Vae;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace CqpPortal.Web.Email;

/// <summary>The e-mails the training organisation's staff receive: work waiting for them.</summary>
public sealed class StaffMailer(EmailOutbox outbox, UserManager<PortalUser> users, Microsoft.Extensions.Options.IOptions<Hosting.PortalSettings> settings)
{
    public async Task BookletToReviewAsync(Candidate candidate, BookletKind kind, int version)
    {
        var what = BookletLabels.Of(kind);
        foreach (var staff in await users.GetUsersInRoleAsync(Roles.Staff))
            if (staff.Email is not null)
                await outbox.SendAsync(new EmailMessage(staff.Email, $"VAE : {what} envoyé par {candidate.FirstName} {candidate.LastName}",
                    $"Bonjour,\n\n{candidate.FirstName} {candidate.LastName} a envoyé son {what.ToLowerInvariant()} (version {version}). "
                    + $"Il attend votre examen dans l'espace de l'organisme, rubrique « Livrets VAE » : {settings.Value.PublicLink("/Staff/Vae")}"));
    }

    /// <summary>A candidate asked for their data to be erased: staff execute or refuse it from « Effacements » (within a month).</summary>
    public async Task ErasureRequestedAsync(Candidate candidate)
    {
        foreach (var staff in await users.GetUsersInRoleAsync(Roles.Staff))
            if (staff.Email is not null)
                await outbox.SendAsync(new EmailMessage(staff.Email, $"Demande d'effacement des données de {candidate.FirstName} {candidate.LastName}",
                    $"Bonjour,\n\n{candidate.FirstName} {candidate.LastName} demande l'effacement de ses données personnelles. "
                    + "La réponse est due dans un délai d'un mois. Exécutez ou refusez la demande dans l'espace de l'organisme, rubrique « Effacements » : "
                    + settings.Value.PublicLink("/Staff/Effacements")));
    }

    /// <summary>A visitor's message from /Contact, to the organisation's contact address; « Répondre » answers the visitor.</summary>
    public Task ContactMessageAsync(string organisationAddress, string name, string email, string? phone, ContactSubject subject, string message) =>
        outbox.SendAsync(new EmailMessage(organisationAddress, $"Message du site : {ContactMessageRules.Label(subject)} ({name})",
            $"Bonjour,\n\nMessage envoyé depuis la page Contact du portail.\n\nNom : {name}\nAdresse e-mail : {email}\n"
            + (phone is null ? "" : $"Téléphone : {phone}\n")
            + $"Objet : {ContactMessageRules.Label(subject)}\n\n{message}\n\nRépondez à ce message pour écrire à {name}.",
            ReplyTo: email));

    /// <summary>The author of a proposal hears of the SIST's decision (the « avis conforme » or the refusal with its reason).</summary>
    public async Task ProposalDecidedAsync(string author, string what, bool approved, string? reason, string link)
    {
        var user = await users.FindByNameAsync(author) ?? await users.FindByEmailAsync(author);
        if (user?.Email is null) return;
        await outbox.SendAsync(approved
            ? new EmailMessage(user.Email, $"Avis conforme : {what} est publié(e)",
                $"Bonjour,\n\nLe SIST a donné l'avis conforme, au nom de la CPNEFP, à votre proposition : {what}. Elle est désormais publiée sur le site.\n\n{link}")
            : new EmailMessage(user.Email, $"Avis conforme refusé : {what}",
                $"Bonjour,\n\nLe SIST a refusé votre proposition : {what}.\n\nRaison : {reason}\n\nCorrigez-la puis proposez-la à nouveau : {link}"));
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
