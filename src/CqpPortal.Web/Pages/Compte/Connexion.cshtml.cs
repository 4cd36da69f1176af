using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte;

[AllowAnonymous]
public class LoginModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, SignInAttempts attempts) : PageModel
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

    private const string WrongPassword = "Adresse électronique ou mot de passe incorrect.";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var address = Hosting.PortalRateLimits.ClientAddress(HttpContext);
        if (attempts.Wait(Input.Email, address) is { } wait)
        {
            // Too many failures from here: the account is not locked, this address waits (the owner elsewhere is not held back).
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var minutes = Domain.Accounts.SignInThrottle.Minutes(wait);
            ModelState.AddModelError(string.Empty, $"Trop d'essais de connexion infructueux : réessayez dans {minutes} minute{(minutes > 1 ? "s" : "")}, ou réinitialisez votre mot de passe avec « Mot de passe oublié ».");
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            attempts.CheckDecoy(Input.Password); // the same work as a real check: the answer's time does not tell
            attempts.Failed(Input.Email, address);
            ModelState.AddModelError(string.Empty, WrongPassword);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            attempts.Succeeded(Input.Email, address);
            if (Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
            var roles = await users.GetRolesAsync(user);
            return LocalRedirect(Areas.HomeFor(roles.Contains)?.Folder ?? "/");
        }
        if (result.RequiresTwoFactor)
        {
            // The password was right: the code comes next. Its failures keep counting with the password's (no Succeeded here),
            // so that a known password does not reset the count of guessed codes.
            return RedirectToPage("/Compte/Connexion/Code", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null, Input.RememberMe });
        }
        // Identity says « not allowed » (address not confirmed) before it checks the password: say so only to whoever knows it.
        var knowsPassword = result.IsNotAllowed && await users.CheckPasswordAsync(user, Input.Password);
        if (!knowsPassword && !result.IsLockedOut) attempts.Failed(Input.Email, address);
        var error = result switch
        {
            { IsLockedOut: true } => "Votre compte est suspendu pour le moment. Réessayez plus tard ou réinitialisez votre mot de passe avec « Mot de passe oublié ».",
            _ when knowsPassword => "Confirmez d'abord votre adresse électronique avec le lien reçu par e-mail.",
            _ => WrongPassword,
        };
        ModelState.AddModelError(string.Empty, error);
        return Page();
    }
}
