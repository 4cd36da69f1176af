using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte;

/// <summary>A signed-in user changes their password: every other session ends, this one stays, an e-mail tells them.</summary>
[Authorize]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public class ChangePasswordModel(UserManager<PortalUser> users, PasswordChanges passwords) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez votre mot de passe actuel.")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Choisissez un nouveau mot de passe.")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Saisissez à nouveau le nouveau mot de passe.")]
        [Compare(nameof(NewPassword), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await passwords.ChangeAsync(user, Input.CurrentPassword, Input.NewPassword, HttpContext);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code switch
                {
                    nameof(IdentityErrorDescriber.PasswordMismatch) => "Input.CurrentPassword",
                    _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "Input.NewPassword",
                    _ => string.Empty,
                }, error.Description);
            return Page();
        }
        Message = "Votre mot de passe est changé. Vos autres sessions sont fermées ; un e-mail vous le confirme.";
        return RedirectToPage();
    }
}
