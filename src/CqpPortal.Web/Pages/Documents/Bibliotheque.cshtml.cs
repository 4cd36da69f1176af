using CqpPortal.Web.Audit;
using CqpPortal.Web.Downloads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Documents;

/// <summary>
/// A PDF of the library, under the safe file name made from its title when it was uploaded: approved ones for anyone,
/// proposals for staff and SIST's analysts only (<see cref="LibraryDocumentAccess"/>); anyone else gets 404.
/// </summary>
[NotAudited("a PDF of the public library: nobody's file")]
public class LibraryFileModel(LibraryDocumentAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var document = await access.FileAsync(id, User);
        if (document is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(document.Content, "application/pdf", document.FileName);
    }
}
