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
public class ResendConfirmationModel(UserManager<PortalUser> users, AccountMailer mailer) : PageModel
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
        // The same answer whether or not the account exists: the page must not reveal who has one.
        var user = await users.FindByEmailAsync(Email);
        if (user is not null && !user.EmailConfirmed)
            await mailer.SendConfirmationAsync(user, (userId, code) => Url.PublicPage("/Compte/ConfirmerEmail", new { userId, code }));
        Sent = true;
        return Page();
    }
}
