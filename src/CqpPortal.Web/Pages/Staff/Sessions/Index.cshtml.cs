using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Lists;
using CqpPortal.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Sessions;

/// <summary>
/// Every evaluation, VAE situation and jury session with its enrolments: coming ones unless past ones are asked for,
/// searched and filtered (<see cref="SessionListQuery"/>), a page at a time, exported.
/// </summary>
public class StaffSessionsModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, DateTimeOffset StartsAt, SessionKind Kind, string PlaceName, string City, Region Region, int Capacity, int Enrolled, int Waiting, bool Cancelled);

    public static readonly IReadOnlyList<SessionKind> Kinds = [SessionKind.Evaluation, SessionKind.VaeSituation, SessionKind.Jury];

    public static readonly IReadOnlyList<ListColumn<Row>> Columns =
    [
        new("Date", s => FrenchFormat.DateTime(s.StartsAt), s => $"/Staff/Sessions/Edition/{s.Id}"),
        new("Session", s => FrenchLabels.Of(s.Kind)),
        new("Lieu", s => $"{s.PlaceName}, {s.City}"),
        new("Région", s => FrenchLabels.Of(s.Region)),
        new("Inscrits / places", s => $"{s.Enrolled} / {s.Capacity}", Number: true),
        new("En attente", s => s.Waiting.ToString(), Number: true),
        new("État", s => s.Cancelled ? "Annulée" : "Maintenue"),
        new("Transmission SIST", _ => "Fichier .xlsx", s => $"/Staff/Sessions/Transmission/{s.Id}", Exported: false),
    ];

    [BindProperty(SupportsGet = true)]
    public SessionListQuery Filter { get; set; } = new();

    public ListPage<Row> Sessions { get; private set; } = null!;
    public int PastCount { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        Sessions = await Rows().PageAsync(Filter);
        if (Filter.Shown == SessionListQuery.Coming) PastCount = await Filter.Apply(Listed(), clock.GetUtcNow(), SessionListQuery.Past).CountAsync();
        Years = await SessionListQuery.YearsAsync(Listed());
    }

    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        ListExport.File(format, $"sessions-{DayInParis.Today(clock):yyyy-MM-dd}", "Sessions", Columns, await Rows().ToListAsync()) ?? NotFound();

    private IQueryable<Session> Listed() => db.Sessions.AsNoTracking().Where(s => s.Kind != SessionKind.Training);

    private IQueryable<Row> Rows() =>
        Filter.Apply(Listed(), clock.GetUtcNow()).Select(s => new Row(s.Id, s.StartsAt, s.Kind, s.PlaceName, s.City, s.Region, s.Capacity,
            s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled), s.Enrolments.Count(e => e.State == EnrolmentState.Waiting), s.CancelledAt != null));
}
