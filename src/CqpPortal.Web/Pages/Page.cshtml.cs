using CqpPortal.Web.Contacts;
using CqpPortal.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Pages;

/// <summary>A content page (the CQP, prerequisites, FAQ, legal notices…): staff's newest revision, or the Markdown file.</summary>
public class ContentPageModel(ContentPages pages, IOptions<OrganisationContact> organisation) : PageModel
{
    /// <summary>The legal notice's page: its publisher, director of publication and host come from the settings, above the text.</summary>
    public const string LegalNoticeSlug = "mentions-legales";

    public ContentPage Document { get; private set; } = null!;

    /// <summary>
    /// On the legal notice only: who publishes and hosts the site (LCEN, art. 6), from the <c>Organisation</c> settings,
    /// printed by the page and not by the Markdown, so that a content revision can neither remove nor change it.
    /// </summary>
    public OrganisationContact? LegalNotice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var page = await pages.FindAsync(slug);
        if (page is null) return NotFound();
        Document = page;
        if (slug == LegalNoticeSlug) LegalNotice = organisation.Value;
        return Page();
    }
}
