using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Calendrier;

/// <summary>One session's public page, and its .ics (handler "ics"). An unknown id is the French 404.</summary>
public class CalendarSessionModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public Session Item { get; private set; } = null!;
    public int SeatsLeft { get; private set; }
    public string Status { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (session is null) return NotFound();
        var enrolled = await db.SessionEnrolments.CountAsync(e => e.SessionId == id && e.State == EnrolmentState.Enrolled);
        (Item, SeatsLeft) = (session, Math.Max(0, session.Capacity - enrolled));
        Status = SessionStatus.Of(session.CancelledAt is not null, session.Capacity, enrolled, session.RegistrationDeadline, FrenchFormat.TodayInParis(clock));
        return Page();
    }
}
