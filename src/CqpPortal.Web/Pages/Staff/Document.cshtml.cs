using CqpPortal.Web.Audit;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff;

/// <summary>Staff of the training organisation read any candidate's documents (the /Staff folder is for the Staff role only).</summary>
[AuditedAccess(AuditKinds.Document)]
public class StaffDocumentModel(CqpDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var document = await db.CandidateDocuments.Where(d => d.Id == id)
            .Select(d => new { d.FileName, d.ContentType, d.Content }).FirstOrDefaultAsync();
        return document is null ? NotFound() : File(document.Content, document.ContentType, document.FileName);
    }
}
