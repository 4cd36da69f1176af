using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte;

/// <summary>A candidate creates an account; it opens once the e-mail address is confirmed.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public class RegisterModel(UserManager<PortalUser> users, AccountMailer mailer, AccountRequests accounts) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez votre prénom.")]
        [StringLength(100, ErrorMessage = "Le prénom ne peut dépasser 100 caractères.")]
        public string FirstName { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre nom.")]
        [StringLength(100, ErrorMessage = "Le nom ne peut dépasser 100 caractères.")]
        public string LastName { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        public string ConfirmPassword { get; set; } = "";

        [Range(typeof(bool), "true", "true", ErrorMessage = "Cochez la case pour indiquer que vous avez lu la notice sur les données personnelles.")]
        public bool AcceptPrivacy { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        // A known address gets the same answer as a new one (its owner is told by e-mail): the form reveals no account.
        foreach (var problem in await accounts.PasswordProblemsAsync(Input.Email, Input.Password))
            ModelState.AddModelError("Input.Password", problem.Description);
        if (!ModelState.IsValid) return Page();
        if (await accounts.TellOwnerIfKnownAsync(Input.Email, Url.PublicPage("/Compte/Connexion"), Url.PublicPage("/Compte/MotDePasseOublie")))
            return RedirectToPage("/Compte/ConfirmationEnvoyee");
        var user = new PortalUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = $"{Input.FirstName.Trim()} {Input.LastName.Trim()}",
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password") ? "Input.Password" : string.Empty, error.Description);
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Candidate);
        await mailer.SendConfirmationAsync(user, (userId, code) => Url.PublicPage("/Compte/ConfirmerEmail", new { userId, code }));
        return RedirectToPage("/Compte/ConfirmationEnvoyee");
    }
}
