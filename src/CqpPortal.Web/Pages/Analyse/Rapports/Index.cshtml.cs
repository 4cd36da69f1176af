using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Statistics;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Identity;
using CqpPortal.Web.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CqpPortal.Domain.Time;

namespace CqpPortal.Web.Pages.Analyse.Rapports;

/// <summary>
/// The report runs (SIST, the committee, the training organisation): start an annual pack, follow each run's progress,
/// download the files of the runs that succeeded. The page can be left and come back to: runs go on in the scheduler.
/// </summary>
public class ReportRunsModel(ReportRunList list, ReportRuns runs, UserManager<PortalUser> users, TimeProvider clock) : PageModel
{
    public const int YearsOffered = 10;

    [BindProperty]
    [Display(Name = "Année du dossier")]
    [Required(ErrorMessage = "Choisissez l'année du dossier annuel.")]
    public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<ReportRunRow> Runs { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        Year ??= DayInParis.Today(clock).Year - 1;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Years = OfferedYears();
        if (ModelState.IsValid && !Years.Contains(Year!.Value))
            ModelState.AddModelError(nameof(Year), $"Choisissez une année entre {Years[^1]} et {Years[0]}.");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var user = await users.GetUserAsync(User);
        var run = await runs.QueueAsync(ReportKinds.AnnualPack, Year, null, user?.Id, user?.DisplayName is { Length: > 0 } name ? name : User.Identity?.Name ?? "",
            HttpContext.RequestAborted);
        Message = $"Le dossier annuel {Year} est lancé (n° {run.Id}) : son avancement s'affiche ci-dessous. Vous pouvez quitter cette page et y revenir.";
        return RedirectToPage();
    }

    /// <summary>The runs as JSON for the page's progress polling.</summary>
    public async Task<IActionResult> OnGetStateAsync() => new JsonResult(await list.LatestAsync(HttpContext.RequestAborted));

    private IReadOnlyList<int> OfferedYears()
    {
        var current = DayInParis.Today(clock).Year;
        return Enumerable.Range(0, YearsOffered).Select(i => current - i).Where(AnnualStatistics.IsValidYear).ToList();
    }

    private async Task LoadAsync()
    {
        Years = OfferedYears();
        Runs = await list.LatestAsync(HttpContext.RequestAborted);
    }
}
