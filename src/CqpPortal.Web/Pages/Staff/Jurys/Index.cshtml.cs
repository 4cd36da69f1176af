using CqpPortal.Web.Audit;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Lists;
using CqpPortal.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Jurys;

/// <summary>
/// The jury sessions: coming ones (to convene candidates to) unless past ones (whose decisions to record) are asked for;
/// searched by place or town, filtered by year, region and state (<see cref="SessionListQuery"/>), a page at a time, exported.
/// </summary>
[AuditedAccess(AuditKinds.List, Handlers = "Export")]
public class StaffJuriesModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, DateTimeOffset StartsAt, string PlaceName, string City, Region Region, int Convened, int Decided, bool Cancelled, bool Past);

    public static readonly IReadOnlyList<ListColumn<Row>> Columns =
    [
        new("Date", r => FrenchFormat.DateTime(r.StartsAt), r => $"/Staff/Jurys/Session/{r.Id}"),
        new("Lieu", r => $"{r.PlaceName}, {r.City}"),
        new("Région", r => FrenchLabels.Of(r.Region)),
        new("Convoqués", r => r.Convened.ToString(), Number: true),
        new("Décisions", r => r.Decided.ToString(), Number: true),
        new("État", r => r.Cancelled ? "Annulé" : r.Past ? "Passé" : "À venir"),
    ];

    /// <summary>Juries only: the filters offer no session type.</summary>
    public static readonly IReadOnlyList<SessionKind> NoKinds = [];

    [BindProperty(SupportsGet = true)]
    public SessionListQuery Filter { get; set; } = new();

    public ListPage<Row> Juries { get; private set; } = null!;

    /// <summary>Past juries matching the other filters, offered (folded away) while the coming ones are shown.</summary>
    public int PastCount { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Juries = await Rows().PageAsync(Filter);
        if (Filter.Shown == SessionListQuery.Coming) PastCount = await Filter.Apply(JurySessions(), clock.GetUtcNow(), SessionListQuery.Past).CountAsync();
        Years = await SessionListQuery.YearsAsync(JurySessions());
    }

    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        ListExport.File(format, $"jurys-{DayInParis.Today(clock):yyyy-MM-dd}", "Jurys", Columns, await Rows().ToListAsync()) ?? NotFound();

    private IQueryable<Session> JurySessions() => db.Sessions.AsNoTracking().Where(s => s.Kind == SessionKind.Jury);

    private IQueryable<Row> Rows()
    {
        var now = clock.GetUtcNow();
        return Filter.Apply(JurySessions(), now).Select(s => new Row(s.Id, s.StartsAt, s.PlaceName, s.City, s.Region,
            s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled), db.JuryDecisions.Count(j => j.SessionId == s.Id), s.CancelledAt != null, s.StartsAt <= now));
    }
}
