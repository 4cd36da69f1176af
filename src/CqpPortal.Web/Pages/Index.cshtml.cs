using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages;

public class IndexModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>A coming session as the calendar shows it: seats only where candidates sign up (never for a jury), and its state.</summary>
    public sealed record UpcomingSession(int Id, DateTimeOffset StartsAt, SessionKind Kind, string City, Region Region, int? SeatsLeft, SessionAvailability Availability);

    public List<UpcomingSession> Upcoming { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var today = DayInParis.Today(clock);
        var coming = await db.Sessions
            .Where(s => s.StartsAt > now && s.CancelledAt == null)
            .OrderBy(s => s.StartsAt)
            .Take(6)
            .Select(s => new { s.Id, s.StartsAt, s.Kind, s.City, s.Region, s.Capacity, s.RegistrationDeadline,
                Enrolled = s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled) })
            .ToListAsync();
        Upcoming = coming.Select(s => new UpcomingSession(s.Id, s.StartsAt, s.Kind, s.City, s.Region,
                SessionAvailabilityRule.SeatsShown(s.Kind, s.Capacity, s.Enrolled),
                SessionAvailabilityRule.Of(s.Kind, false, s.Capacity, s.Enrolled, s.RegistrationDeadline, today)))
            .ToList();
    }
}
