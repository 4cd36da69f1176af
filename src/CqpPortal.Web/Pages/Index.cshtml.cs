using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages;

public class IndexModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public sealed record UpcomingSession(DateTimeOffset StartsAt, SessionKind Kind, string City, Region Region, int Capacity, int Enrolled);

    public List<UpcomingSession> Upcoming { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        Upcoming = await db.Sessions
            .Where(s => s.StartsAt > now && s.CancelledAt == null)
            .OrderBy(s => s.StartsAt)
            .Take(6)
            .Select(s => new UpcomingSession(s.StartsAt, s.Kind, s.City, s.Region, s.Capacity,
                s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled)))
            .ToListAsync();
    }
}
