using CqpPortal.Web.Audit;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vae;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Vae;

/// <summary>
/// The VAE booklets: those waiting for staff (oldest submission first, with the days waited) unless another state is
/// asked for; searched by name, e-mail or file number, filtered by booklet and year of submission, a page at a time, exported.
/// </summary>
[AuditedAccess(AuditKinds.List, Handlers = "Export")]
public class BookletQueueModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, int RegistrationId, string Name, string Email, BookletKind Kind, BookletState State, int Version, DateTimeOffset? SubmittedAt, int DaysWaiting);

    /// <summary>The filters: <c>etat</c> (a booklet state, « tous », or the ones waiting by default), <c>livret</c>, <c>annee</c> (of submission).</summary>
    public sealed class Query : ListQuery
    {
        [FromQuery(Name = "etat")] public string? State { get; set; }
        [FromQuery(Name = "livret")] public BookletKind? Kind { get; set; }
        [FromQuery(Name = "annee")] public int? Year { get; set; }

        /// <summary>The state shown: the one asked for, « tous », or the booklets waiting (submitted).</summary>
        public BookletState? Shown => State == "tous" ? null : Enum.TryParse<BookletState>(State, out var state) && Enum.IsDefined(state) ? state : BookletState.Submitted;

        public bool Narrowed => Search is not null || Kind is not null || Year is not null;
    }

    public static readonly IReadOnlyList<ListColumn<Row>> Columns =
    [
        new("Dossier", r => r.RegistrationId.ToString(), Number: true),
        new("Candidat", r => r.Name, r => $"/Staff/Vae/Livret/{r.Id}"),
        new("Adresse électronique", r => r.Email),
        new("Livret", r => BookletLabels.Of(r.Kind)),
        new("État", r => BookletLabels.Of(r.State, r.Kind)),
        new("Envoyé le", r => r.SubmittedAt is { } at ? FrenchFormat.DateTime(at) : "—"),
        new("Attente (jours)", r => r.State == BookletState.Submitted ? r.DaysWaiting.ToString() : "", Number: true),
        new("Version", r => r.Version.ToString(), Number: true),
    ];

    public static readonly IReadOnlyList<BookletState> States = [BookletState.Submitted, BookletState.Incomplete, BookletState.Admissible, BookletState.NotAdmissible, BookletState.Draft];

    [BindProperty(SupportsGet = true)]
    public Query Filter { get; set; } = new();

    public ListPage<Row> Booklets { get; private set; } = null!;

    /// <summary>Booklets waiting for staff, whatever the filters.</summary>
    public int WaitingCount { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        var page = await Filtered().PageAsync(Filter);
        Booklets = new ListPage<Row>(page.Rows.Select(WithDaysWaiting).ToList(), page.Total, page.Number, page.PageSize);
        WaitingCount = await db.Booklets.CountAsync(b => b.State == BookletState.Submitted);
        Years = (await db.Booklets.Where(b => b.SubmittedAt != null).Select(b => b.SubmittedAt!.Value.Year).Distinct().ToListAsync()).OrderDescending().ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        ListExport.File(format, $"livrets-vae-{DayInParis.Today(clock):yyyy-MM-dd}", "Livrets", Columns, (await Filtered().ToListAsync()).Select(WithDaysWaiting)) ?? NotFound();

    private Row WithDaysWaiting(Row row) =>
        row with { DaysWaiting = row.SubmittedAt is { } at ? DayInParis.Today(clock).DayNumber - DayInParis.Of(at).DayNumber : 0 };

    private IQueryable<Row> Filtered()
    {
        var booklets = db.Booklets.AsNoTracking();
        if (Filter.Shown is { } state) booklets = booklets.Where(b => b.State == state);
        if (Filter.Kind is { } kind) booklets = booklets.Where(b => b.Kind == kind);
        if (Filter.Year is { } year and > 1900 and < 3000)
        {
            var (from, to) = (DayInParis.Start(new DateOnly(year, 1, 1)), DayInParis.Start(new DateOnly(year + 1, 1, 1)));
            booklets = booklets.Where(b => b.SubmittedAt >= from && b.SubmittedAt < to);
        }
        if (Filter.SearchPattern is { } pattern)
        {
            var number = Filter.SearchNumber;
            booklets = booklets.Where(b => b.RegistrationId == number || EF.Functions.ILike(EF.Functions.Unaccent(b.Registration!.Candidate!.FirstName + " " + b.Registration.Candidate.LastName), pattern)
                || EF.Functions.ILike(EF.Functions.Unaccent(b.Registration.Candidate.LastName + " " + b.Registration.Candidate.FirstName), pattern) || EF.Functions.ILike(EF.Functions.Unaccent(b.Registration.Candidate.Email), pattern));
        }
        var ordered = Filter.Shown == BookletState.Submitted
            ? booklets.OrderBy(b => b.SubmittedAt).ThenBy(b => b.Id)
            : booklets.OrderBy(b => b.State).ThenBy(b => b.Registration!.Candidate!.LastName).ThenBy(b => b.Registration!.Candidate!.FirstName).ThenBy(b => b.Id);
        return ordered.Select(b => new Row(b.Id, b.RegistrationId, b.Registration!.Candidate!.LastName.ToUpper() + " " + b.Registration.Candidate.FirstName,
            b.Registration.Candidate.Email, b.Kind, b.State, b.Version, b.SubmittedAt, 0));
    }
}
