using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Identity.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte.Connexion;

/// <summary>The second step with a recovery code (the phone is lost or not at hand): each code works once.</summary>
[AllowAnonymous]
public class LoginWithRecoveryCodeModel(TwoFactorSignIn twoFactor) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez l'un de vos codes de secours.")]
        [StringLength(64, ErrorMessage = "Un code de secours compte quelques caractères : vérifiez ce que vous avez saisi.")]
        public string Code { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync() => await twoFactor.PendingAsync() is null ? SignInAgain() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await twoFactor.PendingAsync() is not { } user) return SignInAgain();
        if (!ModelState.IsValid) return Page();
        var check = await twoFactor.WithRecoveryCodeAsync(user, Input.Code);
        if (check.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : await twoFactor.HomeAsync(user));
        TwoFactorMessages.Refused(this, check, "Ce code de secours ne convient pas, ou il a déjà servi. Vérifiez-le ou essayez-en un autre.");
        return Page();
    }

    private RedirectToPageResult SignInAgain()
    {
        Message = TwoFactorMessages.Expired;
        return RedirectToPage("/Compte/Connexion", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
    }
}
