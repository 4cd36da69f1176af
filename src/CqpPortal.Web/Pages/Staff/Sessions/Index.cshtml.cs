using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Sessions;

/// <summary>Every session, coming first then past (the last three months unless all are asked for), with its enrolments.</summary>
public class StaffSessionsModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, DateTimeOffset StartsAt, SessionKind Kind, string PlaceName, string City, int Capacity, int Enrolled, int Waiting, bool Cancelled);

    public List<Row> Coming { get; private set; } = [];
    public List<Row> Past { get; private set; } = [];
    public bool AllPast { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(string? passees)
    {
        AllPast = passees == "toutes";
        var now = clock.GetUtcNow();
        var from = AllPast ? DateTimeOffset.MinValue : now.AddMonths(-3);
        var rows = await db.Sessions.Where(s => s.StartsAt > from && s.Kind != SessionKind.Training).OrderBy(s => s.StartsAt)
            .Select(s => new Row(s.Id, s.StartsAt, s.Kind, s.PlaceName, s.City, s.Capacity, s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled),
                s.Enrolments.Count(e => e.State == EnrolmentState.Waiting), s.CancelledAt != null))
            .ToListAsync();
        Coming = rows.Where(r => r.StartsAt > now).ToList();
        Past = rows.Where(r => r.StartsAt <= now).OrderByDescending(r => r.StartsAt).ToList();
    }
}
