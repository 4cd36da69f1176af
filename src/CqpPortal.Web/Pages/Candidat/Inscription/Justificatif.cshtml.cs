using CqpPortal.Web.Audit;
using CqpPortal.Web.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Candidat.Inscription;

/// <summary>A proof of the signed-in candidate's own file (or any, for staff), as an attachment; anyone else's id answers 404.</summary>
[AuditedAccess(AuditKinds.Proof)]
public class ProofFileModel(ProofAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id) => this.Attachment(await access.ProofAsync(id, User));
}
