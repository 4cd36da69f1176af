using CqpPortal.Web.Audit;
using CqpPortal.Web.Evaluations;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Jury;

/// <summary>The evaluation file (PDF) of a candidate convened to a jury the member sits on. Any other id answers 404.</summary>
[AuditedAccess(AuditKinds.EvaluationFile, Subject = "registrationId")]
public class JuryEvaluationFileModel(EvaluationFile file) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int registrationId) => this.Attachment(await file.PdfAsync(registrationId, User));
}
