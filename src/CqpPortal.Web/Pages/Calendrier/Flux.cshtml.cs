using System.Text;
using CqpPortal.Web.Calendar;
using CqpPortal.Web.Data;
using CqpPortal.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Calendrier;

/// <summary>The iCalendar feed of every coming, non-cancelled session, for agenda subscriptions.</summary>
public class CalendarFeedModel(CqpDbContext db, TimeProvider clock, Certificates.CertificationNames names, Microsoft.Extensions.Options.IOptions<Hosting.PortalSettings> settings) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.StartsAt > now && s.CancelledAt == null).OrderBy(s => s.StartsAt).ToListAsync();
        var certification = await names.NameAsync();
        var ics = ICalendarWriter.Write(sessions.Select(s => Convocation.Event(s, certification, settings.Value)), now, $"{certification} – sessions");
        return File(Encoding.UTF8.GetBytes(ics), ICalendarWriter.ContentType, "calendrier-cqp.ics");
    }
}
