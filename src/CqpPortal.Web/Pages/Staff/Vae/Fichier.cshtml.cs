using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Vae;

/// <summary>A document of any VAE booklet, for staff (the folder is staff-only), as an attachment.</summary>
public class StaffBookletFileModel(CqpDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var document = await db.BookletDocuments.Where(d => d.Id == id).Select(d => new { d.FileName, d.ContentType, d.Content }).FirstOrDefaultAsync();
        if (document is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(document.Content, document.ContentType, document.FileName);
    }
}
