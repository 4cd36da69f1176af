using System.Text;
using CqpPortal.Web.Calendar;
using CqpPortal.Web.Data;
using CqpPortal.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Calendrier;

public class CalendarSessionIcsModel(CqpDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Hosting.PortalSettings> settings) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Certification).FirstOrDefaultAsync(s => s.Id == id && s.CancelledAt == null);
        if (session is null) return NotFound();
        var ics = ICalendarWriter.Write([Convocation.Event(session, session.Certification!.Name, settings.Value)], clock.GetUtcNow(), session.Certification.Name);
        return File(Encoding.UTF8.GetBytes(ics), ICalendarWriter.ContentType, $"session-{session.Id}.ics");
    }
}
