using CqpPortal.Web.Data;
using CqpPortal.Web.Downloads;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Documents;

/// <summary>Every download of the site: the PDFs the portal generates, then the library staff fill (approved by SIST), newest first.</summary>
public class DownloadsModel(DocumentLibrary documents, GeneratedDocuments generated) : PageModel
{
    public sealed record Item(string Title, DocumentAudience Audience, string? Description, long Size, DateTimeOffset Date, string Url);

    public List<Item> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var library = await documents.Published().OrderByDescending(d => d.UploadedAt)
            .Select(d => new Item(d.Title, d.Audience, d.Description, d.Size, d.UploadedAt, "/documents/bibliotheque/" + d.Id)).ToListAsync();
        Items = [.. generated.All().Select(g => new Item(g.Title, g.Audience, g.Description, g.Content.Length, g.Date, $"/documents/{g.Key}.pdf")), .. library];
    }
}
