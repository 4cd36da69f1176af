using CqpPortal.Web.Audit;
using CqpPortal.Web.Surveys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Analyse.Enquetes;

/// <summary>
/// SIST's analysts download the latest answers file (every answer to the holder surveys, nominative): its date, its
/// number of answers, the download, never cached. The folder is SIST's alone (Identity/Roles.cs, Areas).
/// </summary>
[AuditedAccess(AuditKinds.SurveyAnswer, Handlers = "Fichier")]
public class SurveyAnswersFileModel(SurveyAnswersFile file) : PageModel
{
    public SurveyAnswersFileInfo? Latest { get; private set; }

    public async Task OnGetAsync() => Latest = await file.LatestAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnGetFichierAsync()
    {
        if (await file.LatestContentAsync(HttpContext.RequestAborted) is not { } content) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(content.Content, content.ContentType, content.FileName);
    }
}
