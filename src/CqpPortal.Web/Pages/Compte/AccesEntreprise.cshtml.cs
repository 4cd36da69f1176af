using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public class CompanyAccessRequestModel(CompanyAccess access, AccountMailer mailer, Identity.AccountRequests accounts) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez votre prénom.")]
        [StringLength(100, ErrorMessage = "100 caractères au plus.")]
        public string FirstName { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre nom.")]
        [StringLength(100, ErrorMessage = "100 caractères au plus.")]
        public string LastName { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Saisissez la raison sociale de l'entreprise.")]
        [StringLength(200, ErrorMessage = "200 caractères au plus.")]
        public string CompanyName { get; set; } = "";

        public string? Siret { get; set; }

        [Required(ErrorMessage = "Choisissez la région de l'établissement.")]
        public Region? Region { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Cochez la case pour indiquer que vous avez lu la notice sur les données personnelles.")]
        public bool AcceptPrivacy { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Siret.IsValid(Input.Siret))
            ModelState.AddModelError("Input.Siret", "Saisissez un SIRET valide : 14 chiffres, par exemple 732 829 320 00074.");
        if (!ModelState.IsValid) return Page();
        // A known address gets the same answer as a new one (its owner is told by e-mail): the form reveals no account.
        foreach (var problem in await accounts.PasswordProblemsAsync(Input.Email, Input.Password))
            ModelState.AddModelError("Input.Password", problem.Description);
        if (!ModelState.IsValid) return Page();
        if (await accounts.TellOwnerIfKnownAsync(Input.Email, Url.PublicPage("/Compte/Connexion"), Url.PublicPage("/Compte/MotDePasseOublie")))
            return RedirectToPage("/Compte/ConfirmationEnvoyee");
        var (user, errors) = await access.RequestAsync(new AccessRequest(Input.FirstName, Input.LastName, Input.Email, Input.Password, Input.Siret!, Input.CompanyName, Input.Region!.Value));
        if (user is null)
        {
            foreach (var error in errors)
                ModelState.AddModelError(error.Code.StartsWith("Password") ? "Input.Password" : string.Empty, error.Description);
            return Page();
        }
        await mailer.SendConfirmationAsync(user, (userId, code) => Url.PublicPage("/Compte/ConfirmerEmail", new { userId, code }));
        return RedirectToPage("/Compte/ConfirmationEnvoyee");
    }
}
