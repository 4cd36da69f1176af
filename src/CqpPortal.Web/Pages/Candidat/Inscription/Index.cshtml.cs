using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Candidat.Inscription;

/// <summary>/Candidat/Inscription opens the first step; each step then leads to the next.</summary>
public class RegistrationStartModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Identite");
}
