using System.Globalization;
using System.Text;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Email;
using CqpPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Downloads;

public sealed record DocumentUpload(string Title, DocumentAudience Audience, string? Description, string OriginalName, byte[] Content);

public sealed record DocumentUploadResult(int? DocumentId, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// The public document library: staff upload PDFs, checked by their first bytes (a renamed file is refused) and by
/// size; each is served under a file name made from its title, never from what the uploader's disk called it. An
/// upload is a proposal: it is listed for the public only once a SIST analyst gives the « avis conforme »
/// (<see cref="Publishing.Proposals"/>); who may download which is <see cref="LibraryDocumentAccess"/>.
/// </summary>
public sealed class DocumentLibrary(CqpDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<PortalSettings> settings, SistMailer sist)
{
    public const int DefaultMaxBytes = 10 * 1024 * 1024;

    public int MaxBytes => settings.Value.DocumentMaxBytes;

    public static readonly IReadOnlyDictionary<DocumentAudience, string> AudienceLabels = new Dictionary<DocumentAudience, string>
    {
        [DocumentAudience.Everyone] = "Tous publics",
        [DocumentAudience.Candidates] = "Candidats",
        [DocumentAudience.VaeCandidates] = "Candidats à la VAE",
        [DocumentAudience.Companies] = "Entreprises",
    };

    /// <summary>Only a PDF by its first bytes is accepted, whatever its name says.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> content) => Domain.Documents.FileSignatures.Detect(content) == Domain.Documents.FileSignatures.Pdf;

    /// <summary>The documents the public sees: approved ones only.</summary>
    public IQueryable<LibraryDocument> Published() => db.LibraryDocuments.Where(d => d.Approval == ApprovalState.Approved);

    /// <summary>Saves the PDF as a proposal and tells SIST's analysts; <paramref name="reviewLink"/> is where they decide.</summary>
    public async Task<DocumentUploadResult> UploadAsync(DocumentUpload upload, string uploadedBy, string reviewLink)
    {
        var errors = new Dictionary<string, string>();
        if (upload.Content.Length == 0) errors[nameof(DocumentUpload.Content)] = "Choisissez un fichier PDF.";
        else if (upload.Content.Length > MaxBytes) errors[nameof(DocumentUpload.Content)] = $"Le fichier dépasse la taille maximale de {FileSize(MaxBytes)}.";
        else if (!IsPdf(upload.Content)) errors[nameof(DocumentUpload.Content)] = "Ce fichier n'est pas un PDF : seuls les documents PDF sont acceptés.";
        if (string.IsNullOrWhiteSpace(upload.Title)) errors[nameof(DocumentUpload.Title)] = "Saisissez le titre du document.";
        if (errors.Count > 0) return new DocumentUploadResult(null, errors);

        var document = new LibraryDocument
        {
            Title = upload.Title.Trim(), Audience = upload.Audience, Description = string.IsNullOrWhiteSpace(upload.Description) ? null : upload.Description.Trim(),
            FileName = SafeFileName(upload.Title), Content = upload.Content, Size = upload.Content.Length, UploadedAt = clock.GetUtcNow().ToUniversalTime(), UploadedBy = uploadedBy,
            Approval = ApprovalState.Proposed,
        };
        db.LibraryDocuments.Add(document);
        await db.SaveChangesAsync();
        await sist.ProposalToReviewAsync($"le document « {document.Title} » pour la page « Documents à télécharger »", uploadedBy, reviewLink);
        return new DocumentUploadResult(document.Id, errors);
    }

    public async Task<bool> DeleteAsync(int id)
    {
        var document = await db.LibraryDocuments.FirstOrDefaultAsync(d => d.Id == id);
        if (document is null) return false;
        db.LibraryDocuments.Remove(document); // through SaveChanges, so the public list's cache is evicted
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>"Guide du jury 2026 (v2).pdf" → "guide-du-jury-2026-v2.pdf": ASCII letters, digits and hyphens only.</summary>
    public static string SafeFileName(string title)
    {
        var plain = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c) switch { 'œ' => "oe", 'æ' => "ae", var x => x.ToString() };
            foreach (var l in lower)
                plain.Append(l is >= 'a' and <= 'z' or >= '0' and <= '9' ? l : '-');
        }
        var slug = string.Join('-', plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > 80) slug = slug[..80].TrimEnd('-');
        return (slug.Length == 0 ? "document" : slug) + ".pdf";
    }

    /// <summary>« 245 ko », « 1,2 Mo »: the portal's one format (<see cref="Domain.Documents.FileSize"/>).</summary>
    public static string FileSize(long bytes) => Domain.Documents.FileSize.InFrench(bytes);
}
