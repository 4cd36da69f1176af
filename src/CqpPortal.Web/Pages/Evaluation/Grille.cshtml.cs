using CqpPortal.Web.Audit;
using System.ComponentModel.DataAnnotations;
using CqpPortal.Web.Evaluations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Evaluation;

/// <summary>
/// A candidate's evaluation grid at one of the evaluator's sessions: the evaluator marks, the co-evaluator confirms or
/// disagrees, both sign, a signed grid is corrected by a new version. Works without JavaScript (« Enregistrer »); with
/// it, <c>wwwroot/js/grid-draft.js</c> saves each competence as it is typed (handler Autosave).
/// </summary>
[AuditedAccess(AuditKinds.Grid, Subject = "enrolmentId")]
public class EvaluationGridModel(EvaluationGrids grids, UserManager<Identity.PortalUser> users) : PageModel
{
    public sealed class EntryInput
    {
        public bool? Acquired { get; set; }

        // An emptied textarea is sent as "" (clears the text); a field not sent stays null (leaves it as it was).
        [DisplayFormat(ConvertEmptyStringToNull = false)]
        [StringLength(2000, ErrorMessage = "2000 caractères au plus par observation.")]
        public string? Observation { get; set; }

        public bool? Agrees { get; set; }

        [DisplayFormat(ConvertEmptyStringToNull = false)]
        [StringLength(2000, ErrorMessage = "2000 caractères au plus par observation.")]
        public string? CoObservation { get; set; }
    }

    public sealed class InputModel
    {
        /// <summary>By competence id.</summary>
        public Dictionary<int, EntryInput> Entries { get; set; } = [];

        [DisplayFormat(ConvertEmptyStringToNull = false)]
        [StringLength(4000, ErrorMessage = "4000 caractères au plus.")]
        public string? GeneralObservation { get; set; }

        [StringLength(1000, ErrorMessage = "1000 caractères au plus.")]
        public string? Reason { get; set; }
    }

    public sealed record AutosaveAnswer(bool Saved, string? Message);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public EvaluationGrids.GridView? View { get; private set; }

    /// <summary>Why the grid does not open (candidate absent, session to come…).</summary>
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int enrolmentId)
    {
        if (!await LoadAsync(enrolmentId)) return NotFound();
        if (View is not null) Input = FromGrid(View);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int enrolmentId) =>
        await SaveThenAsync(enrolmentId, "Grille enregistrée.", null);

    /// <summary>Saves what is typed, then signs: the signature covers what is on the screen.</summary>
    public async Task<IActionResult> OnPostSignAsync(int enrolmentId) =>
        await SaveThenAsync(enrolmentId, "Votre signature est enregistrée.", () => grids.SignAsync(enrolmentId, User, users.GetUserId(User)!));

    public async Task<IActionResult> OnPostCorrectAsync(int enrolmentId)
    {
        if (!ModelState.IsValid) return await RedisplayAsync(enrolmentId);
        var outcome = await grids.CorrectAsync(enrolmentId, User, Input.Reason);
        if (!outcome.Found) return NotFound();
        if (outcome.Refusal is not null) return await RedisplayAsync(enrolmentId, outcome.Refusal);
        Message = "Nouvelle version créée : corrigez la grille, puis signez-la tous les deux.";
        return RedirectToPage(new { enrolmentId });
    }

    /// <summary>One competence (or the general observation) sent by the script as it is typed; the same checks, answered in JSON.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int enrolmentId)
    {
        if (!ModelState.IsValid)
            return new JsonResult(new AutosaveAnswer(false, "Non enregistré : " + string.Join(" ", Errors()))) { StatusCode = 422 };
        var outcome = await grids.SaveAsync(enrolmentId, User, Entries(), Input.GeneralObservation);
        if (!outcome.Found) return NotFound();
        return outcome.Refusal is null
            ? new JsonResult(new AutosaveAnswer(true, null))
            : new JsonResult(new AutosaveAnswer(false, "Non enregistré : " + outcome.Refusal + " Votre saisie reste sur la page.")) { StatusCode = 422 };
    }

    private async Task<IActionResult> SaveThenAsync(int enrolmentId, string done, Func<Task<EvaluationGrids.Outcome>>? then)
    {
        if (!ModelState.IsValid) return await RedisplayAsync(enrolmentId);
        var outcome = Input.Entries.Count > 0 || Input.GeneralObservation is not null
            ? await grids.SaveAsync(enrolmentId, User, Entries(), Input.GeneralObservation)
            : EvaluationGrids.Outcome.Done;
        if (outcome.Refusal is null && outcome.Found && then is not null) outcome = await then();
        if (!outcome.Found) return NotFound();
        if (outcome.Refusal is not null) return await RedisplayAsync(enrolmentId, outcome.Refusal);
        Message = done;
        return RedirectToPage(new { enrolmentId });
    }

    /// <summary>The page again with the reason and what the user typed, nothing saved.</summary>
    private async Task<IActionResult> RedisplayAsync(int enrolmentId, string? refusal = null)
    {
        if (refusal is not null) ModelState.AddModelError(string.Empty, refusal);
        var typed = Input;
        if (!await LoadAsync(enrolmentId)) return NotFound();
        Input = typed;
        return Page();
    }

    private async Task<bool> LoadAsync(int enrolmentId)
    {
        var opening = await grids.OpenAsync(enrolmentId, User);
        if (opening.View is null && opening.Refusal is null) return false;
        (View, Closed) = (opening.View, opening.Refusal);
        return true;
    }

    private Dictionary<int, EvaluationGrids.EntryInput> Entries() =>
        Input.Entries.ToDictionary(e => e.Key, e => new EvaluationGrids.EntryInput(e.Value.Acquired, e.Value.Observation, e.Value.Agrees, e.Value.CoObservation));

    private IEnumerable<string> Errors() => ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct();

    private static InputModel FromGrid(EvaluationGrids.GridView view) => new()
    {
        Entries = view.Grid.Entries.ToDictionary(e => e.CompetenceId, e => new EntryInput
        {
            Acquired = e.Acquired, Observation = e.Observation, Agrees = e.CoEvaluatorAgrees, CoObservation = e.CoEvaluatorObservation,
        }),
        GeneralObservation = view.Grid.GeneralObservation,
    };
}
