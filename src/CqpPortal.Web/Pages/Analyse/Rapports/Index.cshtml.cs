using CqpPortal.Web.Audit;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CqpPortal.Domain.Time;
using CqpPortal.Web.Formatting;

namespace CqpPortal.Web.Pages.Analyse.Rapports;

/// <summary>
/// The report runs (SIST, the committee, the training organisation): start any kind of report a producer declares (a
/// year, a past jury), follow each run's progress, download the files of the runs that succeeded. The page can be left
/// and come back to: runs go on in the scheduler. After a launch the chosen parameters stay chosen (they come back in
/// the redirect's query). The same report asked again while it is queued or running starts no second run
/// (<see cref="ReportRuns.RequestAsync"/>): the page says so and marks the run already there.
/// </summary>
[NotAudited("asks for a report run (a year or a jury session); the files, which may name people, are read on /Analyse/Rapports/Fichier, audited")]
public class ReportRunsModel(ReportRunList list, ReportRuns runs, ReportRequests requests, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    /// <summary>The kind to start; the annual pack when absent (the page's first form).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? SessionId { get; set; }

    public IReadOnlyList<ReportKindDescriptor> Kinds { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<JuryChoice> Juries { get; private set; } = [];
    public IReadOnlyList<ReportRunRow> Runs { get; private set; } = [];
    public bool AnyActive { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Said when the same report (kind and parameters) was already queued or running: no second run was made.</summary>
    [TempData]
    public string? AlreadyRunning { get; set; }

    /// <summary>The run the message is about, marked in the list.</summary>
    [TempData]
    public int? Highlight { get; set; }

    public async Task OnGetAsync()
    {
        ModelState.Clear(); // parameters in the query only choose what the forms show
        Year ??= DayInParis.Today(clock).Year - 1;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var kind = requests.Find(Kind ?? ReportKinds.AnnualPack);
        if (kind is null)
        {
            ModelState.AddModelError(nameof(Kind), "Choisissez un rapport proposé sur cette page.");
            return await PageAsync();
        }
        Kind = kind.Kind;
        var check = await requests.CheckAsync(kind, Year, SessionId, HttpContext.RequestAborted);
        foreach (var (field, message) in check.Errors) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return await PageAsync();

        var user = await users.GetUserAsync(User);
        var (run, alreadyActive) = await runs.RequestAsync(kind.Kind, kind.Parameter == ReportParameter.Year ? Year : null, kind.Parameter == ReportParameter.JurySession ? SessionId : null,
            user?.Id, user?.DisplayName is { Length: > 0 } name ? name : User.Identity?.Name ?? "", HttpContext.RequestAborted);
        if (alreadyActive)
        {
            AlreadyRunning = $"Ce rapport est déjà en cours (n° {run.Id}, demandé par {run.RequestedByName} le {FrenchFormat.DateTime(run.CreatedAt)}) : "
                + "aucun second rapport n'a été lancé. Son avancement s'affiche ci-dessous.";
            Highlight = run.Id;
            return RedirectToPage(new { Kind = kind.Kind, Year, SessionId });
        }
        Message = kind.Kind == ReportKinds.AnnualPack
            ? $"Le dossier annuel {Year} est lancé (n° {run.Id}) : son avancement s'affiche ci-dessous. Vous pouvez quitter cette page et y revenir."
            : $"Le rapport « {kind.Label} » est lancé (n° {run.Id}) : son avancement s'affiche ci-dessous. Vous pouvez quitter cette page et y revenir.";
        Notice = check.Notice;
        return RedirectToPage(new { Kind = kind.Kind, Year, SessionId });
    }

    /// <summary>The runs as JSON for the page's progress polling, and whether any is still queued or running.</summary>
    public async Task<IActionResult> OnGetStateAsync() => new JsonResult(new
    {
        running = await list.AnyActiveAsync(HttpContext.RequestAborted),
        runs = await list.LatestAsync(HttpContext.RequestAborted),
    });

    private async Task<IActionResult> PageAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Kinds = requests.Offered();
        Years = requests.OfferedYears();
        Juries = Kinds.Any(k => k.Parameter == ReportParameter.JurySession) ? await requests.PastJuriesAsync(HttpContext.RequestAborted) : [];
        Runs = await list.LatestAsync(HttpContext.RequestAborted);
        AnyActive = await list.AnyActiveAsync(HttpContext.RequestAborted);
    }
}
