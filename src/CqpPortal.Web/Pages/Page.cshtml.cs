using CqpPortal.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages;

/// <summary>A Markdown page of content/ (the CQP, prerequisites, FAQ, legal notices…), by its file name.</summary>
public class ContentPageModel(ContentLibrary library) : PageModel
{
    public ContentPage Document { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        var page = library.Find(slug);
        if (page is null) return NotFound();
        Document = page;
        return Page();
    }
}
