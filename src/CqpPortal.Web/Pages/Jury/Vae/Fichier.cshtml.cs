using CqpPortal.Web.Audit;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Jury.Vae;

/// <summary>A booklet document of a candidate convened to a jury the member is assigned to, as an attachment; any other id answers 404.</summary>
[AuditedAccess(AuditKinds.BookletDocument)]
public class JuryBookletFileModel(VaeFileAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id) => this.Attachment(await access.DocumentAsync(id, User));
}
