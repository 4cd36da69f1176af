using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Compte;

/// <summary>Sign-out is a POST (with the anti-forgery token), so that a link on another site cannot sign users out.</summary>
[AllowAnonymous]
public class LogoutModel(SignInManager<PortalUser> signIn) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        Message = "Vous êtes déconnecté.";
        return RedirectToPage("/Compte/Connexion");
    }
}
