using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Documents;

/// <summary>A PDF of the public library, under the safe file name made from its title when it was uploaded.</summary>
public class LibraryFileModel(CqpDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var document = await db.LibraryDocuments.Where(d => d.Id == id).Select(d => new { d.FileName, d.Content }).FirstOrDefaultAsync();
        return document is null ? NotFound() : File(document.Content, "application/pdf", document.FileName);
    }
}
