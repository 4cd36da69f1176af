using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte;

[AllowAnonymous]
public class LoginModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre mot de passe.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        // Failures count towards lockout: five wrong passwords lock the account for 15 minutes.
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
            var user = await users.FindByEmailAsync(Input.Email);
            var roles = user is null ? [] : await users.GetRolesAsync(user);
            return LocalRedirect(Areas.HomeFor(roles.Contains)?.Folder ?? "/");
        }
        var error = result switch
        {
            { IsLockedOut: true } => "Votre compte est verrouillé après plusieurs essais infructueux. Réessayez dans 15 minutes ou réinitialisez votre mot de passe.",
            { IsNotAllowed: true } => "Confirmez d'abord votre adresse électronique avec le lien reçu par e-mail.",
            _ => "Adresse électronique ou mot de passe incorrect.",
        };
        ModelState.AddModelError(string.Empty, error);
        return Page();
    }
}
