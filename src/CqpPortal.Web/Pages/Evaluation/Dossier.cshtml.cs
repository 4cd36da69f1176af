using CqpPortal.Web.Audit;
using CqpPortal.Web.Evaluations;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Evaluation;

/// <summary>The evaluation file (PDF) of a candidate enrolled in one of the evaluator's sessions. Any other id answers 404.</summary>
[AuditedAccess(AuditKinds.EvaluationFile, Subject = "registrationId")]
public class EvaluatorEvaluationFileModel(EvaluationFile file) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int registrationId) => this.Attachment(await file.PdfAsync(registrationId, User));
}
