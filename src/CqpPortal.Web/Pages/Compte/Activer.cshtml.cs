using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte;

/// <summary>
/// Activation of an account someone else opened (a colleague's invitation, an employer's pre-registration): the person
/// chooses a password from the link of the e-mail, which also confirms the address, and is signed in.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public class ActivateAccountModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? DisplayName { get; private set; }
    public string? Email { get; private set; }
    public bool LinkValid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (user, token) = await FindAsync();
        LinkValid = user is not null && token is not null && !user.EmailConfirmed
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, token);
        if (!LinkValid) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (user, token) = await FindAsync();
        if (user is null || token is null || user.EmailConfirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        LinkValid = true;
        if (!ModelState.IsValid) return Page();
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) LinkValid = false;
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password") ? "Input.Password" : string.Empty, error.Description);
            return Page();
        }
        user.EmailConfirmed = true; // the link came to this address: opening it proves the address
        await users.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        var roles = await users.GetRolesAsync(user);
        return roles.Contains(Roles.Candidate) ? RedirectToPage("/Candidat/Inscription/Identite") : LocalRedirect(Areas.HomeFor(roles.Contains)?.Folder ?? "/");
    }

    private async Task<(PortalUser? User, string? Token)> FindAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        DisplayName = user?.DisplayName;
        Email = user?.Email;
        return (user, AccountMailer.Decode(Code));
    }
}
