using CqpPortal.Domain.Vae;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Pages.Staff.Vae;

/// <summary>The VAE booklets waiting for staff, oldest submission first, with the days waited; then the others by state.</summary>
public class BookletQueueModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Name, BookletKind Kind, BookletState State, int Version, DateTimeOffset? SubmittedAt, int DaysWaiting);

    public List<Row> Waiting { get; private set; } = [];
    public List<Row> Others { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        var today = DayInParis.Today(clock);
        var rows = await db.Booklets.OrderBy(b => b.SubmittedAt).ThenBy(b => b.Id)
            .Select(b => new { b.Id, b.Registration!.Candidate!.FirstName, b.Registration.Candidate.LastName, b.Kind, b.State, b.Version, b.SubmittedAt })
            .ToListAsync();
        var all = rows.Select(b => new Row(b.Id, $"{b.LastName.ToUpperInvariant()} {b.FirstName}", b.Kind, b.State, b.Version, b.SubmittedAt,
            b.SubmittedAt is { } at ? today.DayNumber - DayInParis.Of(at).DayNumber : 0)).ToList();
        Waiting = all.Where(r => r.State == BookletState.Submitted).ToList();
        Others = all.Where(r => r.State != BookletState.Submitted).OrderBy(r => r.State).ThenBy(r => r.Name).ToList();
    }
}
