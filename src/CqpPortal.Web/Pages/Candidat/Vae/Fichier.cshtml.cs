using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Candidat.Vae;

/// <summary>A document of the signed-in candidate's own booklets, as an attachment; anyone else's id answers 404.</summary>
public class BookletFileModel(VaeFileAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id) => this.Attachment(await access.DocumentAsync(id, User));
}
