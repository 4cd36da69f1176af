using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte;

[AllowAnonymous]
public class ResetPasswordModel(UserManager<PortalUser> users, PasswordChanges passwords, SignInAttempts attempts) : PageModel
{
    public sealed class InputModel
    {
        [Required]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public IActionResult OnGet(string? code)
    {
        if (string.IsNullOrEmpty(code)) return RedirectToPage("/Compte/MotDePasseOublie");
        Input.Code = code;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email);
        var token = AccountMailer.Decode(Input.Code);
        var result = user is null || token is null
            ? IdentityResult.Failed(new FrenchIdentityErrorDescriber().InvalidToken())
            : await passwords.ResetAsync(user, token, Input.Password, HttpContext);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password") ? "Input.Password" : string.Empty, error.Description);
            return Page();
        }
        // A reset also lifts a lockout and the waits after failed sign-ins: the person proved they own the address.
        await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        attempts.Forget(Input.Email);
        Message = "Votre mot de passe est changé : connectez-vous avec le nouveau.";
        return RedirectToPage("/Compte/Connexion");
    }
}
