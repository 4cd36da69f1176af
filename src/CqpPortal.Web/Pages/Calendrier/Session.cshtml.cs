using CqpPortal.Domain.Sessions;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Pages.Calendrier;

/// <summary>One session's public page; an unknown id is the French 404.</summary>
public class CalendarSessionModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public Session Item { get; private set; } = null!;
    public int SeatsLeft { get; private set; }
    public SessionAvailability Availability { get; private set; }
    public bool Past { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (session is null) return NotFound();
        var enrolled = await db.SessionEnrolments.CountAsync(e => e.SessionId == id && e.State == EnrolmentState.Enrolled);
        (Item, SeatsLeft, Past) = (session, SessionAvailabilityRule.SeatsLeft(session.Capacity, enrolled), session.StartsAt <= clock.GetUtcNow());
        Availability = SessionAvailabilityRule.Of(session.Kind, session.CancelledAt is not null, session.Capacity, enrolled, session.RegistrationDeadline, DayInParis.Today(clock));
        return Page();
    }
}
