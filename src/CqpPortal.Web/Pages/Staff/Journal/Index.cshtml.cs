using CqpPortal.Domain.Time;
using CqpPortal.Web.Audit;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Lists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Journal;

/// <summary>
/// The journal of reads and changes of people's files (<see cref="AuditFilter"/>), for the administrator only: searched
/// by the acting person's e-mail, a file or subject number, a kind and Paris days, newest first, a page at a time, exported.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public class AuditJournalModel(CqpDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(long Id, DateTimeOffset At, string UserEmail, string Role, string Kind, int? SubjectId, int? RegistrationId,
        bool Change, string Method, string Path, string? Handler, int StatusCode, string? IpAddress, string? Detail);

    /// <summary>The filters: <c>q</c> (e-mail of the person acting, any part), <c>numero</c> (file or subject number), <c>type</c>, <c>du</c> and <c>au</c> (days in Paris).</summary>
    public sealed class Query : ListQuery
    {
        [FromQuery(Name = "numero")] public int? Number { get; set; }
        [FromQuery(Name = "type")] public string? Kind { get; set; }
        [FromQuery(Name = "du")] public DateOnly? From { get; set; }
        [FromQuery(Name = "au")] public DateOnly? To { get; set; }

        public bool Narrowed => Search is not null || Number is not null || !string.IsNullOrEmpty(Kind) || From is not null || To is not null;
    }

    public static readonly IReadOnlyList<ListColumn<Row>> Columns =
    [
        new("Date", r => DayInParis.Local(r.At).ToString("dd/MM/yyyy HH:mm:ss", Hosting.PortalWebExtensions.French)),
        new("Personne", r => r.UserEmail),
        new("Rôle", r => string.Join(", ", r.Role.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Roles.Label))),
        new("Type", r => r.Kind),
        new("Objet n°", r => r.SubjectId?.ToString() ?? "", Number: true),
        new("Dossier n°", r => r.RegistrationId?.ToString() ?? "", Number: true),
        new("Action", r => r.Kind == AuditKinds.Alert ? "Alerte" : r.Change ? "Modification" : "Lecture"),
        new("Adresse demandée", r => $"{r.Method} {r.Path}" + (r.Handler is null ? "" : $" ({r.Handler})")),
        new("Réponse", r => r.StatusCode.ToString(), Number: true),
        new("Adresse IP", r => r.IpAddress ?? "inconnue"),
        new("Détail", r => r.Detail ?? ""),
    ];

    [BindProperty(SupportsGet = true)]
    public Query Filter { get; set; } = new();

    public ListPage<Row> Entries { get; private set; } = null!;

    /// <summary>What is wrong with the filters, in French (the list is then shown without the dates).</summary>
    public string? DatesError { get; private set; }

    public async Task OnGetAsync()
    {
        Entries = await Filtered().PageAsync(Filter, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        ListExport.File(format, $"journal-des-acces-{DayInParis.Today(clock):yyyy-MM-dd}", "Journal", Columns,
            await Filtered().ToListAsync(HttpContext.RequestAborted)) ?? NotFound();

    // Instants in UTC: Npgsql writes only offset 0 to timestamptz.
    private IQueryable<Row> Filtered()
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (Filter.SearchPattern is { } pattern) entries = entries.Where(e => EF.Functions.ILike(EF.Functions.Unaccent(e.UserEmail), pattern));
        if (Filter.Number is { } number) entries = entries.Where(e => e.RegistrationId == number || e.SubjectId == number);
        if (!string.IsNullOrEmpty(Filter.Kind)) entries = entries.Where(e => e.Kind == Filter.Kind);
        if (Filter.From is { } from && Filter.To is { } to && from > to)
            DatesError = "La date de début (« du ») est après la date de fin (« au ») : les dates ne sont pas appliquées.";
        else
        {
            if (Filter.From is { } start) { var at = DayInParis.Start(start).ToUniversalTime(); entries = entries.Where(e => e.At >= at); }
            if (Filter.To is { } end) { var before = DayInParis.Start(end.AddDays(1)).ToUniversalTime(); entries = entries.Where(e => e.At < before); }
        }
        return entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new Row(e.Id, e.At, e.UserEmail, e.Role, e.Kind, e.SubjectId, e.RegistrationId, e.Change, e.Method, e.Path, e.Handler, e.StatusCode, e.IpAddress, e.Detail));
    }
}
