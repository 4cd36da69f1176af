using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Sessions;

public class StaffSessionsModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, DateTimeOffset StartsAt, SessionKind Kind, string City, int Capacity, int Enrolled, int Waiting, bool Cancelled);

    public List<Row> Sessions { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        var from = Now.AddMonths(-3);
        Sessions = await db.Sessions.Where(s => s.StartsAt > from).OrderBy(s => s.StartsAt)
            .Select(s => new Row(s.Id, s.StartsAt, s.Kind, s.City, s.Capacity, s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled),
                s.Enrolments.Count(e => e.State == EnrolmentState.Waiting), s.CancelledAt != null))
            .ToListAsync();
    }
}
