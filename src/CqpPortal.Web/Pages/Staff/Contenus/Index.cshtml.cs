using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Content;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Contenus;

/// <summary>The content pages staff can edit, with their last change and its « avis conforme ».</summary>
public class StaffContentListModel(ContentPages pages, CqpDbContext db) : PageModel
{
    public sealed record Row(string Slug, string Title, DateTimeOffset? SavedAt, string? SavedBy, ApprovalState? Approval, string? RefusalReason);

    [TempData]
    public string? Message { get; set; }

    public List<Row> Pages { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var latest = await db.ContentRevisions.GroupBy(r => r.Slug).Select(g => g.OrderByDescending(r => r.Id).Select(r => new { r.Slug, r.SavedAt, r.SavedBy, r.Approval, r.RefusalReason }).First()).ToListAsync();
        foreach (var slug in pages.Slugs())
        {
            var page = (await pages.FindAsync(slug))!;
            var last = latest.FirstOrDefault(l => l.Slug == slug);
            Pages.Add(new Row(slug, page.Title, last?.SavedAt, last?.SavedBy, last?.Approval, last?.RefusalReason));
        }
    }
}
