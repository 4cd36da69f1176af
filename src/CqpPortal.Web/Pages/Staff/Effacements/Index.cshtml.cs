using System.ComponentModel.DataAnnotations;
using CqpPortal.Domain.Privacy;
using CqpPortal.Web.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Pages.Staff.Effacements;

/// <summary>
/// « Effacements » : the candidates' erasure requests (execute or refuse), the erasures the retention job ran, and its
/// dry run (who it would erase tonight, and why) — the dry run changes nothing.
/// </summary>
[Audit.AuditedAccess(Audit.AuditKinds.Erasure)] // executing or refusing a person's erasure request (the request's id)
public class ErasuresModel(ErasureRequests requests, Erasures erasures, RetentionSweep sweep, Data.CqpDbContext db, UserManager<Identity.PortalUser> users) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Dites au candidat pourquoi sa demande est refusée.")]
        [StringLength(1000, ErrorMessage = "1000 caractères au plus.")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed record Row(ErasureRequestView Request, ErasurePlan? Plan);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(RetentionItem Item, string Name)> DryRun { get; private set; } = [];
    public int SurveysToReduce { get; private set; }
    public int? RefusingId { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostExecuteAsync(int id)
    {
        var result = await requests.ExecuteAsync(id, users.GetUserId(User)!);
        if (!result.Found) return NotFound();
        if (result.Error is { } error)
        {
            ModelState.AddModelError(string.Empty, $"Effacement refusé : {error}");
            await LoadAsync();
            return Page();
        }
        Message = "Les données de la personne sont effacées. " + ErasureRequests.Outcome(result.Plan!);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRefuseAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            RefusingId = id;
            await LoadAsync();
            return Page();
        }
        var result = await requests.RefuseAsync(id, users.GetUserId(User)!, Input.Reason!);
        if (!result.Found) return NotFound();
        Message = "La demande est refusée ; le candidat voit le motif dans « Mes données ».";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var list = await requests.ForStaffAsync(200);
        var rows = new List<Row>();
        foreach (var r in list) rows.Add(new Row(r, r.State == ErasureState.Pending ? await erasures.PlanAsync(r.CandidateId) : null));
        Rows = rows;
        var report = await sweep.ListAsync();
        var ids = report.People.Select(p => p.CandidateId).ToList();
        var names = await db.Candidates.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName);
        DryRun = report.People.Select(p => (p, names.GetValueOrDefault(p.CandidateId, "?"))).ToList();
        SurveysToReduce = report.SurveyIds.Count;
    }
}
