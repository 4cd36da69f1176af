using CqpPortal.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Contenus;

/// <summary>Staff edit a content page's Markdown; "Prévisualiser" renders it on the server (no script), "Enregistrer" saves a revision.</summary>
public class StaffContentEditModel(ContentPages pages) : PageModel
{
    [BindProperty]
    public string? Markdown { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string Slug { get; private set; } = "";
    public string PageTitle { get; private set; } = "";
    public ContentPage? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug)) return NotFound();
        Markdown = await pages.MarkdownAsync(slug);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string slug)
    {
        if (!await LoadAsync(slug)) return NotFound();
        if (ContentPages.Check(slug, Markdown) is { } error) ModelState.AddModelError(nameof(Markdown), error);
        else Preview = ContentLibrary.Render(slug, Markdown!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (!await LoadAsync(slug)) return NotFound();
        var result = await pages.SaveAsync(slug, Markdown ?? "", User.Identity!.Name!);
        if (!result.Saved)
        {
            ModelState.AddModelError(nameof(Markdown), result.Error!);
            return Page();
        }
        Message = $"Page « {ContentLibrary.Render(slug, Markdown!).Title} » enregistrée et publiée.";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(string slug)
    {
        Slug = slug;
        if (await pages.FindAsync(slug) is not { } page || !pages.Exists(slug)) return false;
        PageTitle = page.Title;
        return true;
    }
}
