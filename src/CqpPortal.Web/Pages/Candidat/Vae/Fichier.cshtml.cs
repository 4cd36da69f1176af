using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Candidat.Vae;

/// <summary>A document of the signed-in candidate's own booklets, as an attachment; anyone else's id answers 404.</summary>
public class BookletFileModel(CqpDbContext db, UserManager<Identity.PortalUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var userId = users.GetUserId(User);
        var document = await db.BookletDocuments.Where(d => d.Id == id && d.Booklet!.Registration!.Candidate!.UserId == userId && userId != null)
            .Select(d => new { d.FileName, d.ContentType, d.Content }).FirstOrDefaultAsync();
        if (document is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(document.Content, document.ContentType, document.FileName);
    }
}
