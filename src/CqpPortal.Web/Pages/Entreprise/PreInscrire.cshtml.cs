using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Entreprise;

/// <summary>An approved manager pre-registers an employee, who confirms by activating the account from the e-mail.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public class PreRegisterEmployeeModel(CompanyInvitations invitations, UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    [BindProperty]
    [Required(ErrorMessage = "Choisissez la voie d'accès envisagée.")]
    public CertificationRoute? Route { get; set; }

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
        await invitations.PreRegisterEmployeeAsync(userId, companyId, Input.ToPerson(), Route!.Value,
            (id, code) => Url.Page("/Compte/Activer", null, new { userId = id, code }, Request.Scheme)!);
        Message = $"Pré-inscription envoyée à {Input.Email.Trim()} : votre salarié doit la confirmer depuis l'e-mail reçu.";
        return RedirectToPage("Index");
    }
}
