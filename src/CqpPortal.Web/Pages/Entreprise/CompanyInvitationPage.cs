using CqpPortal.Web.Companies;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Entreprise;

/// <summary>
/// What the manager's invitation pages share: the company must be one the signed-in manager is approved for (404
/// otherwise, whatever id is typed), the person's name and e-mail, and the activation link of the e-mail.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Hosting.PortalRateLimits.FormPosts)]
public abstract class CompanyInvitationPage(CompanyInvitations invitations, UserManager<PortalUser> users) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public string CompanyName { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    protected CompanyInvitations Invitations => invitations;

    public async Task<IActionResult> OnGetAsync(int companyId) => await LoadAsync(companyId) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(int companyId)
    {
        if (await LoadAsync(companyId) is not { } userId) return NotFound();
        if (!ModelState.IsValid) return Page();
        await SendAsync(userId, companyId, (id, code) => Url.PublicPage("/Compte/Activer", new { userId = id, code }));
        Message = Confirmation(Input.Email.Trim());
        return RedirectToPage("Index");
    }

    protected abstract Task SendAsync(string managerUserId, int companyId, Func<string, string, string> activationLink);

    protected abstract string Confirmation(string email);

    /// <summary>The manager's user id when they manage this company; null otherwise.</summary>
    private async Task<string?> LoadAsync(int companyId)
    {
        var userId = users.GetUserId(User)!;
        var company = await invitations.ManagedCompanyAsync(userId, companyId);
        if (company is null) return null;
        CompanyName = company.Name;
        return userId;
    }
}
