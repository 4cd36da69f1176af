using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Jurys;

/// <summary>
/// The jury sessions, coming ones first (to convene candidates to); past ones (whose decisions to record) behind the
/// « passés » filter; searched by place or town, filtered by year, region and state, a page at a time, and exported.
/// </summary>
public class StaffJuriesModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, DateTimeOffset StartsAt, string PlaceName, string City, Region Region, int Convened, int Decided, bool Cancelled, bool Past);

    /// <summary>The filters: <c>periode</c> « a-venir » (default), « passes » or « tous »; <c>annee</c>; <c>region</c>; <c>etat</c> « maintenus » or « annules ».</summary>
    public sealed class Query : ListQuery
    {
        [FromQuery(Name = "periode")] public string? Period { get; set; }
        [FromQuery(Name = "annee")] public int? Year { get; set; }
        [FromQuery(Name = "region")] public Region? Region { get; set; }
        [FromQuery(Name = "etat")] public string? State { get; set; }

        public string Shown => Period is "passes" or "tous" ? Period : "a-venir";
    }

    public static readonly IReadOnlyList<ListColumn<Row>> Columns =
    [
        new("Date", r => FrenchFormat.DateTime(r.StartsAt), r => $"/Staff/Jurys/Session/{r.Id}"),
        new("Lieu", r => $"{r.PlaceName}, {r.City}"),
        new("Région", r => FrenchLabels.Of(r.Region)),
        new("Convoqués", r => r.Convened.ToString(), Number: true),
        new("Décisions", r => r.Decided.ToString(), Number: true),
        new("État", r => r.Cancelled ? "Annulé" : r.Past ? "Passé" : "À venir"),
    ];

    [BindProperty(SupportsGet = true)]
    public Query Filter { get; set; } = new();

    public ListPage<Row> Juries { get; private set; } = null!;

    /// <summary>Past juries matching the other filters, offered while the coming ones are shown.</summary>
    public int PastCount { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Juries = await Rows(Filter.Shown).PageAsync(Filter);
        if (Filter.Shown == "a-venir") PastCount = await Rows("passes").CountAsync();
        Years = await YearsAsync();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        ListExport.File(format, $"jurys-{DayInParis.Today(clock):yyyy-MM-dd}", "Jurys", Columns, await Rows(Filter.Shown).ToListAsync()) ?? NotFound();

    private IQueryable<Row> Rows(string period)
    {
        var now = clock.GetUtcNow();
        var sessions = db.Sessions.AsNoTracking().Where(s => s.Kind == SessionKind.Jury);
        if (period == "a-venir") sessions = sessions.Where(s => s.StartsAt > now);
        if (period == "passes") sessions = sessions.Where(s => s.StartsAt <= now);
        if (Filter.Year is { } year)
        {
            var (from, to) = (DayInParis.Start(new DateOnly(year, 1, 1)), DayInParis.Start(new DateOnly(year + 1, 1, 1)));
            sessions = sessions.Where(s => s.StartsAt >= from && s.StartsAt < to);
        }
        if (Filter.Region is { } region) sessions = sessions.Where(s => s.Region == region);
        if (Filter.State == "maintenus") sessions = sessions.Where(s => s.CancelledAt == null);
        if (Filter.State == "annules") sessions = sessions.Where(s => s.CancelledAt != null);
        if (Filter.SearchPattern is { } pattern)
            sessions = sessions.Where(s => EF.Functions.ILike(s.PlaceName, pattern) || EF.Functions.ILike(s.City, pattern) || EF.Functions.ILike(s.PostalCode, pattern));
        var ordered = period == "a-venir" ? sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Id) : sessions.OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id);
        return ordered.Select(s => new Row(s.Id, s.StartsAt, s.PlaceName, s.City, s.Region, s.Enrolments.Count(e => e.State == EnrolmentState.Enrolled),
            db.JuryDecisions.Count(j => j.SessionId == s.Id), s.CancelledAt != null, s.StartsAt <= now));
    }

    private async Task<IReadOnlyList<int>> YearsAsync()
    {
        var range = await db.Sessions.Where(s => s.Kind == SessionKind.Jury).GroupBy(_ => 1)
            .Select(g => new { First = g.Min(s => s.StartsAt), Last = g.Max(s => s.StartsAt) }).FirstOrDefaultAsync();
        return range is null ? [] : Enumerable.Range(DayInParis.Of(range.First).Year, DayInParis.Of(range.Last).Year - DayInParis.Of(range.First).Year + 1).Reverse().ToList();
    }
}
