using CqpPortal.Web.Downloads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Documents;

/// <summary>A PDF the portal generates (registration form, guides), as an attachment with its fixed file name.</summary>
public class GeneratedFileModel(GeneratedDocuments generated) : PageModel
{
    public IActionResult OnGet(string key) =>
        generated.Find(key) is { } document ? File(document.Content, "application/pdf", document.FileName) : NotFound();
}
