using System.Text;
using System.Text.Encodings.Web;
using CqpPortal.Web.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CqpPortal.Web.Identity;

/// <summary>The account e-mails (address confirmation, password reset, activation of an invited account), with their links, in French.</summary>
public sealed class AccountMailer(UserManager<PortalUser> users, EmailOutbox sender, Certificates.CertificationNames names, Microsoft.Extensions.Options.IOptions<Hosting.PortalSettings> settings)
{
    public async Task SendConfirmationAsync(PortalUser user, Func<string, string, string> linkTo)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = linkTo(user.Id, code);
        var certification = await names.NameAsync();
        await sender.SendAsync(new EmailMessage(user.Email!, "Confirmez votre adresse électronique",
            $"Bonjour {user.DisplayName},\n\nPour activer votre compte sur le portail du {certification}, ouvrez ce lien :\n{link}\n\nSi vous n'avez pas créé de compte, ignorez ce message.",
            $"<p>Bonjour {HtmlEncoder.Default.Encode(user.DisplayName)},</p><p>Pour activer votre compte sur le portail du {HtmlEncoder.Default.Encode(certification)}, <a href=\"{HtmlEncoder.Default.Encode(link)}\">confirmez votre adresse</a>.</p><p>Si vous n'avez pas créé de compte, ignorez ce message.</p>"));
    }

    public async Task SendPasswordResetAsync(PortalUser user, Func<string, string> linkTo)
    {
        var link = linkTo(Encode(await users.GeneratePasswordResetTokenAsync(user)));
        await sender.SendAsync(new EmailMessage(user.Email!, "Réinitialisation de votre mot de passe",
            $"Bonjour {user.DisplayName},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 24 heures) :\n{link}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
            $"<p>Bonjour {HtmlEncoder.Default.Encode(user.DisplayName)},</p><p>Pour choisir un nouveau mot de passe, <a href=\"{HtmlEncoder.Default.Encode(link)}\">ouvrez ce lien</a> (valable 24 heures).</p><p>Si vous n'avez rien demandé, ignorez ce message.</p>"));
    }

    /// <summary>
    /// The e-mail of an account someone else opened (a colleague invited, an employee pre-registered): the link lets its
    /// owner choose a password, which also proves the address. Uses the password-reset token, valid 24 hours.
    /// </summary>
    public async Task SendActivationAsync(PortalUser user, Func<string, string, string> linkTo, string subject, string why)
    {
        var link = linkTo(user.Id, Encode(await users.GeneratePasswordResetTokenAsync(user)));
        await sender.SendAsync(new EmailMessage(user.Email!, subject,
            $"Bonjour {user.DisplayName},\n\n{why}\n\nPour activer votre compte, ouvrez ce lien (valable 24 heures) et choisissez votre mot de passe :\n{link}\n\nPassé ce délai, demandez à la personne qui vous a invité(e) de renouveler l'invitation.",
            $"<p>Bonjour {HtmlEncoder.Default.Encode(user.DisplayName)},</p><p>{HtmlEncoder.Default.Encode(why)}</p><p>Pour activer votre compte, <a href=\"{HtmlEncoder.Default.Encode(link)}\">ouvrez ce lien</a> (valable 24 heures) et choisissez votre mot de passe.</p><p>Passé ce délai, demandez à la personne qui vous a invité(e) de renouveler l'invitation.</p>"));
    }

    /// <summary>
    /// Tells the account's owner their password was changed (by them, signed in) or reset (through the e-mailed link):
    /// when, from which address, and what to do if it was not them. The link comes from Portal:PublicUrl, never the request.
    /// </summary>
    public async Task SendPasswordChangedAsync(PortalUser user, DateTimeOffset when, string? fromAddress, bool wasReset)
    {
        var link = settings.Value.PublicLink("/Compte/MotDePasseOublie");
        var certification = await names.NameAsync();
        var what = wasReset ? "a été réinitialisé avec le lien envoyé par e-mail" : "a été changé depuis votre compte";
        var at = $"le {Formatting.FrenchFormat.DateTime(when)} (heure de Paris)";
        var from = string.IsNullOrEmpty(fromAddress) ? "" : $", depuis l'adresse IP {fromAddress}";
        var others = "Toutes vos autres sessions ouvertes ont été fermées.";
        var html = HtmlEncoder.Default;
        await sender.SendAsync(new EmailMessage(user.Email!, "Votre mot de passe a été changé",
            $"Bonjour {user.DisplayName},\n\nLe mot de passe de votre compte sur le portail du {certification} {what} {at}{from}. {others}\n\n"
            + $"Si c'est vous, vous n'avez rien à faire.\n\nSi ce n'est pas vous, choisissez tout de suite un nouveau mot de passe avec « Mot de passe oublié » :\n{link}\npuis prévenez l'organisme de formation.",
            $"<p>Bonjour {html.Encode(user.DisplayName)},</p><p>Le mot de passe de votre compte sur le portail du {html.Encode(certification)} {what} {html.Encode(at + from)}. {others}</p>"
            + "<p>Si c'est vous, vous n'avez rien à faire.</p>"
            + $"<p>Si ce n'est pas vous, choisissez tout de suite un nouveau mot de passe avec <a href=\"{html.Encode(link)}\">« Mot de passe oublié »</a>, puis prévenez l'organisme de formation.</p>"));
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
