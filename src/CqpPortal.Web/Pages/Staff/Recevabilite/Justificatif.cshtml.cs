using CqpPortal.Web.Audit;
using CqpPortal.Web.Registrations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Recevabilite;

/// <summary>A registration proof read from the admissibility file, through the one access rule (<see cref="ProofAccess"/>).</summary>
[AuditedAccess(AuditKinds.Proof)]
public class StaffProofFileModel(ProofAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id) => this.Attachment(await access.ProofAsync(id, User));
}
