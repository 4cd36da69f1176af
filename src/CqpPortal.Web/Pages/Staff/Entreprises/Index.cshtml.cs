using CqpPortal.Web.Audit;
using CqpPortal.Web.Companies;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Entreprises;

/// <summary>Staff approve or refuse company managers' access requests.</summary>
[AuditedAccess(AuditKinds.CompanyAccess, Handlers = "Approve,Refuse")]
public class CompanyAccessQueueModel(CqpDbContext db, CompanyAccess access, UserManager<Identity.PortalUser> users) : PageModel
{
    public sealed record PendingRow(int Id, string Name, string Email, bool EmailConfirmed, string Company, string Siret, DateTimeOffset RequestedAt);

    public List<PendingRow> Pending { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync() =>
        Pending = await db.CompanyManagers.Where(m => m.ApprovedAt == null).OrderBy(m => m.CreatedAt)
            .Select(m => new PendingRow(m.Id, m.User!.DisplayName, m.User.Email!, m.User.EmailConfirmed, m.Company!.Name, m.Company.Siret, m.CreatedAt))
            .ToListAsync();

    public async Task<IActionResult> OnPostApproveAsync(int id)
    {
        Message = await access.ApproveAsync(id, users.GetUserId(User)!) ? "Accès validé : le responsable est prévenu par e-mail." : "Cette demande a déjà été traitée.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRefuseAsync(int id, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            Message = "Indiquez le motif du refus : il est communiqué au demandeur.";
            return RedirectToPage();
        }
        Message = await access.RefuseAsync(id, reason.Trim()) ? "Demande refusée : le demandeur est prévenu par e-mail." : "Cette demande a déjà été traitée.";
        return RedirectToPage();
    }
}
