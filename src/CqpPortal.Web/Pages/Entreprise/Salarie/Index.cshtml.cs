using CqpPortal.Web.Companies;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Entreprise.Salarie;

/// <summary>One employee's file as the manager may see it; 404 for another company's employee, as for an unknown id.</summary>
public class EmployeeFileModel(EmployeeFollowing following, UserManager<PortalUser> users) : PageModel
{
    public EmployeeFile Employee { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int registrationId)
    {
        if (await following.FileAsync(users.GetUserId(User)!, registrationId) is not { } file) return NotFound();
        Employee = file;
        return Page();
    }
}
