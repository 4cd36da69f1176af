using CqpPortal.Web.Audit;
using CqpPortal.Domain.Publishing;
using CqpPortal.Web.Content;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Analyse.AvisConforme;

/// <summary>
/// SIST's analysts give the « avis conforme » on behalf of the CPNEFP: each content page proposal beside the published
/// version (rendered, and the changed lines), each library PDF to download, approved or refused with a reason.
/// </summary>
[NotAudited("the « avis conforme » on content pages and public PDFs: nobody's file")]
public class AvisConformeModel(Proposals proposals, ContentPages pages) : PageModel
{
    public sealed record ContentItem(ContentProposal Proposal, ContentPage Published, ContentPage Proposed, IReadOnlyList<DiffLine> Changes);

    public IReadOnlyList<ContentItem> ContentItems { get; private set; } = [];
    public IReadOnlyList<DocumentProposal> Documents { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>The proposal whose decision was refused ("content-12", "document-3"), to show the error and the reason typed beside it.</summary>
    public string? FailedFor { get; private set; }
    public string? FailedReason { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    // The decision is the button pressed; a post without one (no button) decides nothing.
    public async Task<IActionResult> OnPostContentAsync(int id, ApprovalDecision? decision, string? reason)
    {
        if (decision is not { } chosen) return BadRequest();
        var result = await proposals.DecideContentAsync(id, User, chosen, reason, slug => Url.PublicPage("/Staff/Contenus/Historique", new { slug }));
        return await AfterAsync(result, $"content-{id}", chosen, reason);
    }

    public async Task<IActionResult> OnPostDocumentAsync(int id, ApprovalDecision? decision, string? reason)
    {
        if (decision is not { } chosen) return BadRequest();
        var result = await proposals.DecideDocumentAsync(id, User, chosen, reason, Url.PublicPage("/Staff/Documents/Index"));
        return await AfterAsync(result, $"document-{id}", chosen, reason);
    }

    private async Task<IActionResult> AfterAsync(DecisionResult? result, string key, ApprovalDecision decision, string? reason)
    {
        if (result is null) return NotFound();
        if (result.Done)
        {
            Message = decision == ApprovalDecision.Approve ? "Avis conforme donné : la version est publiée." : "Proposition refusée : son auteur en est informé avec la raison.";
            return RedirectToPage();
        }
        (FailedFor, FailedReason) = (key, reason);
        ModelState.AddModelError(key, result.Error!);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var items = new List<ContentItem>();
        foreach (var proposal in await proposals.ContentAsync())
        {
            var published = await pages.PublishedMarkdownAsync(proposal.Slug) ?? "";
            var proposed = await pages.VersionAsync(proposal.Slug, proposal.Id) ?? "";
            items.Add(new ContentItem(proposal, ContentLibrary.Render(proposal.Slug, published), ContentLibrary.Render(proposal.Slug, proposed), LineDiff.Compare(published, proposed)));
        }
        ContentItems = items;
        Documents = await proposals.DocumentsAsync();
    }
}
