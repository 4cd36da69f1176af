using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff;

/// <summary>The training organisation's dashboard: what waits for a decision, and the coming sessions.</summary>
public class StaffHomeModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public sealed record SessionRow(DateTimeOffset StartsAt, SessionKind Kind, string City, int Enrolled, int Capacity);

    public int Waiting { get; private set; }
    public int Incomplete { get; private set; }
    public int InProgress { get; private set; }
    public int Holders { get; private set; }
    public List<SessionRow> Sessions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Waiting = await db.Registrations.CountAsync(r => r.State == RegistrationState.Submitted);
        Incomplete = await db.Registrations.CountAsync(r => r.State == RegistrationState.Incomplete);
        InProgress = await db.Registrations.CountAsync(r => r.State == RegistrationState.Admissible && !r.JuryDecisions.Any());
        Holders = await db.JuryDecisions.Where(JuryDecision.IsFinal).CountAsync(j => j.Result == JuryResult.TotalValidation);
        var now = clock.GetUtcNow();
        Sessions = await db.Sessions.Where(s => s.StartsAt > now && s.CancelledAt == null && s.Kind != SessionKind.Training).OrderBy(s => s.StartsAt).Take(10)
            .Select(s => new SessionRow(s.StartsAt, s.Kind, s.City, s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled), s.Capacity))
            .ToListAsync();
    }
}
