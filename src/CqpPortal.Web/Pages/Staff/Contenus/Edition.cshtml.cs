using CqpPortal.Web.Content;
using CqpPortal.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Contenus;

/// <summary>
/// Staff edit a content page's Markdown; "Prévisualiser" renders it on the server (no script), "Enregistrer et proposer"
/// saves a revision that SIST's analysts approve before it is public (the « avis conforme »).
/// </summary>
public class StaffContentEditModel(ContentPages pages) : PageModel
{
    [BindProperty]
    public string? Markdown { get; set; }

    [TempData]
    public string? Message { get; set; }

    public string Slug { get; private set; } = "";
    public string PageTitle { get; private set; } = "";
    public ContentPage? Preview { get; private set; }

    /// <summary>The newest revision when it is not the public one: a proposal waiting for SIST, or refused.</summary>
    public ContentVersion? Unpublished { get; private set; }

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

    // A handler of its own: after a preview the page's address ends in ?handler=Preview, and a button without one posted there again.
    public async Task<IActionResult> OnPostSaveAsync(string slug)
    {
        if (!await LoadAsync(slug)) return NotFound();
        var result = await pages.SaveAsync(slug, Markdown ?? "", User.Identity!.Name!, Url.PublicPage("/Analyse/AvisConforme/Index"));
        if (!result.Saved)
        {
            ModelState.AddModelError(nameof(Markdown), result.Error!);
            return Page();
        }
        Message = $"Page « {ContentLibrary.Render(slug, Markdown!).Title} » enregistrée et proposée au SIST : elle sera publiée dès son avis conforme.";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(string slug)
    {
        Slug = slug;
        if (await pages.FindAsync(slug) is not { } page || !pages.Exists(slug)) return false;
        PageTitle = page.Title;
        Unpublished = await pages.NewestUnpublishedAsync(slug);
        return true;
    }
}
