using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Candidat.Inscription;

/// <summary>/Candidat/Inscription: the steps of the form and where to start (staff enter paper forms from their own area).</summary>
public class RegistrationStartModel : PageModel
{
    public bool Staff { get; private set; }

    public void OnGet() => Staff = Roles.IsStaff(User);
}
