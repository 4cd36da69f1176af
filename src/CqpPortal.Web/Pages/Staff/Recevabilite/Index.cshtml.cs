using CqpPortal.Web.Audit;
using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Time;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Lists;
using CqpPortal.Web.Prerequisites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Recevabilite;

/// <summary>
/// The queue of submitted registrations, oldest first, with the computed pre-check: searched by name, e-mail or file
/// number, filtered by route, region, year of submission and pre-check, a page at a time, exported.
/// </summary>
[AuditedAccess(AuditKinds.List, Handlers = "Export")]
public class AdmissibilityQueueModel(CqpDbContext db, CertificationRules rules, TimeProvider clock, Registrations.JourneyDeadlines deadlines) : PageModel
{
    public sealed record Row(int Id, string Name, string Email, CertificationRoute Route, Region Region, DateOnly? RegisteredOn, int DaysWaiting, bool Eligible);

    /// <summary>The filters: <c>voie</c>, <c>region</c>, <c>annee</c> (of submission), <c>precontrole</c> « remplies » or « non-remplies ».</summary>
    public sealed class Query : ListQuery
    {
        [FromQuery(Name = "voie")] public CertificationRoute? Route { get; set; }
        [FromQuery(Name = "region")] public Region? Region { get; set; }
        [FromQuery(Name = "annee")] public int? Year { get; set; }
        [FromQuery(Name = "precontrole")] public string? PreCheck { get; set; }

        public bool Narrowed => Search is not null || Route is not null || Region is not null || Year is not null || PreCheck is not null;
    }

    public static readonly IReadOnlyList<ListColumn<Row>> Columns =
    [
        new("Dossier", r => r.Id.ToString(), Number: true),
        new("Candidat", r => r.Name, r => $"/Staff/Recevabilite/Dossier/{r.Id}"),
        new("Adresse électronique", r => r.Email),
        new("Voie", r => FrenchLabels.Of(r.Route)),
        new("Région", r => FrenchLabels.Of(r.Region)),
        new("Déposé le", r => r.RegisteredOn is { } d ? FrenchFormat.Date(d) : "—"),
        new("Attente (jours)", r => r.DaysWaiting.ToString(), Number: true),
        new("Pré-contrôle", r => r.Eligible ? "Conditions remplies" : "Conditions non remplies"),
    ];

    [BindProperty(SupportsGet = true)]
    public Query Filter { get; set; } = new();

    public ListPage<Row> Waiting { get; private set; } = null!;

    /// <summary>Every file waiting for a decision, before the search and filters.</summary>
    public int WaitingCount { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>Admissible files within 90 days of their journey's deadline (the weekly digest's list).</summary>
    public IReadOnlyList<Email.DeadlineDigestRow> NearDeadline { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        Waiting = (await RowsAsync()).Page(Filter);
        WaitingCount = await Submitted().CountAsync();
        Years = (await Submitted().Where(r => r.RegisteredOn != null).Select(r => r.RegisteredOn!.Value.Year).Distinct().ToListAsync()).OrderDescending().ToList();
        NearDeadline = await deadlines.NearAsync();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format) =>
        ListExport.File(format, $"recevabilite-{DayInParis.Today(clock):yyyy-MM-dd}", "Recevabilité", Columns, await RowsAsync()) ?? NotFound();

    private IQueryable<Registration> Submitted() => db.Registrations.AsNoTracking().Where(r => r.State == RegistrationState.Submitted);

    /// <summary>The filtered queue; the pre-check is the certification's rule applied to each file, so its filter runs on the rows read.</summary>
    private async Task<List<Row>> RowsAsync()
    {
        var today = DayInParis.Today(clock);
        var engines = await rules.AllAsync();
        var query = Submitted();
        if (Filter.Route is { } route) query = query.Where(r => r.Route == route);
        if (Filter.Region is { } region) query = query.Where(r => r.Region == region);
        if (Filter.Year is { } year) query = query.Where(r => r.RegisteredOn != null && r.RegisteredOn.Value.Year == year);
        if (Filter.SearchPattern is { } pattern)
        {
            var number = Filter.SearchNumber;
            query = query.Where(r => r.Id == number || EF.Functions.ILike(EF.Functions.Unaccent(r.Candidate!.FirstName + " " + r.Candidate.LastName), pattern)
                || EF.Functions.ILike(EF.Functions.Unaccent(r.Candidate.LastName + " " + r.Candidate.FirstName), pattern) || EF.Functions.ILike(EF.Functions.Unaccent(r.Candidate.Email), pattern));
        }
        var rows = await query.OrderBy(r => r.RegisteredOn).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.CertificationId, r.Candidate!.FirstName, r.Candidate.LastName, r.Candidate.Email, r.Route, r.Region, r.RegisteredOn, r.EducationLevel, r.TeleSecretaryMonths, r.PhoneJobMonths, r.PhoneTimeShare, r.PhoneJobKind })
            .ToListAsync();
        return rows.Select(r => new Row(r.Id, $"{r.LastName.ToUpperInvariant()} {r.FirstName}", r.Email, r.Route, r.Region, r.RegisteredOn,
                r.RegisteredOn is { } d ? today.DayNumber - d.DayNumber : 0,
                engines[r.CertificationId].Check(new PrerequisiteInput(r.EducationLevel, r.TeleSecretaryMonths, r.PhoneJobMonths, r.PhoneTimeShare, r.PhoneJobKind, r.Route)).Eligible))
            .Where(r => Filter.PreCheck switch { "remplies" => r.Eligible, "non-remplies" => !r.Eligible, _ => true })
            .ToList();
    }
}
