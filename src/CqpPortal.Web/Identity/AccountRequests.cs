using System.Text.Encodings.Web;
using CqpPortal.Web.Email;
using Microsoft.AspNetCore.Identity;

namespace CqpPortal.Web.Identity;

/// <summary>
/// Opening an account (a candidate's, a company manager's) answers the same whether the address already has an
/// account or not, so that the forms cannot be used to learn who is registered: the password is checked by the same
/// rules, then the owner of a known address gets an e-mail instead of a second account.
/// </summary>
public sealed class AccountRequests(UserManager<PortalUser> users, EmailOutbox outbox, Certificates.CertificationNames names)
{
    /// <summary>The password's problems, as account creation reports them (same rules, same French messages).</summary>
    public async Task<IReadOnlyList<IdentityError>> PasswordProblemsAsync(string email, string password)
    {
        var candidate = new PortalUser { UserName = email.Trim(), Email = email.Trim() };
        var problems = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, password);
            if (!result.Succeeded) problems.AddRange(result.Errors);
        }
        return problems;
    }

    /// <summary>When the address has an account, e-mails its owner how to sign in or reset the password, and returns true.</summary>
    public async Task<bool> TellOwnerIfKnownAsync(string email, string signInLink, string resetLink)
    {
        var owner = await users.FindByEmailAsync(email.Trim());
        if (owner is null) return false;
        var certification = await names.NameAsync();
        var (name, site) = (HtmlEncoder.Default.Encode(owner.DisplayName), HtmlEncoder.Default.Encode(certification));
        await outbox.SendAsync(new EmailMessage(owner.Email!, "Vous avez déjà un compte sur le portail",
            $"Bonjour {owner.DisplayName},\n\nQuelqu'un (vous, sans doute) a demandé l'ouverture d'un compte avec votre adresse sur le portail du {certification}. "
            + $"Vous avez déjà un compte : aucun autre n'a été créé.\n\nPour vous connecter : {signInLink}\nMot de passe oublié : {resetLink}\n\n"
            + "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien n'a changé sur votre compte.",
            $"<p>Bonjour {name},</p><p>Quelqu'un (vous, sans doute) a demandé l'ouverture d'un compte avec votre adresse sur le portail du {site}. "
            + "Vous avez déjà un compte : aucun autre n'a été créé.</p>"
            + $"<p><a href=\"{HtmlEncoder.Default.Encode(signInLink)}\">Se connecter</a> – <a href=\"{HtmlEncoder.Default.Encode(resetLink)}\">Mot de passe oublié</a></p>"
            + "<p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien n'a changé sur votre compte.</p>"));
        return true;
    }
}
