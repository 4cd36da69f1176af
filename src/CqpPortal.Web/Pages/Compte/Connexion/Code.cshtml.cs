using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Identity.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte.Connexion;

/// <summary>The sign-in's second step: the 6-digit code of the authenticator app (no « remember this device », see TwoFactorSignIn).</summary>
[AllowAnonymous]
public class LoginWithCodeModel(TwoFactorSignIn twoFactor) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez le code à 6 chiffres affiché par votre application.")]
        [AppCode]
        public string Code { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync() => await twoFactor.PendingAsync() is null ? SignInAgain() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await twoFactor.PendingAsync() is not { } user) return SignInAgain();
        if (!ModelState.IsValid) return Page();
        var check = await twoFactor.WithAppCodeAsync(user, Input.Code, RememberMe);
        if (check.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : await twoFactor.HomeAsync(user));
        TwoFactorMessages.Refused(this, check, "Ce code ne convient pas. Saisissez le code affiché maintenant par votre application : il change toutes les 30 secondes.");
        return Page();
    }

    private RedirectToPageResult SignInAgain()
    {
        Message = TwoFactorMessages.Expired;
        return RedirectToPage("/Compte/Connexion", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
    }
}
