using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte;

[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public class ForgotPasswordModel(UserManager<PortalUser> users, AccountMailer mailer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        // Same answer whether the account exists or not: the page must not reveal who has one.
        var user = await users.FindByEmailAsync(Email);
        if (user is not null && user.EmailConfirmed)
            await mailer.SendPasswordResetAsync(user, code => Url.PublicPage("/Compte/ReinitialiserMotDePasse", new { code }));
        Sent = true;
        return Page();
    }
}
