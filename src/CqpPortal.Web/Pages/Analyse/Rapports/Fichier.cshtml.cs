using CqpPortal.Web.Audit;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Analyse.Rapports;

/// <summary>
/// A file of a report run, for SIST, the committee and staff (the folder's roles). Only a succeeded run's files exist
/// for users: anything else is not found.
/// </summary>
[AuditedAccess(AuditKinds.Report)]
public class ReportFileModel(CqpDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var file = await db.ReportRunFiles.AsNoTracking()
            .Where(f => f.Id == id && db.ReportRuns.Any(r => r.Id == f.ReportRunId && r.State == ReportRunState.Succeeded
                // The answers file names holders: SIST downloads it from /Analyse/Enquetes, nobody from here.
                && r.Kind != Reports.ReportKinds.SurveyAnswers))
            .Select(f => new { f.FileName, f.ContentType, f.Content })
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
