using CqpPortal.Web.Audit;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Vae;

/// <summary>The jury PDF of an accepted booklet 2 (cover, summary, text per unit and activity, attachments), as an attachment.</summary>
[AuditedAccess(AuditKinds.Booklet)]
public class JuryBookletModel(VaeFileAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id) => this.Attachment(await access.JuryPdfAsync(id, User));
}
