using CqpPortal.Domain.Vae;
using CqpPortal.Web.Data;
using CqpPortal.Web.Vae;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Candidat.Vae;

/// <summary>
/// What the candidate's booklet 1 and booklet 2 pages share: the file field, the confirmations, the documents and the
/// history, and attaching or removing a document without losing what the candidate typed on the page (the form keeps
/// the typed text; its version follows the booklet only if it was the current one).
/// </summary>
public abstract class CandidateBookletPage(CqpDbContext db, VaeDrafts drafts, VaeReviews reviews) : PageModel
{
    protected CqpDbContext Db => db;
    protected VaeDrafts Drafts => drafts;
    protected VaeReviews Reviews => reviews;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>A confirmation carried over a redirect (save, send).</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>A confirmation shown on this answer only (upload, removal): a TempData one would show again on the next page.</summary>
    public string? Notice { get; protected set; }

    public Booklet? Booklet { get; protected set; }
    public List<BookletQueries.DocumentInfo> Documents { get; protected set; } = [];
    public List<VaeReviews.HistoryRow> History { get; protected set; } = [];
    public VaeSettings Limits => drafts.Settings;

    /// <summary>The version of the booklet the posted form was made from.</summary>
    protected abstract int FormVersion { get; set; }

    /// <summary>
    /// Stores the chosen file after the page's own checks (already in ModelState); false with the refusal beside the
    /// field, or at the top when the booklet is locked (it then shows no field).
    /// </summary>
    /// <param name="typed">What the candidate may have typed and should still save, for the confirmation (« vos emplois »).</param>
    protected async Task<bool> AttachAsync(BookletDocumentKind? kind, int? activityId, string typed)
    {
        if (Upload is null) ModelState.AddModelError(nameof(Upload), "Choisissez un fichier à joindre.");
        if (kind is null) ModelState.AddModelError("Input.DocumentKind", "Choisissez le type de pièce.");
        if (!ModelState.IsValid) return false;
        var before = Booklet!.Version;
        await using var stream = Upload!.OpenReadStream();
        if (await drafts.AddDocumentAsync(Booklet, kind!.Value, activityId, Upload.FileName, Upload.Length, stream) is { } refusal)
        {
            ModelState.AddModelError(Booklet.IsEditable ? nameof(Upload) : string.Empty, refusal);
            return false;
        }
        if (FormVersion == before) FormVersion = Booklet.Version;
        Documents = await db.BookletDocumentsAsync(Booklet.Id);
        Notice = $"Pièce jointe : {Documents[^1].FileName}. Pensez à enregistrer votre brouillon si vous avez modifié {typed}.";
        return true;
    }

    /// <summary>Removes one document of this booklet (another booklet's id changes nothing).</summary>
    protected async Task<BookletSave> DetachAsync(int documentId)
    {
        var before = Booklet!.Version;
        var gone = Documents.FirstOrDefault(d => d.Id == documentId);
        var removed = await drafts.RemoveDocumentAsync(Booklet, documentId);
        if (removed != BookletSave.Saved) return removed;
        if (FormVersion == before) FormVersion = Booklet.Version;
        Documents = await db.BookletDocumentsAsync(Booklet.Id);
        Notice = gone is null ? null : $"Pièce retirée : {gone.FileName}.";
        return removed;
    }

    /// <summary>Why a save of the candidate was not made, in French: the booklet is locked, or changed meanwhile.</summary>
    protected void AddRefusal(BookletSave outcome) =>
        ModelState.AddModelError(string.Empty, outcome == BookletSave.Locked
            ? "Ce livret est envoyé : il ne peut plus être modifié. Ce que vous avez saisi n'a pas été enregistré."
            : "Ce livret a été modifié entre-temps (dans un autre onglet ou une autre session) : vos saisies ci-dessous n'ont pas été enregistrées. "
              + "Copiez-les si besoin, puis rechargez la page pour repartir de la dernière version.");
}
