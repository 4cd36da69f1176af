using CqpPortal.Web.Audit;
using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Data;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Downloads;
using CqpPortal.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Documents;

/// <summary>Staff fill the public document library: upload a PDF with its title, audience and description (a proposal until SIST's « avis conforme »), or withdraw one.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
[RequestSizeLimit(64 * 1024 * 1024)]
[NotAudited("the PDFs of the public library: nobody's file")]
public class StaffDocumentsModel(CqpDbContext db, DocumentLibrary library) : PageModel
{
    public static IEnumerable<SelectListItem> Audiences => DocumentLibrary.AudienceLabels.Select(a => new SelectListItem(a.Value, a.Key.ToString()));

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez le titre du document.")]
        [StringLength(200, ErrorMessage = "200 caractères au plus.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Choisissez le public du document.")]
        public DocumentAudience? Audience { get; set; }

        [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "Choisissez un fichier PDF.")]
        public IFormFile? File { get; set; }
    }

    public sealed record Row(int Id, string Title, DocumentAudience Audience, int Size, DateTimeOffset UploadedAt, string UploadedBy,
        ApprovalState Approval, string? ReviewedBy, DateTimeOffset? ReviewedAt, string? RefusalReason);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public List<Row> Documents { get; private set; } = [];
    public int MaxBytes => library.MaxBytes;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        byte[] content = [];
        if (Input.File is { } file)
        {
            // Read at most one byte past the limit: enough to refuse a file that is too large without holding it all.
            using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await CopyAtMostAsync(stream, buffer, library.MaxBytes + 1);
            content = buffer.ToArray();
        }
        if (ModelState.IsValid)
        {
            var result = await library.UploadAsync(new DocumentUpload(Input.Title, Input.Audience!.Value, Input.Description, Input.File!.FileName, content), User.Identity!.Name!,
                Url.PublicPage("/Analyse/AvisConforme/Index"));
            foreach (var (field, error) in result.Errors)
                ModelState.AddModelError(field == nameof(DocumentUpload.Content) ? "Input.File" : $"Input.{field}", error);
            if (result.DocumentId is not null)
            {
                Message = $"Document « {Input.Title.Trim()} » déposé : il sera publié dès l'avis conforme du SIST.";
                return RedirectToPage();
            }
        }
        if (Input.File is not null && ModelState.ErrorCount > 0 && ModelState["Input.File"]?.Errors.Count is null or 0)
            ModelState.AddModelError("Input.File", "Pour des raisons de sécurité, le navigateur ne garde pas le fichier : choisissez-le à nouveau.");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (!await library.DeleteAsync(id)) return NotFound();
        Message = "Document retiré de la page publique.";
        return RedirectToPage();
    }

    private async Task LoadAsync() =>
        Documents = await db.LibraryDocuments.OrderByDescending(d => d.UploadedAt)
            .Select(d => new Row(d.Id, d.Title, d.Audience, d.Size, d.UploadedAt, d.UploadedBy, d.Approval, d.ReviewedBy, d.ReviewedAt, d.RefusalReason)).ToListAsync();

    private static async Task CopyAtMostAsync(Stream source, Stream target, int limit)
    {
        var buffer = new byte[81920];
        int read;
        while (target.Length < limit && (read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - target.Length)))) > 0)
            await target.WriteAsync(buffer.AsMemory(0, read));
    }
}
