using System.Text;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Calendar;
using CqpPortal.Web.Data;
using CqpPortal.Web.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Candidat.Sessions;

/// <summary>The .ics of one of the signed-in candidate's own enrolments; any other id is a 404.</summary>
public class EnrolmentCalendarModel(CqpDbContext db, UserManager<Identity.PortalUser> users, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Hosting.PortalSettings> settings) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var userId = users.GetUserId(User);
        var session = await db.Sessions.Include(s => s.Certification)
            .Where(s => s.Enrolments.Any(e => e.Id == id && e.State == EnrolmentState.Enrolled && e.Registration!.Candidate!.UserId == userId))
            .FirstOrDefaultAsync();
        if (session is null) return NotFound();
        var ics = ICalendarWriter.Write([Convocation.Event(session, session.Certification!.Name, settings.Value)], clock.GetUtcNow(), session.Certification.Name);
        return File(Encoding.UTF8.GetBytes(ics), ICalendarWriter.ContentType, $"session-{session.Id}.ics");
    }
}
