using CqpPortal.Web.Audit;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Jury.Vae;

/// <summary>The jury PDF of an accepted booklet 2 of a candidate convened to a jury the member is assigned to; any other id answers 404.</summary>
[AuditedAccess(AuditKinds.Booklet)]
public class JuryDossierModel(VaeFileAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id) => this.Attachment(await access.JuryPdfAsync(id, User));
}
