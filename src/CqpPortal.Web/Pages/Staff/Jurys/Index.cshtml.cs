using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Jurys;

/// <summary>The jury sessions: coming ones to convene candidates to, past ones (last 12 months) whose decisions to record.</summary>
public class StaffJuriesModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, DateTimeOffset StartsAt, string PlaceName, string City, int Convened, int Decided, bool Cancelled);

    public List<Row> Coming { get; private set; } = [];
    public List<Row> Past { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var rows = await db.Sessions.Where(s => s.Kind == SessionKind.Jury && s.StartsAt > now.AddMonths(-12)).OrderBy(s => s.StartsAt)
            .Select(s => new Row(s.Id, s.StartsAt, s.PlaceName, s.City, s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled),
                db.JuryDecisions.Count(j => j.SessionId == s.Id), s.CancelledAt != null))
            .ToListAsync();
        Coming = rows.Where(r => r.StartsAt > now).ToList();
        Past = rows.Where(r => r.StartsAt <= now).OrderByDescending(r => r.StartsAt).ToList();
    }
}
