using CqpPortal.Web.Companies;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Entreprise;

/// <summary>An approved manager invites a colleague as another manager of the same company.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public class InviteManagerModel(CompanyInvitations invitations, UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public string CompanyName { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int companyId)
    {
        var company = await invitations.ManagedCompanyAsync(users.GetUserId(User)!, companyId);
        if (company is null) return NotFound();
        CompanyName = company.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int companyId)
    {
        var userId = users.GetUserId(User)!;
        var company = await invitations.ManagedCompanyAsync(userId, companyId);
        if (company is null) return NotFound();
        CompanyName = company.Name;
        if (!ModelState.IsValid) return Page();
        await invitations.InviteManagerAsync(userId, companyId, Input.ToPerson(),
            (id, code) => Url.Page("/Compte/Activer", null, new { userId = id, code }, Request.Scheme)!);
        Message = $"Invitation envoyée à {Input.Email.Trim()}.";
        return RedirectToPage("Index");
    }
}
