using CqpPortal.Web.Audit;
using CqpPortal.Web.Calendar;
using CqpPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Formation;

/// <summary>
/// A trainee's convocation to a training session, as PDF or calendar entry (?format=pdf|ics), for any reader the training
/// record's access rule lets in (the trainee, staff, the manager of a followed employee) and only while the trainee is
/// enrolled in that session; anything else answers 404, as an unknown id would.
/// </summary>
[AuditedAccess(AuditKinds.Training, Subject = "sessionId")]
public class ConvocationModel(TrainingAccess access, TrainingSessions sessions, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Hosting.PortalSettings> settings) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int sessionId, int registrationId, string? format)
    {
        format = format?.ToLowerInvariant();
        if (format is not (null or "pdf" or "ics")) return NotFound();
        if (!await access.CanReadAsync(User, registrationId)) return NotFound();
        if (await sessions.ConvocationAsync(sessionId, registrationId) is not { } facts) return NotFound();
        var stem = TrainingConvocation.FileStem(facts.Session);
        return format == "ics"
            ? File(TrainingConvocation.Ics(facts, clock.GetUtcNow(), settings.Value), ICalendarWriter.ContentType, $"{stem}.ics")
            : File(TrainingConvocation.Pdf(facts), "application/pdf", $"{stem}.pdf");
    }
}
