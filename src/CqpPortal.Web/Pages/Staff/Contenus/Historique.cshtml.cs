using CqpPortal.Web.Content;
using CqpPortal.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Contenus;

/// <summary>Every saved version of a content page (who proposed it and when, SIST's decision), one shown on demand, any older one proposed again as a new revision.</summary>
public class StaffContentHistoryModel(ContentPages pages) : PageModel
{
    public string Slug { get; private set; } = "";
    public string PageTitle { get; private set; } = "";
    public IReadOnlyList<ContentVersion> Versions { get; private set; } = [];

    /// <summary>The version the public reads (0: the initial file).</summary>
    public int PublishedId { get; private set; }
    public int? ShownId { get; private set; }
    public string? ShownMarkdown { get; private set; }
    public ContentPage? Shown { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, int? version)
    {
        if (!await LoadAsync(slug)) return NotFound();
        if (version is { } id)
        {
            ShownMarkdown = await pages.VersionAsync(slug, id);
            if (ShownMarkdown is null) return NotFound();
            (ShownId, Shown) = (id, ContentLibrary.Render(slug, ShownMarkdown));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string slug, int version)
    {
        if (!await LoadAsync(slug)) return NotFound();
        var result = await pages.RestoreAsync(slug, version, User.Identity!.Name!, Url.PublicPage("/Analyse/AvisConforme/Index"));
        if (!result.Saved)
        {
            ModelState.AddModelError("", result.Error!);
            return Page();
        }
        Message = $"Version rétablie sur « {PageTitle} » et proposée au SIST : elle sera publiée dès son avis conforme.";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(string slug)
    {
        Slug = slug;
        if (!pages.Exists(slug) || await pages.FindAsync(slug) is not { } page) return false;
        PageTitle = page.Title;
        Versions = await pages.HistoryAsync(slug);
        PublishedId = await pages.PublishedIdAsync(slug);
        return true;
    }
}
