using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Candidat;

/// <summary>A document of the signed-in candidate's own file; anyone else's id answers 404, revealing nothing.</summary>
public class CandidateDocumentModel(CqpDbContext db, UserManager<Identity.PortalUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var userId = users.GetUserId(User);
        var document = await db.CandidateDocuments.Where(d => d.Id == id && d.Candidate!.UserId == userId)
            .Select(d => new { d.FileName, d.ContentType, d.Content }).FirstOrDefaultAsync();
        return document is null ? NotFound() : File(document.Content, document.ContentType, document.FileName);
    }
}
