using CqpPortal.Web.Audit;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Vae;

/// <summary>A document of any VAE booklet, for staff (the folder is staff-only), as an attachment.</summary>
[AuditedAccess(AuditKinds.BookletDocument)]
public class StaffBookletFileModel(VaeFileAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id) => this.Attachment(await access.DocumentAsync(id, User));
}
