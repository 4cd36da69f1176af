using CqpPortal.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages;

/// <summary>A content page (the CQP, prerequisites, FAQ, legal notices…): staff's newest revision, or the Markdown file.</summary>
public class ContentPageModel(ContentPages pages) : PageModel
{
    public ContentPage Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var page = await pages.FindAsync(slug);
        if (page is null) return NotFound();
        Document = page;
        return Page();
    }
}
